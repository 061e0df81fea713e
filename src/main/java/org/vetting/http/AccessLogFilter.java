package org.vetting.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.vetting.api.ErrorBody;
import org.slf4j.LoggerFactory;
import org.vetting.access.AccessLog;
import org.vetting.common.Identifiers;
import org.vetting.errors.ValidationFailed;

/**
 * Writes the access log for every {@link AccessLogged} call, answered or refused (403): a response
 * filter, so it sees the final status. It fails closed: when the entry cannot be written the answer
 * is replaced by a 503, so no officer's data leaves unlogged. Resources name the officer with {@link #officer}.
 */
@AccessLogged
public class AccessLogFilter implements ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);
    private static final String OFFICER = AccessLogFilter.class.getName() + ".officerId";
    private static final String WRITTEN = AccessLogFilter.class.getName() + ".writtenWithStatus";

    private final AccessLog accessLog;

    public AccessLogFilter(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** Names the officer whose data this request reads. */
    public static void officer(ContainerRequestContext request, String officerId) {
        // recorded (and logged) as made safe; an id that is none is refused before anything reads by it
        request.setProperty(OFFICER, Identifiers.safe(officerId));
        if (officerId != null && !Identifiers.isOfficerId(officerId)) {
            throw ValidationFailed.of("officerId", Identifiers.OFFICER_ID_RULE);
        }
    }

    /**
     * This request's read, for a service that writes its entry in its own transaction, answered
     * with {@code status} once stored; {@link #written} then tells this filter so.
     */
    public static AccessLog.Read read(ContainerRequestContext request, int status) {
        return new AccessLog.Read(username(request), request.getMethod(), path(request), status);
    }

    /**
     * This request's entry is written, with {@code read}'s status: the filter writes none unless
     * the answer ends with another status (then it writes one with that, as for any request).
     */
    public static void written(ContainerRequestContext request, AccessLog.Read read) {
        request.setProperty(WRITTEN, read.status());
    }

    private static String username(ContainerRequestContext request) {
        var principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String whole = query == null ? path : path + "?" + query;
        // as the column holds it (512): a longer request is recorded by its beginning, never refused a record
        return whole.length() <= 512 ? whole : whole.substring(0, 511) + "…";
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (Integer.valueOf(response.getStatus()).equals(request.getProperty(WRITTEN))) {
            return;
        }
        String username = username(request);
        String officerId = (String) request.getProperty(OFFICER);
        String path = path(request);
        try {
            accessLog.record(username, officerId, request.getMethod(), path, response.getStatus());
        } catch (RuntimeException e) {
            // fails closed: a read that cannot be logged is not answered (its data never leaves)
            LOG.error("ACCESS LOG WRITE FAILED, answer withheld: {} {} {} by {} -> {}: {}", request.getMethod(), path,
                    officerId, username, response.getStatus(), e.getClass().getName());
            response.setStatus(503);
            response.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
            response.setEntity(new ErrorBody(503, "the read could not be recorded in the access log; try again"));
        }
    }
}
