package org.vetting.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.ErrorBody;

/** 401 as the JSON body of docs/api.md, with the Basic challenge. */
public class JsonUnauthorizedHandler implements UnauthorizedHandler {
    public static final String REALM = "vetting";

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(401, "authentication required: valid HTTP Basic credentials"))
                .build();
    }
}
