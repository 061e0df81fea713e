package org.vetting.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.type.TypeReference;

import org.jdbi.v3.core.Jdbi;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.db.RuleSetDao;
import org.vetting.api.FieldError;
import org.vetting.api.RuleSetView;
import org.vetting.errors.ValidationFailed;
import org.vetting.rules.RuleSet;
import org.vetting.rules.RuleSetException;
import org.vetting.rules.Unit;
import org.vetting.rules.RuleSetLoader;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.common.Actors;

/**
 * The rule set currently serving, and when its version was first activated. Activating stores the
 * version's files (once per version) so that past decisions can be replayed under them.
 */
public final class ActiveRuleSet {
    public record Active(RuleSet ruleSet, Instant activatedAt) {
        /** The set as policy analysts review it: every rule with its code and severity, every unit. */
        public RuleSetView view() {
            List<RuleSetView.Rule> rules = ruleSet.rules().stream()
                    .map(r -> new RuleSetView.Rule(r.name(), r.file(), r.line(), r.category(), r.code(),
                            r.severity() == null ? null : r.severity().name(), r.waivable(), r.messageEn(),
                            r.messageEs(), r.conditionEn(), r.conditionEs()))
                    .toList();
            List<RuleSetView.Unit> units = ruleSet.units().values().stream().sorted(Comparator.comparing(Unit::code))
                    .map(u -> new RuleSetView.Unit(u.code(), u.name(), u.tier(), u.minServiceYears(),
                            names(u.requiredExams(), m -> m), u.mediumReferralThreshold(), u.clearanceMonths(),
                            u.conditionalMonths(), u.revettingDueDays(), u.reapplyAfterMonths(),
                            names(u.severityOverrides(), Enum::name)))
                    .toList();
            return new RuleSetView(ruleSet.version(), activatedAt, rules, units);
        }

        private static <K, V, W> Map<String, W> names(Map<K, V> map, java.util.function.Function<V, W> value) {
            Map<String, W> named = new TreeMap<>();
            map.forEach((k, v) -> named.put(String.valueOf(k), value.apply(v)));
            return named;
        }
    }


    private final Jdbi jdbi;
    private final ServiceTime time;
    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {};

    private final AtomicReference<Active> active = new AtomicReference<>();
    private final Map<String, RuleSet> pastRuleSets = new ConcurrentHashMap<>();

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
                    AuditChain.append(h, EntryType.RULESET, version, null, Actors.SYSTEM, now);
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
     * Recompiles the rules directory and activates it; a broken set is refused with its errors
     * and the set in service keeps serving.
     */
    public Active reload(java.nio.file.Path rulesDirectory) {
        RuleSet compiled;
        try {
            compiled = RuleSetLoader.fromDirectory(rulesDirectory);
        } catch (RuleSetException e) {
            // each error is "file:line: message"; the field of the answer is where it is
            throw ValidationFailed.of(e.errors().stream()
                    .map(m -> m.contains(": ") ? new FieldError(m.substring(0, m.indexOf(": ")), m.substring(m.indexOf(": ") + 2))
                            : new FieldError("rules", m))
                    .toList());
        }
        return activate(compiled);
    }

    /**
     * The rule set of a version: the active one, or a past one recompiled from its stored files
     * (once per version; replay of old decisions asks for it).
     */
    public RuleSet byVersion(String version) {
        RuleSet current = ruleSet();
        if (current.version().equals(version)) {
            return current;
        }
        return pastRuleSets.computeIfAbsent(version, v -> {
            String files = jdbi.withExtension(RuleSetDao.class, dao -> dao.files(v))
                    .orElseThrow(() -> new IllegalStateException("rule set " + v + " is not stored"));
            return RuleSetLoader.compile("ruleset " + v, Json.read(files, FILES));
        });
    }

    public Active get() {
        return active.get();
    }

    public RuleSet ruleSet() {
        return active.get().ruleSet();
    }
}
