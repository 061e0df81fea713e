package org.vetting.evaluation;

import java.util.List;

import org.vetting.rules.Flag;
import org.vetting.rules.RuleInfo;
import org.vetting.rules.Severity;

/** A flag with its messages rendered in both languages, as stored with the evaluation. */
public record ExplainedFlag(String code, String category, Severity severity, boolean waivable, List<String> evidence,
                            String rule, String messageEn, String messageEs) {

    public static ExplainedFlag of(Flag flag, RuleInfo rule) {
        String evidence = String.join(", ", flag.evidence());
        return new ExplainedFlag(flag.code(), flag.category(), flag.severity(), flag.waivable(), flag.evidence(),
                flag.rule(), render(rule.messageEn(), evidence), render(rule.messageEs(), evidence));
    }

    private static String render(String template, String evidence) {
        return template.replace("{evidence}", evidence);
    }
}
