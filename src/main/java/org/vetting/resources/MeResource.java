package org.vetting.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.PasswordChange;
import org.vetting.auth.User;
import org.vetting.users.UserService;

/** Who is signed in (the web interface shows only what these roles may use), and changing one's password. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private final UserService users;

    public MeResource(UserService users) {
        this.users = users;
    }

    /** Any signed-in user, whatever their roles (a user whose roles wait for approval has none yet). */
    @GET
    @PermitAll
    public User me(@Parameter(hidden = true) @Auth User user) {
        return user;
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Response changePassword(@Parameter(hidden = true) @Auth User user, PasswordChange change) {
        users.changePassword(user, change);
        return Response.noContent().build();
    }
}
