package org.vetting.policy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;

import org.jdbi.v3.core.Jdbi;
import org.vetting.api.ProposalStatus;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.db.RuleSetDao;
import org.vetting.api.RuleSetView;
import org.vetting.errors.Conflict;
import org.vetting.rules.RuleSet;
import org.vetting.rules.Unit;
import org.vetting.rules.RuleSetLoader;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.common.Actors;

/**
 * The rule set serving on this instance: the version the database says is active (every instance
 * polls it, so all switch within the poll interval of an activation), and past or proposed versions
 * recompiled from their stored files for replay and backtests.
 */
public final class ActiveRuleSet {
    public record Active(RuleSet ruleSet, Instant activatedAt) {
        /** The set as policy analysts review it: every rule with its code and severity, every unit. */
        public RuleSetView view() {
            return new RuleSetView(ruleSet.version(), activatedAt, ruleViews(ruleSet), unitViews(ruleSet));
        }
    }

    /** Every rule of a set with its code and severity, as policy analysts review it. */
    public static List<RuleSetView.Rule> ruleViews(RuleSet ruleSet) {
        return ruleSet.rules().stream()
                .map(r -> new RuleSetView.Rule(r.name(), r.file(), r.line(), r.category(), r.code(),
                        r.severity() == null ? null : r.severity().name(), r.waivable(), r.messageEn(),
                        r.messageEs(), r.conditionEn(), r.conditionEs()))
                .toList();
    }

    /** Every unit of a set, by code. */
    public static List<RuleSetView.Unit> unitViews(RuleSet ruleSet) {
        return ruleSet.units().values().stream().sorted(Comparator.comparing(Unit::code))
                .map(u -> new RuleSetView.Unit(u.code(), u.name(), u.tier(), u.minServiceYears(),
                        names(u.requiredExams(), m -> m), u.mediumReferralThreshold(), u.clearanceMonths(),
                        u.conditionalMonths(), u.revettingDueDays(), u.reapplyAfterMonths(),
                        names(u.severityOverrides(), Enum::name)))
                .toList();
    }

    private static <K, V, W> Map<String, W> names(Map<K, V> map, Function<V, W> value) {
        Map<String, W> named = new TreeMap<>();
        map.forEach((k, v) -> named.put(String.valueOf(k), value.apply(v)));
        return named;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ActiveRuleSet.class);
    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final ServiceTime time;
    private final AtomicReference<Active> active = new AtomicReference<>();

    public ActiveRuleSet(Jdbi jdbi, ServiceTime time) {
        this.jdbi = jdbi;
        this.time = time;
    }

    /**
     * Serves the version the database says is active. At first start (no version yet) the rules
     * directory becomes the first active set; afterwards a different {@code rules/} on disk changes
     * nothing until it is proposed and approved (it is only reported here).
     */
    public Active start(Path rulesDirectory) {
        return start(rulesDirectory, null);
    }

    /**
     * As {@link #start(java.nio.file.Path)}, with the directory's compilation started earlier
     * ({@code onDisk}, may be null): the first set at first start, and kept when it is the active
     * version, so it is not compiled twice. A broken directory fails first start as before.
     */
    public Active start(Path rulesDirectory, CompletableFuture<RuleSet> onDisk) {
        Optional<String> stored = jdbi.withExtension(RuleSetDao.class, RuleSetDao::activeVersion);
        RuleSet early = null;
        if (onDisk != null) {
            try {
                early = onDisk.join();
            } catch (CompletionException failed) {
                if (stored.isEmpty() && failed.getCause() instanceof RuntimeException broken) {
                    throw broken; // the file and line of the broken rule, as a compilation here would say
                }
            }
        }
        if (stored.isEmpty()) {
            RuleSet first = early != null ? early : RuleSetLoader.fromDirectory(rulesDirectory);
            try {
                jdbi.useTransaction(h -> {
                    Instant now = time.now();
                    h.attach(RuleSetDao.class).propose(new RuleSetDao.ProposalRow(first.version(),
                            "the rules directory at first start", ProposalStatus.DRAFT, Actors.SYSTEM, now,
                            Json.write(Map.of("passed", 0, "failed", 0, "failures", List.of())), null, null, null,
                            null, null, null), Json.write(first.files()));
                    activate(h, first.version(), now, Actors.SYSTEM);
                });
            } catch (RuntimeException race) {
                // another instance stored the first set at the same moment; the database says which is active
                LOG.info("first rule set stored by another instance: {}", race.getMessage());
            }
        } else {
            String onDiskVersion = early != null ? early.version()
                    : RuleSetLoader.version(RuleSetLoader.read(rulesDirectory));
            if (!onDiskVersion.equals(stored.get())) {
                LOG.warn("rules directory {} (version {}) differs from the active set {}: it takes effect only as a "
                        + "proposal (POST /api/rulesets/reload or the propose-rules command)", rulesDirectory,
                        onDiskVersion, stored.get());
            }
        }
        return refresh();
    }

    /**
     * Makes {@code version} the active set in the caller's transaction: the previous one retires, the
     * version's files join the versions ever active, and the chain records it. The caller has checked
     * that the version may become active (first start, or approved).
     */
    public static void activate(Handle h, String version, Instant at, String actor) {
        RuleSetDao dao = h.attach(RuleSetDao.class);
        dao.retireActive(at);
        if (dao.activate(version, at) != 1) {
            throw new Conflict("rule set " + version + " is not waiting to become active");
        }
        dao.insert(version, at, dao.proposalFiles(version).orElseThrow());
        AuditChain.append(h, EntryType.RULESET, version, null, actor, at);
    }

    /** Switches to the version the database says is active, when it changed; cheap when it did not. */
    public Active refresh() {
        String version = jdbi.withExtension(RuleSetDao.class, RuleSetDao::activeVersion)
                .orElseThrow(() -> new IllegalStateException("no active rule set"));
        Active current = active.get();
        if (current != null && current.ruleSet().version().equals(version)) {
            return current;
        }
        RuleSet ruleSet = byVersion(version);
        Instant at = jdbi.withExtension(RuleSetDao.class, dao -> dao.activatedAt(version)).orElseThrow();
        Active next = new Active(ruleSet, at);
        active.set(next);
        if (current != null) {
            LOG.info("rule set {} now active (was {})", version, current.ruleSet().version());
        }
        return next;
    }

    /**
     * The rule set of a version: the active one, or one ever proposed recompiled from its stored
     * files (replay of old decisions, backtests of drafts).
     */
    public RuleSet byVersion(String version) {
        Active current = active.get();
        if (current != null && current.ruleSet().version().equals(version)) {
            return current.ruleSet();
        }
        // compiled lately in this process (the rules directory at start-up, a proposal), or now
        return RuleSetLoader.compiled(version).orElseGet(() -> {
            String files = jdbi.withExtension(RuleSetDao.class, dao -> dao.proposalFiles(version))
                    .orElseThrow(() -> new IllegalStateException("rule set " + version + " is not stored"));
            return RuleSetLoader.compile("ruleset " + version, Json.read(files, FILES));
        });
    }

    public Active get() {
        return active.get();
    }

    public RuleSet ruleSet() {
        return active.get().ruleSet();
    }
}
