package org.vetting.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.vetting.api.Role;

/** {@code @RolesAllowed("ADJUDICATOR")} holds when the user has that role; unknown role names never hold. */
public class RoleAuthorizer implements Authorizer<User> {
    @Override
    public boolean authorize(User user, String role, ContainerRequestContext context) {
        for (Role r : user.roles()) {
            if (r.name().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
