package org.vetting.health;

import com.codahale.metrics.health.HealthCheck;
import org.vetting.policy.ActiveRuleSet;

/** Admin-port health check: a compiled rule set is serving. */
public class RuleSetHealthCheck extends HealthCheck {
    private final ActiveRuleSet active;

    public RuleSetHealthCheck(ActiveRuleSet active) {
        this.active = active;
    }

    @Override
    protected Result check() {
        return active.get() == null ? Result.unhealthy("no rule set") : Result.healthy("version " + active.ruleSet().version());
    }
}
