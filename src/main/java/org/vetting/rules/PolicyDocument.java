package org.vetting.rules;

import java.util.Locale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a compiled rule set as {@code docs/policy.md}: the policy as the rules implement it. Every
 * word of it comes from {@code rules/}: each file's opening comment, each rule's code, severity,
 * waivability, messages, commander condition, the comment above it and its condition as written,
 * the definitions (DRL functions) the rules use, and the units of {@code units.yml}. Nothing is
 * written by hand, so the document cannot drift from what decides.
 */
public final class PolicyDocument {
    /** The command that writes the document; the stale-document test names it. */
    public static final String COMMAND = "java -jar target/vetting-service.jar policy-doc config.yml";

    private static final Pattern RULE = Pattern.compile("^rule\\s+\"([^\"]+)\"");
    private static final Pattern FUNCTION = Pattern.compile("^function\\s+.*$");

    private PolicyDocument() {}

    public static String render(RuleSet ruleSet) {
        StringBuilder md = new StringBuilder();
        md.append("# Vetting policy, as the rules implement it\n\n")
                .append("<!-- Generated from rules/ by `").append(COMMAND).append("`. Do not edit: edit rules/ and run "
                        + "the command again; `mvn verify` fails while this file is stale. -->\n\n")
                .append("Rule-set version `").append(ruleSet.version()).append("` (SHA-256 of the files of `rules/`, scenarios included).\n\n")
                .append("How to read it: the engine evaluates one officer record for one target unit at one date D "
                        + "(`asOf`). The policy rules of each category raise *flags*; each flag has a code, a severity "
                        + "(worst first: DISQUALIFYING, INCOMPLETE, HIGH, MEDIUM, LOW) and, for DISQUALIFYING codes, "
                        + "whether an adjudicator may waive it. Then the outcome rules turn the flags into the outcome "
                        + "(section *OUTCOME*, which also defines the terms every rule uses). A unit may override the severity of a HIGH, MEDIUM or LOW code "
                        + "(section *Units*). Conditions in each rule are quoted as written in the DRL file.\n\n");
        Map<String, List<RuleInfo>> byFile = new TreeMap<>(Comparator.comparing(PolicyDocument::fileOrder)
                .thenComparing(Comparator.naturalOrder()));
        for (RuleInfo r : ruleSet.rules()) {
            byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
        }
        md.append("## Contents\n\n");
        byFile.forEach((file, rules) -> md.append("- [").append(rules.get(0).category()).append("](#")
                .append(rules.get(0).category().toLowerCase(Locale.ROOT).replace('_', '-')).append(")\n"));
        md.append("- [Units](#units)\n- [Every code](#every-code)\n\n");
        byFile.forEach((file, rules) -> file(md, file, ruleSet.files().get(file), rules));
        units(md, ruleSet);
        codes(md, ruleSet);
        return md.toString();
    }

    /** The outcome (and the terms every rule uses) first, then the policy categories in file-name order. */
    private static int fileOrder(String file) {
        return file.equals("outcome.drl") ? 0 : 1;
    }

    private static void file(StringBuilder md, String file, String text, List<RuleInfo> rules) {
        String[] lines = text.split("\n", -1);
        md.append("## ").append(rules.get(0).category()).append("\n\n");
        md.append("File `rules/").append(file).append("`.\n\n");
        List<String> header = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("//")) {
                break;
            }
            header.add(uncomment(line));
        }
        if (!header.isEmpty()) {
            md.append(String.join("\n", header)).append("\n\n");
        }
        List<String> functions = functions(lines);
        if (!functions.isEmpty()) {
            md.append("Definitions used by the rules of this file:\n\n```java\n").append(String.join("\n\n", functions))
                    .append("\n```\n\n");
        }
        for (RuleInfo r : rules) {
            rule(md, r, lines);
        }
    }

    private static void rule(StringBuilder md, RuleInfo r, String[] lines) {
        md.append("### ").append(r.name()).append("\n\n");
        if (r.code() != null) {
            md.append("- Code `").append(r.code()).append("`, severity **").append(r.severity()).append("**");
            if (r.severity() == Severity.DISQUALIFYING) {
                md.append(Boolean.TRUE.equals(r.waivable()) ? ", waivable by two adjudicators" : ", never waived");
            }
            md.append(" (line ").append(r.line()).append(")\n");
            md.append("- Message: ").append(r.messageEn()).append("\n");
            md.append("- Mensaje: ").append(r.messageEs()).append("\n");
            if (r.conditionEn() != null) {
                md.append("- Condition when MEDIUM: ").append(r.conditionEn()).append("\n");
                md.append("- Condición si es MEDIUM: ").append(r.conditionEs()).append("\n");
            }
        } else {
            md.append("- Raises no flag (line ").append(r.line()).append(")\n");
        }
        int at = r.line() - 1;
        List<String> comment = new ArrayList<>();
        for (int i = at - 1; i >= 0 && lines[i].startsWith("//"); i--) {
            comment.add(0, uncomment(lines[i]));
        }
        if (!comment.isEmpty()) {
            md.append("\n").append(String.join("\n", comment)).append("\n");
        }
        String body = body(lines, at, r.code() == null);
        if (!body.isEmpty()) {
            md.append("\n```drl\n").append(body).append("\n```\n");
        }
        md.append("\n");
    }

    /**
     * The rule's text from its {@code when} on, as written: its conditions, and for a rule that
     * raises no flag (a derivation, an outcome) its action too.
     */
    private static String body(String[] lines, int ruleLine, boolean withAction) {
        if (ruleLine < 0 || ruleLine >= lines.length || !RULE.matcher(lines[ruleLine].strip()).find()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (int i = ruleLine + 1; i < lines.length; i++) {
            String s = lines[i].strip();
            if (s.equals("end") || (!withAction && s.equals("then"))) {
                break;
            }
            in = in || s.equals("when");
            if (in) {
                out.add(lines[i].replaceFirst("^ {4}", ""));
            }
        }
        return String.join("\n", out).stripTrailing();
    }

    private static List<String> functions(String[] lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FUNCTION.matcher(lines[i]);
            if (m.find()) {
                StringBuilder f = new StringBuilder();
                for (int j = i; j < lines.length; j++) {
                    f.append(lines[j]);
                    if (lines[j].equals("}")) {
                        break;
                    }
                    f.append("\n");
                }
                out.add(f.toString());
            }
        }
        return out;
    }

    private static void units(StringBuilder md, RuleSet ruleSet) {
        md.append("## Units\n\nFile `rules/").append(RuleSetLoader.UNITS_FILE).append("`.\n\n");
        List<String> header = new ArrayList<>();
        for (String line : ruleSet.files().get(RuleSetLoader.UNITS_FILE).split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            header.add(line.replaceFirst("^# ?", ""));
        }
        if (!header.isEmpty()) {
            md.append(String.join("\n", header)).append("\n\n");
        }
        md.append("| unit | name | tier | min. service (years) | required exams (max. age in months) | MEDIUM flags "
                + "to refer | clearance (months) | conditional (months) | re-vetting notice (days) | denial stands "
                + "(months) | severity overrides |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        ruleSet.units().values().stream().sorted(Comparator.comparing(Unit::code)).forEach(u -> md.append("| ")
                .append(u.code()).append(" | ").append(u.name()).append(" | ").append(u.tier()).append(" | ")
                .append(u.minServiceYears()).append(" | ").append(join(new TreeMap<>(u.requiredExams()))).append(" | ")
                .append(u.mediumReferralThreshold()).append(" | ").append(u.clearanceMonths()).append(" | ")
                .append(u.conditionalMonths()).append(" | ").append(u.revettingDueDays()).append(" | ")
                .append(u.reapplyAfterMonths()).append(" | ")
                .append(u.severityOverrides().isEmpty() ? "—" : join(new TreeMap<>(u.severityOverrides())))
                .append(" |\n"));
        md.append("\n");
        ruleSet.adverseClocks().ifPresentOrElse(c -> md.append("### Adverse decisions (policy v1.3, section 9)\n\n")
                .append("A clearance that would be DENIED or REVOKED is proposed instead (DENIAL_PROPOSED, "
                        + "REVOCATION_PROPOSED) and an adverse case decides it: a notice with the reasons, a reply, a "
                        + "reconsideration by a second adjudicator, an appeal to a board of three. The clocks, in "
                        + "calendar days:\n\n| reply window (replyDays) | one extension, at most (extensionDays) | "
                        + "appeal window (appealDays) |\n|---|---|---|\n| ")
                .append(c.replyDays()).append(" | ").append(c.extensionDays()).append(" | ").append(c.appealDays())
                .append(" |\n\nA denial then stands for the unit's months from the day it becomes final.\n\n"),
                () -> md.append("This rule set has no adverse-decision clocks: denials and revocations take effect at"
                        + " once.\n\n"));
        ruleSet.screeningPolicy().ifPresent(p -> {
            md.append("### Screening against watchlists (policy section 8)\n\nA possible match scores at least ")
                    .append(p.threshold()).append(" (`screeningThreshold`).");
            if (p.birthDates() != null) {
                md.append(" Generic words of organisations' names weigh ").append(p.genericWordWeight())
                        .append(" of a distinctive word, and names whose distinctive words differ are held under the"
                                + " threshold (`screeningGenericWords`, ").append(p.genericWords().size())
                        .append(" words: ").append(String.join(", ", new java.util.TreeSet<>(p.genericWords())))
                        .append("). Birth dates known to the day on both sides: a typing error apart costs ")
                        .append(p.birthDates().typingErrorPenalty()).append("; further apart, a name not identical is"
                                + " held at ").append(p.birthDates().otherDateCap()).append(", an identical one ")
                        .append(p.birthDates().identicalNameOtherDate() == 0 ? "too (not shown)"
                                : "shown at " + p.birthDates().identicalNameOtherDate()).append('.');
            }
            md.append("\n\n");
        });
    }

    private static void codes(StringBuilder md, RuleSet ruleSet) {
        md.append("## Every code\n\n| code | category | severity | waivable | raised by |\n|---|---|---|---|---|\n");
        Map<String, List<RuleInfo>> byCode = new LinkedHashMap<>();
        ruleSet.rules().stream().filter(r -> r.code() != null)
                .sorted(Comparator.comparing(RuleInfo::severity).thenComparing(RuleInfo::code))
                .forEach(r -> byCode.computeIfAbsent(r.code(), c -> new ArrayList<>()).add(r));
        byCode.forEach((code, rules) -> {
            RuleInfo r = rules.get(0);
            md.append("| ").append(code).append(" | ").append(r.category()).append(" | ").append(r.severity())
                    .append(" | ").append(r.severity() == Severity.DISQUALIFYING ? (r.waivable() ? "yes" : "no") : "—")
                    .append(" | ").append(String.join("; ", rules.stream().map(x -> x.name().split(" ")[0]).toList()))
                    .append(" |\n");
        });
    }

    private static <K, V> String join(Map<K, V> map) {
        return String.join(", ", map.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static String uncomment(String line) {
        return line.replaceFirst("^// ?", "");
    }
}
