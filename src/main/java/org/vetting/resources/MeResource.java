package org.vetting.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.vetting.auth.User;

/** Who is signed in: the web interface shows only what these roles may use. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @GET
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "COMMANDER", "AUDITOR", "ADMIN"})
    public User me(@Auth User user) {
        return user;
    }
}
