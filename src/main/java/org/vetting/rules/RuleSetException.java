package org.vetting.rules;

import java.util.List;

/** A rule set that cannot be activated; every error names its file and, where known, its line. */
public class RuleSetException extends RuntimeException {
    private final List<String> errors;

    public RuleSetException(List<String> errors) {
        super("rule set refused:\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
