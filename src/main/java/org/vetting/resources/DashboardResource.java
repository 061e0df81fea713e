package org.vetting.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.DashboardView;
import org.vetting.auth.User;
import org.vetting.dashboard.DashboardService;

/** Each role's start page: counts within what the role may see, never an officer. */
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    private final DashboardService dashboards;

    public DashboardResource(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    @Path("/commander")
    @RolesAllowed("COMMANDER")
    public DashboardView commander(@Parameter(hidden = true) @Auth User user) {
        return dashboards.commander(user);
    }

    @GET
    @Path("/adjudicator")
    @RolesAllowed("ADJUDICATOR")
    public DashboardView adjudicator(@Parameter(hidden = true) @Auth User user) {
        return dashboards.adjudicator(user);
    }

    @GET
    @Path("/auditor")
    @RolesAllowed("AUDITOR")
    public DashboardView auditor(@Parameter(hidden = true) @Auth User user) {
        return dashboards.auditor(user);
    }
}
