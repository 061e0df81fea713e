package org.vetting.resources;

import org.vetting.errors.Conflict;
import java.util.List;
import java.util.stream.Stream;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.BacktestView;
import org.vetting.auth.User;
import org.vetting.errors.ValidationFailed;
import org.vetting.governance.Backtests;
import org.vetting.http.AccessLogged;

/**
 * A backtest's progress and report; {@code ?format=csv} gives its changes. The changes name
 * officers, so reading them is logged, and each reader sees those of their countries only.
 */
@Path("/backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestsResource {
    static final List<String> CSV_COLUMNS = List.of("officerId", "country", "unit", "from", "to", "gained", "lost");
    private final Backtests backtests;

    public BacktestsResource(Backtests backtests) {
        this.backtests = backtests;
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"POLICY_OFFICER", "AUDITOR"})
    @AccessLogged
    public Response find(@Parameter(hidden = true) @Auth User user, @PathParam("id") String id, @QueryParam("format") String format) {
        BacktestView backtest = backtests.find(id, user);
        if (format == null || format.equals("json")) {
            return Response.ok(backtest, MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (!format.equals("csv")) {
            throw ValidationFailed.of("format", "json or csv");
        }
        if (backtest.changes() == null) {
            throw new Conflict("backtest " + id + " is " + backtest.status() + ": no report yet");
        }
        return Csv.download("backtest-" + id + ".csv", CSV_COLUMNS, backtest.changes(), c -> Stream.of(c.officerId(),
                c.country(), c.unit(), c.from(), c.to(), String.join(";", c.gained()), String.join(";", c.lost())))
                .build();
    }
}
