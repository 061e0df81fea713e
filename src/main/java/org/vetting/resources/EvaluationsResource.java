package org.vetting.resources;

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
import org.vetting.adjudication.AdjudicationService;
import org.vetting.api.AdjudicationRequest;
import org.vetting.api.AdjudicationView;
import org.vetting.api.DryRunRequest;
import org.vetting.clearance.ClearanceService;
import org.vetting.clearance.Condition;
import org.vetting.common.Json;
import org.vetting.api.EvaluationView;
import org.vetting.audit.AccessLog;
import org.vetting.http.AccessLogged;
import org.vetting.auth.User;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.EvaluationService;
import org.vetting.common.Language;
import org.vetting.errors.ApiException;

/** Dry runs and stored evaluations. */
@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationsResource {
    private final EvaluationService evaluations;
    private final AdjudicationService adjudications;
    private final ClearanceService clearances;

    public EvaluationsResource(EvaluationService evaluations, AdjudicationService adjudications,
                               ClearanceService clearances) {
        this.evaluations = evaluations;
        this.adjudications = adjudications;
        this.clearances = clearances;
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "ADMIN"})
    public EvaluationView dryRun(@Auth User user, DryRunRequest request, @Context HttpHeaders headers) {
        if (request == null) {
            throw ApiException.unprocessable("record", "required");
        }
        return EvaluationView.of(evaluations.dryRun(request.record(), request.asOf(), user.username()),
                Language.from(headers.getAcceptableLanguages()));
    }

    @POST
    @Path("/{id}/adjudication")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADJUDICATOR")
    public AdjudicationView adjudicate(@Auth User user, @PathParam("id") String id, AdjudicationRequest request,
                                       @Context HttpHeaders headers) {
        if (request == null) {
            throw ApiException.unprocessable("(body)", "required: decision and reasons");
        }
        AdjudicationService.Result r = adjudications.adjudicate(id, request, user);
        Language language = Language.from(headers.getAcceptableLanguages());
        var a = r.adjudication();
        return new AdjudicationView(a.id(), a.evaluationId(), a.officerId(), a.unit(), a.stage(), a.decision(),
                a.reasons(), Condition.in(Json.read(a.conditions(), Condition.LIST), language),
                AdjudicationService.strings(a.waived()), a.adjudicator(), a.at(),
                clearances.view(r.clearance(), language));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "AUDITOR"})
    @AccessLogged
    public EvaluationView get(@Auth User user, @PathParam("id") String id, @Context HttpHeaders headers,
                              @Context ContainerRequestContext request) {
        Evaluation e = evaluations.find(id).orElseThrow(() -> new ApiException(404, "no evaluation " + id));
        AccessLog.officer(request, e.officerId());
        return EvaluationView.of(e, Language.from(headers.getAcceptableLanguages()));
    }
}
