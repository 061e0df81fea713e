package org.vetting.core;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jdbi.v3.core.Jdbi;
import org.vetting.db.RuleSetDao;
import org.vetting.rules.RuleSet;

/**
 * The rule set currently serving, and when its version was first activated. Activating stores the
 * version's files (once per version) so that past decisions can be replayed under them.
 */
public final class ActiveRuleSet {
    public record Active(RuleSet ruleSet, Instant activatedAt) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final AtomicReference<Active> active = new AtomicReference<>();

    public ActiveRuleSet(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Active activate(RuleSet ruleSet) {
        Instant at = jdbi.inTransaction(h -> {
            RuleSetDao dao = h.attach(RuleSetDao.class);
            return dao.activatedAt(ruleSet.version()).orElseGet(() -> {
                Instant now = clock.instant();
                try {
                    dao.insert(ruleSet.version(), now, Json.write(ruleSet.files()));
                    return now;
                } catch (RuntimeException race) {
                    // another instance stored the same version first; its time stands
                    return null;
                }
            });
        });
        if (at == null) {
            at = jdbi.withExtension(RuleSetDao.class, dao -> dao.activatedAt(ruleSet.version())).orElseThrow();
        }
        Active a = new Active(ruleSet, at);
        active.set(a);
        return a;
    }

    public Active get() {
        return active.get();
    }

    public RuleSet ruleSet() {
        return active.get().ruleSet();
    }
}
