package org.vetting.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.ClearanceView;
import org.vetting.api.ListPage;
import org.vetting.http.AccessLogged;
import org.vetting.auth.User;
import org.vetting.clearance.ClearanceService;
import org.vetting.common.Language;

/** A unit's roster: its officers' clearance status, validity, conditions — no flags, no evidence. */
@Path("/units/{unit}")
@Produces(MediaType.APPLICATION_JSON)
public class UnitsResource {
    private final ClearanceService clearances;

    public UnitsResource(ClearanceService clearances) {
        this.clearances = clearances;
    }

    @GET
    @Path("/roster")
    @RolesAllowed({"COMMANDER", "AUDITOR", "ADMIN"})
    @AccessLogged
    public ListPage<ClearanceView> roster(@Parameter(hidden = true) @Auth User user, @PathParam("unit") String unit,
                                          @QueryParam("status") String status, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor, @Context Language language) {
        return clearances.roster(unit, status, cursor, Paging.limit(limit), user, language);
    }
}
