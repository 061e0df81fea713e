package org.vetting.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.ErrorBody;

/** JAX-RS errors (404 unknown path, 403 wrong role, 405, 415, …) as the JSON body of docs/api.md. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String message;
        if (status >= 500) {
            LOG.error("server error", e);
            message = "internal error";
        } else if (status == 403) {
            message = "your roles do not allow this request";
        } else if (status == 404) {
            message = e.getMessage() != null && !e.getMessage().startsWith("HTTP 404") ? e.getMessage() : "not found";
        } else {
            message = original.getStatusInfo().getReasonPhrase();
        }
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
