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
import org.vetting.policy.ActiveRuleSet;
import org.vetting.users.UserService;
import org.vetting.errors.ValidationFailed;

/** {@code POST /api/users}: an administrator creates a user with roles (and units for a commander). */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {
    private final UserService users;
    private final ActiveRuleSet active;
    private final Runnable forgetCredentials;

    /** {@code forgetCredentials} empties the authentication cache, so a disabled user is refused at once. */
    public UsersResource(UserService users, ActiveRuleSet active, Runnable forgetCredentials) {
        this.users = users;
        this.active = active;
        this.forgetCredentials = forgetCredentials;
    }

    @jakarta.ws.rs.GET
    @RolesAllowed("ADMIN")
    public java.util.List<UserView> list(@Auth User admin) {
        return users.list();
    }

    @POST
    @Path("/{username}/disable")
    @RolesAllowed("ADMIN")
    public UserView disable(@Auth User admin, @jakarta.ws.rs.PathParam("username") String username) {
        UserView disabled = users.disable(username, admin.username());
        forgetCredentials.run();
        return disabled;
    }

    @POST
    @RolesAllowed("ADMIN")
    public Response create(@Auth User admin, NewUser request) {
        if (request == null) {
            throw ValidationFailed.of("(body)", "required");
        }
        UserView created = users.create(request, active.ruleSet().units().keySet(), admin.username());
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }
}
