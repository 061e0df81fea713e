package org.vetting.rules;

import java.util.List;

/**
 * Fact inserted by a policy rule: one instance of a vetting concern. Its code, category, severity
 * and waivability come from the raising rule's metadata; the severity may be a unit's override.
 */
public record Flag(String code, String category, Severity severity, boolean waivable, List<String> evidence,
                   String rule) {
    public Flag {
        evidence = evidence.stream().sorted().toList();
    }
}
