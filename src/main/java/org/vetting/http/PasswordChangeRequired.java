package org.vetting.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.ErrorBody;
import org.vetting.auth.User;

/** A user whose password was generated changes it first: every call but {@code /me} is refused until then. */
@Priority(Priorities.AUTHORIZATION + 10)
public class PasswordChangeRequired implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() instanceof User user
                && user.mustChangePassword() && !request.getUriInfo().getPath().matches("/?me(/password)?")) {
            request.abortWith(Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(403, "change your password first: POST /api/me/password")).build());
        }
    }
}
