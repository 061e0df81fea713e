package org.vetting.rules;

import java.util.Collections;
import java.util.OptionalDouble;
import java.util.Set;
import org.kie.api.runtime.KieSessionsPool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kie.api.KieBase;

/**
 * A compiled, immutable rule set: the KieBase built once from the files of {@code rules/}, the
 * units, the catalog of rules and the version (SHA-256 over the files' names and contents).
 */
public final class RuleSet {
    private final String version;
    private final KieBase kieBase;
    private final Map<String, Unit> units;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByName;
    private final SortedMap<String, String> files;
    private final Set<String> findingTerms;
    private final Double screeningThreshold;
    private final AdverseClocks adverseClocks;
    private final ScreeningPolicy screening;

    RuleSet(String version, KieBase kieBase, Map<String, Unit> units, List<RuleInfo> rules,
            SortedMap<String, String> files, Double screeningThreshold, AdverseClocks adverseClocks,
            ScreeningPolicy screening) {
        this.screeningThreshold = screeningThreshold;
        this.adverseClocks = adverseClocks;
        this.screening = screening;
        this.version = version;
        this.kieBase = kieBase;
        this.units = Map.copyOf(units);
        this.rules = List.copyOf(rules);
        this.rulesByName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
        this.files = files;
        this.findingTerms = CommanderText.findingTerms(rules);
    }

    /** The codes and categories a commander text must not name ({@link CommanderText}). */
    public Set<String> findingTerms() {
        return findingTerms;
    }

    /**
     * The score from which a list entry is a possible match ({@code screeningThreshold} in
     * {@code units.yml}, docs/screening.md); empty for sets from before screening, which do not screen.
     */
    public OptionalDouble screeningThreshold() {
        return screeningThreshold == null ? OptionalDouble.empty()
                : OptionalDouble.of(screeningThreshold);
    }

    /**
     * The clocks of adverse cases ({@code replyDays}, {@code extensionDays}, {@code appealDays} in
     * {@code units.yml}, policy section 9); empty for sets from before v1.3, which deny and revoke at once.
     */
    public Optional<AdverseClocks> adverseClocks() {
        return Optional.ofNullable(adverseClocks);
    }

    /**
     * What screening makes of a comparison (threshold, generic words, birth dates: {@code units.yml});
     * empty for sets from before screening, which do not screen.
     */
    public Optional<ScreeningPolicy> screeningPolicy() {
        return Optional.ofNullable(screening);
    }

    public String version() {
        return version;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** Sessions over the KieBase, reset and reused (grows to the number of evaluations at once). */
    private volatile KieSessionsPool sessions;

    KieSessionsPool sessions() {
        KieSessionsPool pool = sessions;
        if (pool == null) {
            synchronized (this) {
                if (sessions == null) {
                    sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
                }
                pool = sessions;
            }
        }
        return pool;
    }

    public Map<String, Unit> units() {
        return units;
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(rulesByName.get(name));
    }

    public List<RuleInfo> rules() {
        return rules;
    }

    Map<String, RuleInfo> rulesByName() {
        return rulesByName;
    }

    /** The source files, by name, exactly as compiled. */
    public SortedMap<String, String> files() {
        return Collections.unmodifiableSortedMap(files);
    }
}
