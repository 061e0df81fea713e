package org.vetting.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.RuleSetView;
import org.vetting.auth.User;
import org.vetting.policy.ActiveRuleSet;

/** The active rule set: version, activation time, every rule with its code and severity, the units. */
@Path("/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetsResource {
    private final ActiveRuleSet active;
    private final java.nio.file.Path rulesDirectory;

    public RuleSetsResource(ActiveRuleSet active, java.nio.file.Path rulesDirectory) {
        this.active = active;
        this.rulesDirectory = rulesDirectory;
    }

    /** Recompiles rules/; a broken set is refused with every error (file:line) and the old one keeps serving. */
    @POST
    @Path("/reload")
    @RolesAllowed("ADMIN")
    public RuleSetView reload(@Auth User user) {
        return active.reload(rulesDirectory).view();
    }

    @GET
    @Path("/active")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "COMMANDER", "AUDITOR", "ADMIN"})
    public RuleSetView active(@Auth User user) {
        return active.get().view();
    }
}
