package org.vetting.policy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jdbi.v3.core.Jdbi;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.db.RuleSetDao;
import org.vetting.rules.RuleSet;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;

/**
 * The rule set currently serving, and when its version was first activated. Activating stores the
 * version's files (once per version) so that past decisions can be replayed under them.
 */
public final class ActiveRuleSet {
    public record Active(RuleSet ruleSet, Instant activatedAt) {}

    /** The actor recorded for what the service does on its own (start-up activation, first admin). */
    public static final String SYSTEM = "system";

    private final Jdbi jdbi;
    private final ServiceTime time;
    private final AtomicReference<Active> active = new AtomicReference<>();

    public ActiveRuleSet(Jdbi jdbi, ServiceTime time) {
        this.jdbi = jdbi;
        this.time = time;
    }

    public Active activate(RuleSet ruleSet) {
        String version = ruleSet.version();
        Instant at = jdbi.withExtension(RuleSetDao.class, dao -> dao.activatedAt(version)).orElseGet(() -> {
            Instant now = time.now();
            try {
                jdbi.useTransaction(h -> {
                    h.attach(RuleSetDao.class).insert(version, now, Json.write(ruleSet.files()));
                    AuditChain.append(h, EntryType.RULESET, version, null, SYSTEM, now);
                });
                return now;
            } catch (RuntimeException race) {
                // another instance stored the same version first; its activation time stands
                return jdbi.withExtension(RuleSetDao.class, dao -> dao.activatedAt(version)).orElseThrow(() -> race);
            }
        });
        Active a = new Active(ruleSet, at);
        active.set(a);
        return a;
    }

    /**
     * Recompiles the rules directory and activates it; a broken set throws {@link RuleSetException}
     * and the set in service keeps serving.
     */
    public Active reload(java.nio.file.Path rulesDirectory) {
        return activate(org.vetting.rules.RuleSetLoader.fromDirectory(rulesDirectory));
    }

    public Active get() {
        return active.get();
    }

    public RuleSet ruleSet() {
        return active.get().ruleSet();
    }
}
