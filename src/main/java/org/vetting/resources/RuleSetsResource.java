package org.vetting.resources;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.ApprovalRequest;
import org.vetting.api.BacktestView;
import org.vetting.api.RuleSetDiffView;
import org.vetting.api.RuleSetProposal;
import org.vetting.api.RuleSetVersionView;
import org.vetting.api.RuleSetView;
import org.vetting.auth.User;
import org.vetting.governance.Backtests;
import org.vetting.governance.PolicyChanges;
import org.vetting.policy.ActiveRuleSet;

/**
 * Rule-set versions (docs/api.md "Changing the policy"): the active set; proposals, their diff
 * against the active set, backtests, and a second policy officer's approval or rejection.
 */
@Path("/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleSetsResource {
    private final ActiveRuleSet active;
    private final PolicyChanges changes;
    private final Backtests backtests;
    private final java.nio.file.Path rulesDirectory;

    public RuleSetsResource(ActiveRuleSet active, PolicyChanges changes, Backtests backtests,
                            java.nio.file.Path rulesDirectory) {
        this.active = active;
        this.changes = changes;
        this.backtests = backtests;
        this.rulesDirectory = rulesDirectory;
    }

    /**
     * Proposes rules/ as it is on disk now (it takes effect only once approved, like any proposal);
     * answers the version it is, new or already stored.
     */
    @POST
    @Path("/reload")
    @RolesAllowed("ADMIN")
    public RuleSetVersionView reload(@Parameter(hidden = true) @Auth User user) {
        return changes.proposeDirectory(rulesDirectory, "the rules directory on disk, proposed by reload",
                user.username());
    }

    @GET
    @Path("/active")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "COMMANDER", "AUDITOR", "POLICY_OFFICER", "ADMIN", "APPEALS_BOARD"})
    public RuleSetView active(@Parameter(hidden = true) @Auth User user) {
        return active.get().view();
    }

    @POST
    @RolesAllowed("POLICY_OFFICER")
    public Response propose(@Parameter(hidden = true) @Auth User user, RuleSetProposal proposal) {
        return Response.status(Response.Status.CREATED).entity(changes.propose(proposal, user.username())).build();
    }

    @GET
    @RolesAllowed({"POLICY_OFFICER", "ADJUDICATOR", "AUDITOR", "ADMIN"})
    public List<RuleSetVersionView> list(@Parameter(hidden = true) @Auth User user) {
        return changes.list();
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({"POLICY_OFFICER", "ADJUDICATOR", "AUDITOR", "ADMIN"})
    public RuleSetVersionView version(@Parameter(hidden = true) @Auth User user, @PathParam("version") String version) {
        return changes.detail(version);
    }

    @GET
    @Path("/{version}/diff")
    @RolesAllowed({"POLICY_OFFICER", "ADJUDICATOR", "AUDITOR", "ADMIN"})
    public RuleSetDiffView diff(@Parameter(hidden = true) @Auth User user, @PathParam("version") String version) {
        return changes.diff(version);
    }

    @POST
    @Path("/{version}/backtests")
    @RolesAllowed("POLICY_OFFICER")
    public Response backtest(@Parameter(hidden = true) @Auth User user, @PathParam("version") String version) {
        BacktestView started = backtests.start(version, user);
        return Response.accepted(started).build();
    }

    @POST
    @Path("/{version}/approve")
    @RolesAllowed("POLICY_OFFICER")
    public RuleSetVersionView approve(@Parameter(hidden = true) @Auth User user, @PathParam("version") String version, ApprovalRequest request) {
        user.requireRecentSecondFactor(); // the second policy officer's signature
        return changes.approve(version, request, user.username());
    }

    @POST
    @Path("/{version}/reject")
    @RolesAllowed("POLICY_OFFICER")
    public RuleSetVersionView reject(@Parameter(hidden = true) @Auth User user, @PathParam("version") String version, ApprovalRequest request) {
        return changes.reject(version, request, user.username());
    }
}
