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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.CorrectionDecision;
import org.vetting.api.CorrectionView;
import org.vetting.api.DecisionRequest;
import org.vetting.api.ListPage;
import org.vetting.auth.User;
import org.vetting.common.Language;
import org.vetting.correction.CorrectionService;
import org.vetting.http.AccessLogFilter;
import org.vetting.http.AccessLogged;

/** Corrections of records on file: the list (by country), and a second person's decision. */
@Path("/corrections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CorrectionsResource {
    private final CorrectionService corrections;

    public CorrectionsResource(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @GET
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "AUDITOR"})
    @AccessLogged
    public ListPage<CorrectionView> list(@Parameter(hidden = true) @Auth User user, @QueryParam("status") String status,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return corrections.list(status, cursor, Paging.limit(limit), user);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed("ADJUDICATOR")
    @AccessLogged
    public CorrectionDecision approve(@Parameter(hidden = true) @Auth User user, @PathParam("id") String id, DecisionRequest request,
                                      @Context Language language, @Context ContainerRequestContext http) {
        return corrections.approve(id, request == null ? null : request.reasons(), user,
                language, officer -> AccessLogFilter.officer(http, officer));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed("ADJUDICATOR")
    @AccessLogged
    public CorrectionView reject(@Parameter(hidden = true) @Auth User user, @PathParam("id") String id, DecisionRequest request,
                                 @Context ContainerRequestContext http) {
        return corrections.reject(id, request == null ? null : request.reasons(), user,
                officer -> AccessLogFilter.officer(http, officer));
    }
}
