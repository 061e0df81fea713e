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
import org.vetting.core.ActiveRuleSet;
import org.vetting.rules.Unit;

/** The active rule set: version, activation time, every rule with its code and severity, the units. */
@Path("/api/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetsResource {
    private final ActiveRuleSet active;

    public RuleSetsResource(ActiveRuleSet active) {
        this.active = active;
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
