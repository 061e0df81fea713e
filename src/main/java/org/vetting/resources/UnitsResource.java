package org.vetting.resources;

import java.util.List;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.ClearanceView;
import org.vetting.api.ListPage;
import org.vetting.api.Role;
import org.vetting.http.AccessLogged;
import org.vetting.auth.User;
import org.vetting.clearance.ClearanceService;
import org.vetting.clearance.ClearanceStatus;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.common.Language;
import org.vetting.db.ClearanceDao;
import org.vetting.errors.ApiException;

/** A unit's roster: its officers' clearance status, validity, conditions — no flags, no evidence. */
@Path("/units/{unit}")
@Produces(MediaType.APPLICATION_JSON)
public class UnitsResource {
    private final ClearanceService clearances;
    private final ActiveRuleSet active;

    public UnitsResource(ClearanceService clearances, ActiveRuleSet active) {
        this.clearances = clearances;
        this.active = active;
    }

    @GET
    @Path("/roster")
    @RolesAllowed({"COMMANDER", "AUDITOR", "ADMIN"})
    @AccessLogged
    public ListPage<ClearanceView> roster(@Auth User user, @PathParam("unit") String unit,
                                          @QueryParam("status") String status, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor, @Context HttpHeaders headers,
                                          @Context ContainerRequestContext request) {
        boolean unrestricted = user.has(Role.AUDITOR) || user.has(Role.ADMIN);
        if (!unrestricted && !user.units().contains(unit)) {
            throw new ApiException(403, "you do not command " + unit);
        }
        if (active.ruleSet().unit(unit).isEmpty()) {
            throw new ApiException(404, "no unit " + unit);
        }
        if (status != null) {
            try {
                ClearanceStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("status", "unknown status " + status);
            }
        }
        int size = AuditResource.limit(limit);
        List<ClearanceDao.ClearanceRow> rows = clearances.roster(unit, status, cursor, size + 1);
        String next = rows.size() > size ? rows.get(size - 1).officerId() : null;
        Language language = Language.from(headers.getAcceptableLanguages());
        return new ListPage<>(rows.stream().limit(size).map(c -> clearances.view(c, language)).toList(), next);
    }
}
