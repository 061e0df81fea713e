package org.vetting.governance;

import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import org.vetting.api.RuleSetDiffView;
import org.vetting.api.RuleSetView;
import org.vetting.common.Json;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.RuleInfo;
import org.vetting.rules.RuleSet;

/** What one rule set changes against another: rules by name (their DRL text), units field by field, files. */
final class RuleSetDiff {
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {};

    private RuleSetDiff() {}

    static RuleSetDiffView between(RuleSet before, RuleSet after) {
        return new RuleSetDiffView(after.version(), before.version(), rules(before, after), units(before, after),
                files(before, after));
    }

    private static List<RuleSetDiffView.RuleChange> rules(RuleSet before, RuleSet after) {
        Map<String, String> old = texts(before);
        Map<String, String> now = texts(after);
        List<RuleSetDiffView.RuleChange> changes = new ArrayList<>();
        for (String name : union(old.keySet(), now.keySet())) {
            String a = old.get(name);
            String b = now.get(name);
            if (Objects.equals(a, b)) {
                continue;
            }
            String file = (b != null ? after : before).rule(name).map(RuleInfo::file).orElse(null);
            changes.add(new RuleSetDiffView.RuleChange(name, a == null ? "ADDED" : b == null ? "REMOVED" : "CHANGED",
                    file, a, b));
        }
        return changes;
    }

    /** Each rule's text as written: from its {@code rule "…"} line to its {@code end}. */
    static Map<String, String> texts(RuleSet ruleSet) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (RuleInfo rule : ruleSet.rules()) {
            String file = ruleSet.files().get(rule.file());
            if (file == null || rule.line() < 1) {
                continue;
            }
            String[] lines = file.split("\n", -1);
            StringBuilder text = new StringBuilder();
            for (int i = rule.line() - 1; i < lines.length; i++) {
                text.append(lines[i]).append('\n');
                if (lines[i].strip().equals("end")) {
                    break;
                }
            }
            texts.put(rule.name(), text.toString());
        }
        return texts;
    }

    private static List<RuleSetDiffView.UnitChange> units(RuleSet before, RuleSet after) {
        Map<String, Map<String, Object>> old = unitFields(before);
        Map<String, Map<String, Object>> now = unitFields(after);
        List<RuleSetDiffView.UnitChange> changes = new ArrayList<>();
        for (String unit : union(old.keySet(), now.keySet())) {
            Map<String, Object> a = old.get(unit);
            Map<String, Object> b = now.get(unit);
            if (a == null || b == null) {
                changes.add(new RuleSetDiffView.UnitChange(unit, "(unit)", a == null ? null : unit, b == null ? null : unit));
                continue;
            }
            for (String field : union(a.keySet(), b.keySet())) {
                if (!Objects.equals(a.get(field), b.get(field))) {
                    changes.add(new RuleSetDiffView.UnitChange(unit, field, a.get(field), b.get(field)));
                }
            }
        }
        return changes;
    }

    private static Map<String, Map<String, Object>> unitFields(RuleSet ruleSet) {
        Map<String, Map<String, Object>> units = new LinkedHashMap<>();
        for (RuleSetView.Unit unit : ActiveRuleSet.unitViews(ruleSet)) {
            units.put(unit.code(), Json.read(Json.write(unit), FIELDS));
        }
        return units;
    }

    private static List<RuleSetDiffView.FileChange> files(RuleSet before, RuleSet after) {
        List<RuleSetDiffView.FileChange> changes = new ArrayList<>();
        for (String name : union(before.files().keySet(), after.files().keySet())) {
            String a = before.files().get(name);
            String b = after.files().get(name);
            if (!Objects.equals(a, b)) {
                changes.add(new RuleSetDiffView.FileChange(name, a == null ? "ADDED" : b == null ? "REMOVED" : "CHANGED"));
            }
        }
        return changes;
    }

    private static TreeSet<String> union(Collection<String> a, Collection<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
