package org.vetting.resources;

import java.net.URI;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.vetting.api.SessionEntry;
import org.vetting.http.Addresses;
import org.vetting.signin.Sessions;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.QueryParam;
import org.vetting.api.ListPage;
import org.vetting.api.NewUser;
import org.vetting.api.RoleChange;
import org.vetting.api.UserView;
import org.vetting.auth.User;
import org.vetting.errors.ValidationFailed;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.users.UserService;

/**
 * Users, for administrators: create (201, or 202 while a privileged role waits for a second
 * administrator), change roles, approve what waits, disable and enable, list.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class UsersResource {
    private final UserService users;
    private final ActiveRuleSet active;
    private final Sessions sessions;

    public UsersResource(UserService users, ActiveRuleSet active, Sessions sessions) {
        this.users = users;
        this.active = active;
        this.sessions = sessions;
    }

    @GET
    public ListPage<UserView> list(@Parameter(hidden = true) @Auth User admin, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        return users.list(cursor, Paging.limit(limit));
    }

    @POST
    public Response create(@Parameter(hidden = true) @Auth User admin, NewUser request) {
        if (request == null) {
            throw ValidationFailed.of("(body)", "required");
        }
        UserService.Outcome created = users.create(request, active.ruleSet().units().keySet(), admin);
        return (created.pending() ? Response.accepted() : Response.created(URI.create("/api/users/"
                + created.user().username()))).entity(created.user()).build();
    }

    @POST
    @Path("/{username}/roles")
    public Response changeRoles(@Parameter(hidden = true) @Auth User admin, @PathParam("username") String username, RoleChange change) {
        if (change == null) {
            throw ValidationFailed.of("(body)", "required: roles, units, countries");
        }
        UserService.Outcome changed = users.changeRoles(username, change, active.ruleSet().units().keySet(), admin);
        return (changed.pending() ? Response.accepted() : Response.ok()).entity(changed.user()).build();
    }

    @POST
    @Path("/{username}/approve")
    public UserView approve(@Parameter(hidden = true) @Auth User admin, @PathParam("username") String username) {
        admin.requireRecentSecondFactor(); // the second administrator's signature
        return users.approve(username, admin);
    }

    /** Every second factor of a user reset (all lost): pending until a second administrator approves. */
    @POST
    @Path("/{username}/factors/reset")
    public Response resetFactors(@Parameter(hidden = true) @Auth User admin, @PathParam("username") String username) {
        return Response.accepted(users.requestFactorReset(username, admin)).build();
    }

    /** A user's open sessions: when each began and was last used, from where, how. */
    @GET
    @Path("/{username}/sessions")
    public List<SessionEntry> sessions(@Parameter(hidden = true) @Auth User admin,
                                       @PathParam("username") String username) {
        users.find(username);
        return sessions.sessionsOf(username);
    }

    /** Ends every session of a user at once, on every instance. */
    @DELETE
    @Path("/{username}/sessions")
    public Response endSessions(@Parameter(hidden = true) @Auth User admin, @PathParam("username") String username,
                                @Context HttpServletRequest http) {
        users.find(username);
        sessions.endAll(username, admin.username(), Addresses.of(http));
        return Response.noContent().build();
    }

    @POST
    @Path("/{username}/disable")
    public UserView disable(@Parameter(hidden = true) @Auth User admin, @PathParam("username") String username) {
        return users.disable(username, admin);
    }

    @POST
    @Path("/{username}/enable")
    public Response enable(@Parameter(hidden = true) @Auth User admin, @PathParam("username") String username) {
        UserService.Outcome enabled = users.enable(username, admin);
        return (enabled.pending() ? Response.accepted() : Response.ok()).entity(enabled.user()).build();
    }
}
