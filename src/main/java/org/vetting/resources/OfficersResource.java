package org.vetting.resources;

import java.util.List;
import java.util.Map;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.ClearanceView;
import org.vetting.api.EvaluationView;
import org.vetting.api.RecordAdditions;
import org.vetting.api.Role;
import org.vetting.audit.AccessLog;
import org.vetting.http.AccessLogged;
import org.vetting.auth.User;
import org.vetting.clearance.ClearanceService;
import org.vetting.evaluation.EvaluationService;
import org.vetting.common.Language;
import org.vetting.db.ClearanceDao;
import org.vetting.errors.ApiException;

/** One officer: clearances (every role; a commander sees only the units they command) and continuous vetting. */
@Path("/officers/{officerId}")
@Produces(MediaType.APPLICATION_JSON)
public class OfficersResource {
    private final ClearanceService clearances;
    private final EvaluationService evaluations;

    public OfficersResource(ClearanceService clearances, EvaluationService evaluations) {
        this.clearances = clearances;
        this.evaluations = evaluations;
    }

    @GET
    @Path("/clearances")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "COMMANDER", "AUDITOR", "ADMIN"})
    @AccessLogged
    public List<ClearanceView> clearances(@Auth User user, @PathParam("officerId") String officerId,
                                          @Context HttpHeaders headers, @Context ContainerRequestContext request) {
        AccessLog.officer(request, officerId);
        List<ClearanceDao.ClearanceRow> rows = clearances.ofOfficer(officerId);
        if (rows.isEmpty() && !clearances.officerKnown(officerId)) {
            throw new ApiException(404, "no officer " + officerId + " was ever submitted");
        }
        if (onlyCommander(user)) {
            rows = rows.stream().filter(c -> user.units().contains(c.unit())).toList();
            if (rows.isEmpty()) {
                // API.md: a commander asking about units they do not command is refused, never given an empty list
                throw new ApiException(403, "officer " + officerId + " holds no clearance in a unit you command");
            }
        }
        Language language = Language.from(headers.getAcceptableLanguages());
        return rows.stream().map(c -> clearances.view(c, language)).toList();
    }

    /** The officer's evaluations, oldest first, as summaries: what a case page shows as history. */
    @GET
    @Path("/evaluations")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "AUDITOR"})
    @AccessLogged
    public List<Map<String, Object>> evaluations(@Auth User user, @PathParam("officerId") String officerId,
                                                 @Context ContainerRequestContext request) {
        AccessLog.officer(request, officerId);
        if (!clearances.officerKnown(officerId)) {
            throw new ApiException(404, "no officer " + officerId + " was ever submitted");
        }
        return evaluations.ofOfficerRows(officerId).stream().map(e -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("evaluationId", e.id());
            m.put("unit", e.unit());
            m.put("outcome", e.outcome());
            m.put("asOf", e.asOf());
            m.put("validUntil", e.validUntil());
            m.put("evaluatedAt", e.evaluatedAt());
            m.put("evaluatedBy", e.evaluatedBy());
            return m;
        }).toList();
    }

    @POST
    @Path("/records")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("VETTING_OFFICER")
    public Map<String, Object> addRecords(@Auth User user, @PathParam("officerId") String officerId,
                                          RecordAdditions additions, @Context HttpHeaders headers) {
        if (additions == null || additions.isEmpty()) {
            throw ApiException.unprocessable("(body)", "at least one record to add, under the record's list keys");
        }
        Language language = Language.from(headers.getAcceptableLanguages());
        List<EvaluationView> views = evaluations.appendRecords(officerId, additions, user.username()).stream()
                .map(e -> EvaluationView.of(e, language)).toList();
        return Map.of("officerId", officerId, "evaluations", views);
    }

    /** A user whose only view of clearances is as a commander: bound to their units. */
    static boolean onlyCommander(User user) {
        return user.has(Role.COMMANDER) && user.roles().size() == 1;
    }
}
