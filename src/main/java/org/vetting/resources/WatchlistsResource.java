package org.vetting.resources;

import java.io.InputStream;
import java.util.List;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.DecisionRequest;
import org.vetting.api.WatchlistEntryView;
import org.vetting.api.WatchlistImport;
import org.vetting.auth.User;
import org.vetting.errors.ValidationFailed;
import org.vetting.watchlist.Watchlists;

/** Watchlists (API v1.2): importing versions, approving those that remove entries, reading and searching. */
@Path("/watchlists")
@Produces(MediaType.APPLICATION_JSON)
public class WatchlistsResource {
    private final Watchlists watchlists;

    public WatchlistsResource(Watchlists watchlists) {
        this.watchlists = watchlists;
    }

    @POST
    @Path("/{list}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("POLICY_OFFICER")
    public Response importVersion(@Parameter(hidden = true) @Auth User user, @PathParam("list") String list,
                                  InputStream body) {
        try (ListUpload upload = ListUpload.read(body)) {
            WatchlistImport imported = watchlists.importVersion(list, upload.format(), upload.files(), user.username());
            return Response.status(Response.Status.CREATED).entity(imported).build();
        }
    }

    @POST
    @Path("/{list}/versions/{version}/approve")
    @RolesAllowed("POLICY_OFFICER")
    public WatchlistImport approve(@Parameter(hidden = true) @Auth User user, @PathParam("list") String list,
                                   @PathParam("version") String version, DecisionRequest request) {
        user.requireRecentSecondFactor(); // the second policy officer's signature
        return watchlists.approve(list, version(version), user.username(), request == null ? null : request.reasons());
    }

    @POST
    @Path("/{list}/versions/{version}/reject")
    @RolesAllowed("POLICY_OFFICER")
    public WatchlistImport reject(@Parameter(hidden = true) @Auth User user, @PathParam("list") String list,
                                  @PathParam("version") String version, DecisionRequest request) {
        return watchlists.reject(list, version(version), user.username(), request == null ? null : request.reasons());
    }

    @GET
    @RolesAllowed({"POLICY_OFFICER", "ADJUDICATOR", "AUDITOR"})
    public List<WatchlistImport.ListView> lists(@Parameter(hidden = true) @Auth User user) {
        return watchlists.lists();
    }

    @GET
    @Path("/{list}/entries")
    @RolesAllowed({"POLICY_OFFICER", "ADJUDICATOR", "AUDITOR"})
    public List<WatchlistEntryView> search(@Parameter(hidden = true) @Auth User user, @PathParam("list") String list,
                                           @QueryParam("q") String q, @QueryParam("minScore") String minScore,
                                           @QueryParam("limit") String limit) {
        double min = 0.7;
        if (minScore != null) {
            try {
                min = Double.parseDouble(minScore);
            } catch (NumberFormatException e) {
                min = -1;
            }
            if (!(min >= 0.5 && min <= 1)) {
                throw ValidationFailed.of("minScore", "a score from 0.5 to 1, got " + minScore);
            }
        }
        return watchlists.search(list, q, min, Math.min(Paging.limit(limit), 100));
    }

    private static int version(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ValidationFailed.of("version", "a version number, got " + version);
        }
    }
}
