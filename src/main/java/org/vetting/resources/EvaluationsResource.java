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
import org.vetting.api.DryRunRequest;
import org.vetting.api.EvaluationView;
import org.vetting.audit.AccessLog;
import org.vetting.audit.AccessLogged;
import org.vetting.auth.User;
import org.vetting.core.Evaluation;
import org.vetting.core.EvaluationService;
import org.vetting.core.Language;
import org.vetting.errors.ApiException;

/** Dry runs and stored evaluations. */
@Path("/api/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationsResource {
    private final EvaluationService evaluations;

    public EvaluationsResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
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
