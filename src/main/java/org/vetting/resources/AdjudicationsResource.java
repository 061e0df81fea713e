package org.vetting.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.vetting.adjudication.AdjudicationService;
import jakarta.ws.rs.QueryParam;
import org.vetting.api.ListPage;
import org.vetting.api.PendingCase;
import org.vetting.http.AccessLogged;
import org.vetting.auth.User;

/** The adjudicators' queue: cases waiting for a decision or for a waiver's second approval, oldest first. */
@Path("/adjudications")
@Produces(MediaType.APPLICATION_JSON)
public class AdjudicationsResource {
    private final AdjudicationService adjudications;

    public AdjudicationsResource(AdjudicationService adjudications) {
        this.adjudications = adjudications;
    }

    @GET
    @Path("/queue")
    @RolesAllowed("ADJUDICATOR")
    @AccessLogged
    public ListPage<PendingCase> queue(@Parameter(hidden = true) @Auth User user, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return adjudications.queue(user, cursor, Paging.limit(limit));
    }
}
