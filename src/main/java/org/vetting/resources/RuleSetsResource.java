package org.vetting.resources;

import java.util.Comparator;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.RuleSetView;
import org.vetting.auth.User;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.Unit;

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
    @jakarta.ws.rs.POST
    @Path("/reload")
    @RolesAllowed("ADMIN")
    public RuleSetView reload(@Auth User user) {
        try {
            active.reload(rulesDirectory);
        } catch (org.vetting.rules.RuleSetException e) {
            throw org.vetting.errors.ApiException.unprocessable(e.errors().stream()
                    .map(m -> new org.vetting.api.FieldError(m.contains(": ") ? m.substring(0, m.indexOf(": ")) : "rules",
                            m.contains(": ") ? m.substring(m.indexOf(": ") + 2) : m))
                    .toList());
        }
        return active(user);
    }

    @GET
    @Path("/active")
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "COMMANDER", "AUDITOR", "ADMIN"})
    public RuleSetView active(@Auth User user) {
        ActiveRuleSet.Active a = active.get();
        return new RuleSetView(a.ruleSet().version(), a.activatedAt(), a.ruleSet().rules(),
                a.ruleSet().units().values().stream().sorted(Comparator.comparing(Unit::code)).toList());
    }
}
