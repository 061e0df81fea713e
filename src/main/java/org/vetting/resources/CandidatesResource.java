package org.vetting.resources;

import java.net.URI;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.OfficerRecord;
import org.vetting.auth.User;
import org.vetting.http.AccessLogFilter;
import org.vetting.http.AccessLogged;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.EvaluationService;
import org.vetting.common.Language;

/** {@code POST /api/candidates}: a vetting officer submits a candidate's background record. */
@Path("/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CandidatesResource {
    private final EvaluationService evaluations;

    public CandidatesResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @POST
    @RolesAllowed("VETTING_OFFICER")
    @AccessLogged
    public Response submit(@Auth User user, OfficerRecord record, @Context HttpHeaders headers,
                           @Context ContainerRequestContext request) {
        if (record != null) {
            AccessLogFilter.officer(request, record.officerId());
        }
        Evaluation e = evaluations.submit(record, user);
        return Response.created(URI.create("/api/evaluations/" + e.id()))
                .entity(e.view(Language.from(headers.getAcceptableLanguages())))
                .build();
    }
}
