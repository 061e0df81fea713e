package org.vetting.api;

import java.util.List;

/**
 * {@code GET /api/rulesets/{version}/diff}: what a version changes against another (the active
 * set): rules by name with their text before and after, units field by field, other files whole.
 */
public record RuleSetDiffView(String version, String against, List<RuleChange> rules, List<UnitChange> units,
                              List<FileChange> files) {

    /** {@code change}: ADDED, REMOVED or CHANGED; {@code before}/{@code after}: the rule's DRL text. */
    public record RuleChange(String name, String change, String file, String before, String after) {}

    /** One field of one unit; a unit added or removed is one change with field {@code (unit)}. */
    public record UnitChange(String unit, String field, Object before, Object after) {}

    /** A file added, removed or changed (scenario files and files outside any rule). */
    public record FileChange(String file, String change) {}
}
