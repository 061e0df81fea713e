package org.vetting.http;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.vetting.api.ErrorBody;
import org.vetting.errors.Conflict;
import org.vetting.errors.CsrfRefused;
import org.vetting.errors.DomainException;
import org.vetting.errors.NotFound;
import org.vetting.errors.ReauthenticationRequired;
import org.vetting.errors.SignInRefused;
import org.vetting.errors.Throttled;
import org.vetting.errors.Unauthenticated;
import org.vetting.errors.Unavailable;
import org.vetting.errors.OutOfScope;
import org.vetting.errors.SeparationOfDuties;
import org.vetting.errors.TooLarge;
import org.vetting.errors.ValidationFailed;

/** The one place where a domain refusal becomes an HTTP status, as the JSON body of docs/api.md "Errors". */
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
    private static final Map<Class<? extends DomainException>, Integer> STATUS = new LinkedHashMap<>();

    static {
        STATUS.put(NotFound.class, 404);
        STATUS.put(ValidationFailed.class, 422);
        STATUS.put(SeparationOfDuties.class, 403);
        STATUS.put(OutOfScope.class, 403);
        STATUS.put(Conflict.class, 409);
        STATUS.put(TooLarge.class, 413);
        STATUS.put(Unauthenticated.class, 401);
        STATUS.put(Throttled.class, 429);
        STATUS.put(CsrfRefused.class, 403);
        STATUS.put(SignInRefused.class, 403);
        STATUS.put(Unavailable.class, 503);
    }

    @Override
    public Response toResponse(DomainException e) {
        int status = status(e);
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, e.getMessage(), e.errors(),
                        e instanceof ReauthenticationRequired ? Boolean.TRUE : null));
        if (e instanceof Throttled t) {
            r.header("Retry-After", Long.toString(t.retryAfterSeconds()));
        }
        return r.build();
    }

    /** The status of a refusal: that of its own type or of the nearest supertype listed. */
    public static int status(DomainException e) {
        for (Class<?> c = e.getClass(); c != DomainException.class; c = c.getSuperclass()) {
            Integer s = STATUS.get(c);
            if (s != null) {
                return s;
            }
        }
        throw new IllegalStateException("no status for " + e.getClass().getName(), e);
    }
}
