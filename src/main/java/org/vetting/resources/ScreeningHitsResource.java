package org.vetting.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.HitReview;
import org.vetting.api.ListPage;
import org.vetting.api.ScreeningHitView;
import org.vetting.auth.User;
import org.vetting.common.Language;
import org.vetting.hits.ScreeningReviews;
import org.vetting.http.AccessLogFilter;
import org.vetting.http.AccessLogged;

/** Possible watchlist matches (API v1.2): the review queue, one hit beside its entry, and reviews. */
@Path("/screening-hits")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningHitsResource {
    private final ScreeningReviews reviews;

    public ScreeningHitsResource(ScreeningReviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @RolesAllowed({"ADJUDICATOR", "AUDITOR"})
    @AccessLogged
    public ListPage<ScreeningHitView.Item> queue(@Parameter(hidden = true) @Auth User user,
                                                 @QueryParam("status") String status,
                                                 @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return reviews.queue(user, status, cursor, Paging.limit(limit));
    }

    @GET
    @Path("/{hitId}")
    @RolesAllowed({"ADJUDICATOR", "AUDITOR"})
    @AccessLogged
    public ScreeningHitView hit(@Parameter(hidden = true) @Auth User user, @PathParam("hitId") String hitId,
                                @Context Language language, @Context ContainerRequestContext request) {
        return reviews.hit(hitId, user, language,
                officer -> AccessLogFilter.officer(request, officer));
    }

    @POST
    @Path("/{hitId}/review")
    @RolesAllowed("ADJUDICATOR")
    @AccessLogged
    public ScreeningHitView review(@Parameter(hidden = true) @Auth User user, @PathParam("hitId") String hitId,
                                   HitReview review, @Context Language language,
                                   @Context ContainerRequestContext request) {
        return reviews.review(hitId, review, user, language,
                officer -> AccessLogFilter.officer(request, officer));
    }
}
