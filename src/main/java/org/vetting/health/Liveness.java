package org.vetting.health;

import org.jdbi.v3.core.Jdbi;
import org.vetting.db.HealthDao;
import org.vetting.policy.ActiveRuleSet;

/** Whether the service can answer: the database answers and a compiled rule set is serving. */
public final class Liveness {
    private final Jdbi jdbi;
    private final ActiveRuleSet rules;

    public Liveness(Jdbi jdbi, ActiveRuleSet rules) {
        this.jdbi = jdbi;
        this.rules = rules;
    }

    public boolean up() {
        try {
            jdbi.useExtension(HealthDao.class, HealthDao::ping);
            return rules.get() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
