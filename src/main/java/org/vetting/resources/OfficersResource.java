package org.vetting.resources;

import java.util.List;
import java.util.Map;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.QueryParam;
import org.vetting.api.ClearanceView;
import org.vetting.api.ListPage;
import org.vetting.api.CorrectionRequest;
import org.vetting.api.CorrectionView;
import org.vetting.correction.CorrectionService;
import org.vetting.api.EvaluationSummary;
import org.vetting.api.EvaluationView;
import org.vetting.api.OfficerRecord;
import org.vetting.http.AccessLogged;
import org.vetting.auth.User;
import org.vetting.clearance.ClearanceService;
import org.vetting.evaluation.EvaluationReads;
import org.vetting.evaluation.EvaluationService;
import org.vetting.common.Language;
import org.vetting.http.AccessLogFilter;

/** One officer: clearances (every role; a commander sees only the units they command) and continuous vetting. */
@Path("/officers/{officerId}")
@Produces(MediaType.APPLICATION_JSON)
public class OfficersResource {
    private final ClearanceService clearances;
    private final EvaluationService evaluations;
    private final EvaluationReads reads;
    private final CorrectionService corrections;

    public OfficersResource(ClearanceService clearances, EvaluationService evaluations, EvaluationReads reads,
                            CorrectionService corrections) {
        this.clearances = clearances;
        this.evaluations = evaluations;
        this.reads = reads;
        this.corrections = corrections;
    }

    @GET
    @Path("/clearances")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "COMMANDER", "AUDITOR", "ADMIN"})
    @AccessLogged
    public List<ClearanceView> clearances(@Parameter(hidden = true) @Auth User user, @PathParam("officerId") String officerId,
                                          @Context Language language, @Context ContainerRequestContext request) {
        AccessLogFilter.officer(request, officerId);
        return clearances.ofOfficer(officerId, user, language);
    }

    /** Proposes a correction of records on file: it changes nothing until a second person approves it. */
    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("VETTING_OFFICER")
    @AccessLogged
    public Response propose(@Parameter(hidden = true) @Auth User user, @PathParam("officerId") String officerId, CorrectionRequest request,
                            @Context ContainerRequestContext http) {
        AccessLogFilter.officer(http, officerId);
        CorrectionView proposed = corrections.propose(officerId, request, user);
        return Response.created(URI.create("/api/corrections/" + proposed.correctionId())).entity(proposed).build();
    }

    /** The officer's evaluations, oldest first, as summaries: what a case page shows as history. */
    @GET
    @Path("/evaluations")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "AUDITOR"})
    @AccessLogged
    public ListPage<EvaluationSummary> evaluations(@Parameter(hidden = true) @Auth User user, @PathParam("officerId") String officerId,
                                                  @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                                  @Context ContainerRequestContext request) {
        AccessLogFilter.officer(request, officerId);
        return reads.ofOfficer(officerId, user, cursor, Paging.limit(limit));
    }

    @POST
    @Path("/records")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("VETTING_OFFICER")
    @AccessLogged
    public Map<String, Object> addRecords(@Parameter(hidden = true) @Auth User user, @PathParam("officerId") String officerId,
                                          OfficerRecord additions, @Context Language language,
                                          @Context ContainerRequestContext request) {
        AccessLogFilter.officer(request, officerId);
        List<EvaluationView> views = reads.views(evaluations.appendRecords(officerId, additions, user), language);
        return Map.of("officerId", officerId, "evaluations", views);
    }
}
