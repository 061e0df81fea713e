package org.vetting.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code flags} of every rule session: builds a {@link Flag} from what the firing rule
 * declares in its metadata ({@code @code}, {@code @severity}, {@code @waivable}, read once into the
 * rule catalog) and applies the target unit's severity override where the policy allows one.
 */
public final class FlagFactory {
    private final Unit unit;
    private final Map<String, RuleInfo> rulesByName;

    public FlagFactory(Unit unit, Map<String, RuleInfo> rulesByName) {
        this.unit = unit;
        this.rulesByName = rulesByName;
    }

    /** Raises a flag whose evidence is the given record ids, exam type names or years. */
    public Flag raise(RuleContext context, Collection<?> evidence) {
        String name = context.getRule().getName();
        RuleInfo rule = rulesByName.get(name);
        if (rule == null || rule.code() == null) {
            throw new IllegalStateException("rule \"" + name + "\" raises a flag but declares no @code");
        }
        Severity severity = rule.severity();
        if (severity.overridable()) {
            severity = unit.overrideFor(rule.code()).orElse(severity);
        }
        List<String> ev = evidence.stream().map(String::valueOf).toList();
        return new Flag(rule.code(), rule.category(), severity, rule.waivable(), ev, name);
    }

    public Flag raise(RuleContext context, Object... evidence) {
        return raise(context, Stream.of(evidence).toList());
    }
}
