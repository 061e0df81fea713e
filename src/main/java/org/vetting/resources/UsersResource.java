package org.vetting.resources;

import java.net.URI;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.NewUser;
import org.vetting.api.UserView;
import org.vetting.auth.User;
import org.vetting.core.ActiveRuleSet;
import org.vetting.core.UserService;
import org.vetting.errors.ApiException;

/** {@code POST /api/users}: an administrator creates a user with roles (and units for a commander). */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {
    private final UserService users;
    private final ActiveRuleSet active;

    public UsersResource(UserService users, ActiveRuleSet active) {
        this.users = users;
        this.active = active;
    }

    @POST
    @RolesAllowed("ADMIN")
    public Response create(@Auth User admin, NewUser request) {
        if (request == null) {
            throw ApiException.unprocessable("(body)", "required");
        }
        UserView created = users.create(request, active.ruleSet().units().keySet(), admin.username());
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }
}
