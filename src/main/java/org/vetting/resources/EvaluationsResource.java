package org.vetting.resources;

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
import org.vetting.adjudication.AdjudicationService;
import org.vetting.api.AdjudicationRequest;
import org.vetting.api.AdjudicationView;
import org.vetting.api.DryRunRequest;
import org.vetting.api.EvaluationView;
import org.vetting.http.AccessLogged;
import org.vetting.auth.User;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.EvaluationReads;
import org.vetting.evaluation.EvaluationService;
import org.vetting.common.Language;
import org.vetting.errors.ValidationFailed;
import org.vetting.http.AccessLogFilter;

/** Dry runs and stored evaluations. */
@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationsResource {
    private final EvaluationService evaluations;
    private final EvaluationReads reads;
    private final AdjudicationService adjudications;

    public EvaluationsResource(EvaluationService evaluations, EvaluationReads reads, AdjudicationService adjudications) {
        this.evaluations = evaluations;
        this.reads = reads;
        this.adjudications = adjudications;
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "ADMIN"})
    public EvaluationView dryRun(@Parameter(hidden = true) @Auth User user, DryRunRequest request, @Context Language language) {
        if (request == null) {
            throw ValidationFailed.of("record", "required");
        }
        return evaluations.dryRun(request.record(), request.asOf(), user.username())
                .view(language);
    }

    @POST
    @Path("/{id}/adjudication")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADJUDICATOR")
    @AccessLogged
    public AdjudicationView adjudicate(@Parameter(hidden = true) @Auth User user, @PathParam("id") String id, AdjudicationRequest request,
                                       @Context Language language, @Context ContainerRequestContext http) {
        if (request == null) {
            throw ValidationFailed.of("(body)", "required: decision and reasons");
        }
        return adjudications.adjudicate(id, request, user, language,
                officer -> AccessLogFilter.officer(http, officer));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "AUDITOR"})
    @AccessLogged
    public EvaluationView get(@Parameter(hidden = true) @Auth User user, @PathParam("id") String id, @Context Language language,
                              @Context ContainerRequestContext request) {
        Evaluation e = reads.read(id, user, officer -> AccessLogFilter.officer(request, officer));
        return reads.view(e, language);
    }
}
