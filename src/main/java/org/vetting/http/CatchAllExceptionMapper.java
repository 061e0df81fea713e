package org.vetting.http;

import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.ErrorBody;
import org.vetting.errors.DomainException;

/** A server fault: logged in full with a reference; the client gets the reference, never a stack trace. */
public class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(CatchAllExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        var wrapped = DomainException.causeOf(e);
        if (wrapped.isPresent()) {
            return new DomainExceptionMapper().toResponse(wrapped.get());
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("unhandled error, reference {}", reference, e);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(500, "internal error, reference " + reference)).build();
    }
}
