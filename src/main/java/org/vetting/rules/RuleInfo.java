package org.vetting.rules;

/**
 * One rule of the active set, as a policy analyst reviews it. {@code code}, {@code severity} and
 * {@code waivable} are null for rules that raise no flag (derivations, outcome); the condition is
 * what a CONDITIONAL clearance requires when this rule's flag is MEDIUM (null for codes that can
 * never be MEDIUM).
 */
public record RuleInfo(String name, String file, int line, String category, String code, Severity severity,
                       Boolean waivable, String messageEn, String messageEs, String conditionEn, String conditionEs) {}
