package org.vetting.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.adverse.AdverseCaseService;
import org.vetting.api.AdverseCaseView;
import org.vetting.api.AdverseRequest;
import org.vetting.api.LetterView;
import org.vetting.api.ListPage;
import org.vetting.auth.User;
import org.vetting.http.AccessLogFilter;
import org.vetting.http.AccessLogged;

/**
 * Adverse cases (API v1.3, policy section 9): the queue, a case, its letters, and each step —
 * notice, reply, extension, reconsideration, appeal, vote — by the role the policy names for it.
 * Every call names the officer for the access log.
 */
@Path("/adverse-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdverseCasesResource {
    static final String PDF = "application/pdf";
    private final AdverseCaseService cases;

    public AdverseCasesResource(AdverseCaseService cases) {
        this.cases = cases;
    }

    @GET
    @RolesAllowed({"ADJUDICATOR", "AUDITOR", "VETTING_OFFICER", "APPEALS_BOARD"})
    @AccessLogged
    @Operation(summary = "Adverse cases of your countries, in opening order; due=N: windows closing within N days")
    public ListPage<AdverseCaseView.Item> list(@Parameter(hidden = true) @Auth User user,
                                               @QueryParam("stage") String stage, @QueryParam("due") String due,
                                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return cases.page(user, stage, due, cursor, Paging.limit(limit));
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({"ADJUDICATOR", "AUDITOR", "VETTING_OFFICER", "APPEALS_BOARD"})
    @AccessLogged
    @Operation(summary = "One adverse case: its stage, windows, replies, votes, letters and history")
    public AdverseCaseView get(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                               @Context ContainerRequestContext request) {
        return cases.get(caseId, user, officer -> AccessLogFilter.officer(request, officer));
    }

    @GET
    @Path("/{caseId}/letters/{letterId}")
    @Produces(PDF)
    @RolesAllowed({"ADJUDICATOR", "AUDITOR", "VETTING_OFFICER", "APPEALS_BOARD"})
    @AccessLogged
    @Operation(summary = "A letter as sent (PDF); with Accept: application/json, its text and SHA-256")
    public Response letterPdf(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                              @PathParam("letterId") String letterId, @Context ContainerRequestContext request) {
        byte[] pdf = cases.letterPdf(caseId, letterId, user, officer -> AccessLogFilter.officer(request, officer));
        return Response.ok(pdf, PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                "inline; filename=\"letter-" + letterId + ".pdf\"").build();
    }

    @GET
    @Path("/{caseId}/letters/{letterId}")
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.5")
    @RolesAllowed({"ADJUDICATOR", "AUDITOR", "VETTING_OFFICER", "APPEALS_BOARD"})
    @AccessLogged
    @Operation(summary = "A letter's text and SHA-256, regenerated from the chain to show it is the one on file")
    public LetterView letter(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                             @PathParam("letterId") String letterId, @Context ContainerRequestContext request) {
        return cases.letter(caseId, letterId, user, officer -> AccessLogFilter.officer(request, officer));
    }

    @POST
    @Path("/{caseId}/notice")
    @RolesAllowed("ADJUDICATOR")
    @AccessLogged
    @Operation(summary = "Issue the notice (statement of reasons): NOTICE_ISSUED, the reply window opens")
    public AdverseCaseView notice(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                                  AdverseRequest body, @Context ContainerRequestContext request) {
        return cases.notice(caseId, body, user, officer -> AccessLogFilter.officer(request, officer));
    }

    @POST
    @Path("/{caseId}/replies")
    @RolesAllowed("VETTING_OFFICER")
    @AccessLogged
    @Operation(summary = "Record the officer's reply within the reply window")
    public AdverseCaseView reply(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                                 AdverseRequest body, @Context ContainerRequestContext request) {
        return cases.reply(caseId, body, user, officer -> AccessLogFilter.officer(request, officer));
    }

    @POST
    @Path("/{caseId}/extension")
    @RolesAllowed("ADJUDICATOR")
    @AccessLogged
    @Operation(summary = "Extend the reply window, once, by up to extensionDays")
    public AdverseCaseView extension(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                                     AdverseRequest body, @Context ContainerRequestContext request) {
        return cases.extension(caseId, body, user, officer -> AccessLogFilter.officer(request, officer));
    }

    @POST
    @Path("/{caseId}/reconsideration")
    @RolesAllowed("ADJUDICATOR")
    @AccessLogged
    @Operation(summary = "Reconsider (a second adjudicator): UPHOLD or WITHDRAW, on the file as it now stands")
    public AdverseCaseView reconsider(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                                      AdverseRequest body, @Context ContainerRequestContext request) {
        return cases.reconsider(caseId, body, user, officer -> AccessLogFilter.officer(request, officer));
    }

    @POST
    @Path("/{caseId}/appeal")
    @RolesAllowed("VETTING_OFFICER")
    @AccessLogged
    @Operation(summary = "Record the officer's appeal within the appeal window: APPEALED")
    public AdverseCaseView appeal(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                                  AdverseRequest body, @Context ContainerRequestContext request) {
        return cases.appeal(caseId, body, user, officer -> AccessLogFilter.officer(request, officer));
    }

    @POST
    @Path("/{caseId}/votes")
    @RolesAllowed("APPEALS_BOARD")
    @AccessLogged
    @Operation(summary = "A board member's vote, UPHOLD or REVERSE; the case closes once two agree")
    public AdverseCaseView vote(@Parameter(hidden = true) @Auth User user, @PathParam("caseId") String caseId,
                                AdverseRequest body, @Context ContainerRequestContext request) {
        return cases.vote(caseId, body, user, officer -> AccessLogFilter.officer(request, officer));
    }
}
