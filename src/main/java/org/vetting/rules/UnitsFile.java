package org.vetting.rules;

import java.io.StringReader;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.vetting.api.ExamType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code units.yml} through SnakeYAML's node tree so that every error names its line.
 * The file is policy data: each unit's exams, thresholds, validity periods and overrides.
 */
final class UnitsFile {
    private static final Set<String> FIELDS = Set.of("name", "tier", "minServiceYears", "requiredExams",
            "mediumReferralThreshold", "clearanceMonths", "conditionalMonths", "revettingDueDays", "reapplyAfterMonths",
            "severityOverrides");

    private final String file;
    private final List<String> errors;

    private UnitsFile(String file, List<String> errors) {
        this.file = file;
        this.errors = errors;
    }

    /**
     * The units, the screening threshold when the file sets one (policy v1.2; absent before it) and
     * the clocks of adverse cases when it sets them (policy v1.3; absent before it).
     */
    record Parsed(Map<String, Unit> units, Double screeningThreshold, AdverseClocks adverseClocks,
                  ScreeningPolicy screening) {}

    static final String SCREENING_THRESHOLD = "screeningThreshold";
    /** The top-level keys besides {@code units}. */
    static final String GENERIC_WORDS = "screeningGenericWords";
    static final String GENERIC_WEIGHT = "screeningGenericWordWeight";
    static final String TYPO_PENALTY = "screeningBirthDateTypoPenalty";
    static final String OTHER_DATE_CAP = "screeningOtherBirthDateCap";
    static final String IDENTICAL_OTHER_DATE = "screeningIdenticalNameOtherBirthDate";
    private static final List<String> SETTINGS = List.of(SCREENING_THRESHOLD, AdverseClocks.REPLY_DAYS,
            AdverseClocks.EXTENSION_DAYS, AdverseClocks.APPEAL_DAYS, GENERIC_WORDS, GENERIC_WEIGHT, TYPO_PENALTY,
            OTHER_DATE_CAP, IDENTICAL_OTHER_DATE);
    private ScreeningPolicy screening;
    private Double screeningThreshold;
    private AdverseClocks adverseClocks;

    static Parsed parse(String file, String text, List<RuleInfo> rules, List<String> errors) {
        UnitsFile f = new UnitsFile(file, errors);
        Map<String, Unit> units = f.parse(text, rules);
        return new Parsed(units, f.screeningThreshold, f.adverseClocks, f.screening);
    }

    /**
     * The screening policy beside the threshold: generic words of organisations' names (a mapping of
     * language to folded words: lower case, no accents) and their weight, and the three birth-date
     * numbers — all five or none (a v1.2 set gives the threshold alone).
     */
    private void screening(Map<String, Node> topKeys, MappingNode top) {
        if (screeningThreshold == null) {
            return;
        }
        List<String> keys = List.of(GENERIC_WORDS, GENERIC_WEIGHT, TYPO_PENALTY, OTHER_DATE_CAP, IDENTICAL_OTHER_DATE);
        List<String> present = keys.stream().filter(topKeys::containsKey).toList();
        if (present.isEmpty()) {
            screening = ScreeningPolicy.thresholdOnly(screeningThreshold);
            return;
        }
        if (present.size() < keys.size()) {
            error(top, "screening settings come together: " + String.join(", ", keys) + " (missing "
                    + String.join(", ", keys.stream().filter(k -> !topKeys.containsKey(k)).toList()) + ")");
            return;
        }
        int before = errors.size();
        java.util.Set<String> words = new java.util.TreeSet<>();
        MappingNode byLanguage = mapping(topKeys.get(GENERIC_WORDS), GENERIC_WORDS);
        for (NodeTuple t : byLanguage == null ? List.<NodeTuple>of() : byLanguage.getValue()) {
            String language = scalar(t.getKeyNode(), GENERIC_WORDS + " language");
            if (!(t.getValueNode() instanceof org.yaml.snakeyaml.nodes.SequenceNode list)) {
                error(t.getValueNode(), GENERIC_WORDS + "." + language + " must be a list of words");
                continue;
            }
            for (Node w : list.getValue()) {
                String word = scalar(w, GENERIC_WORDS + "." + language);
                if (word != null && !word.matches("[a-z]{2,30}")) {
                    error(w, GENERIC_WORDS + "." + language + ": write each word folded, 2-30 letters a-z (no"
                            + " accents, lower case), got " + word);
                } else if (word != null) {
                    words.add(word);
                }
            }
        }
        double weight = fraction(topKeys.get(GENERIC_WEIGHT), GENERIC_WEIGHT, 0, 1);
        double typo = fraction(topKeys.get(TYPO_PENALTY), TYPO_PENALTY, 0, 0.2);
        double cap = fraction(topKeys.get(OTHER_DATE_CAP), OTHER_DATE_CAP, 0, 1);
        double identical = fraction(topKeys.get(IDENTICAL_OTHER_DATE), IDENTICAL_OTHER_DATE, 0, 1);
        if (cap >= screeningThreshold) {
            error(topKeys.get(OTHER_DATE_CAP), OTHER_DATE_CAP + " must be under " + SCREENING_THRESHOLD + " ("
                    + screeningThreshold + "): it holds a match under the threshold, got " + cap);
        }
        if (identical != 0 && identical < screeningThreshold) {
            error(topKeys.get(IDENTICAL_OTHER_DATE), IDENTICAL_OTHER_DATE + " is 0 (not shown) or at least "
                    + SCREENING_THRESHOLD + " (" + screeningThreshold + ", shown), got " + identical);
        }
        if (errors.size() > before) {
            return;
        }
        screening = new ScreeningPolicy(screeningThreshold, words, weight,
                new ScreeningPolicy.BirthDates(typo, cap, identical));
    }

    private double fraction(Node n, String key, double min, double max) {
        String v = scalar(n, key);
        try {
            double d = Double.parseDouble(String.valueOf(v));
            if (d < min || d > max) {
                error(n, key + " must be from " + min + " to " + max + ", got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            error(n, key + " must be a number, got " + v);
            return 0;
        }
    }

    /** The three clocks of section 9, all or none; each a whole number of days from 1 to 365. */
    private void clocks(Map<String, Node> topKeys, MappingNode top) {
        List<String> keys = List.of(AdverseClocks.REPLY_DAYS, AdverseClocks.EXTENSION_DAYS, AdverseClocks.APPEAL_DAYS);
        List<String> present = keys.stream().filter(topKeys::containsKey).toList();
        if (present.isEmpty()) {
            return;
        }
        if (present.size() < keys.size()) {
            error(top, "adverse-case clocks come together: " + String.join(", ", keys) + " (missing "
                    + String.join(", ", keys.stream().filter(k -> !topKeys.containsKey(k)).toList()) + ")");
            return;
        }
        int before = errors.size();
        int[] days = new int[3];
        for (int i = 0; i < keys.size(); i++) {
            Node n = topKeys.get(keys.get(i));
            Integer v = positive(n, keys.get(i), 1);
            if (v != null && v > 365) {
                error(n, keys.get(i) + " must be at most 365 days, got " + v);
            }
            days[i] = v == null ? 0 : v;
        }
        if (errors.size() == before) {
            adverseClocks = new AdverseClocks(days[0], days[1], days[2]);
        }
    }

    private Map<String, Unit> parse(String text, List<RuleInfo> rules) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            errors.add(file + ":" + line + ": " + e.getProblem());
            return Map.of();
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        MappingNode top = mapping(root, "the file");
        Map<String, Node> topKeys = top == null ? Map.of() : entries(top);
        topKeys.forEach((key, node) -> {
            if (!key.equals("units") && !SETTINGS.contains(key)) {
                error(node, "unknown top-level key " + key + " (expected units, " + String.join(", ", SETTINGS) + ")");
            }
        });
        clocks(topKeys, top);
        if (topKeys.containsKey(SCREENING_THRESHOLD)) {
            Node n = topKeys.get(SCREENING_THRESHOLD);
            String v = scalar(n, SCREENING_THRESHOLD);
            try {
                double t = Double.parseDouble(String.valueOf(v));
                if (!(t > 0 && t <= 1)) {
                    error(n, SCREENING_THRESHOLD + " must be a score above 0 and at most 1, got " + v);
                } else {
                    screeningThreshold = t;
                }
            } catch (NumberFormatException e) {
                error(n, SCREENING_THRESHOLD + " must be a number such as 0.80, got " + v);
            }
        }
        screening(topKeys, top);
        Node unitsNode = topKeys.get("units");
        if (unitsNode == null) {
            errors.add(file + ":1: expected a top-level key units");
            return units;
        }
        MappingNode all = mapping(unitsNode, "units");
        if (all == null) {
            return units;
        }
        Map<String, Severity> codes = rules.stream().filter(r -> r.code() != null)
                .collect(Collectors.toMap(RuleInfo::code, RuleInfo::severity, (a, b) -> a));
        for (NodeTuple t : all.getValue()) {
            String code = scalar(t.getKeyNode(), "unit code");
            MappingNode body = mapping(t.getValueNode(), "unit " + code);
            if (code == null || body == null) {
                continue;
            }
            if (!code.matches("[A-Z][A-Z0-9-]{0,31}")) {
                error(t.getKeyNode(), "unit code must be 1-32 upper-case letters, digits or '-', got " + code);
            }
            Unit unit = unit(code, body, codes);
            if (unit != null && units.put(code, unit) != null) {
                error(t.getKeyNode(), "unit " + code + " is declared twice");
            }
        }
        if (units.isEmpty()) {
            error(unitsNode, "no unit declared");
        }
        return units;
    }

    private Unit unit(String code, MappingNode body, Map<String, Severity> codes) {
        int before = errors.size();
        Map<String, Node> f = entries(body);
        f.keySet().stream().filter(k -> !FIELDS.contains(k)).forEach(k -> error(body, "unit " + code + ": unknown field " + k));
        String name = requiredText(f, body, code, "name");
        String tier = requiredText(f, body, code, "tier");
        int minService = number(f, body, code, "minServiceYears", 0);
        int threshold = number(f, body, code, "mediumReferralThreshold", 1);
        int clearance = number(f, body, code, "clearanceMonths", 1);
        int conditional = number(f, body, code, "conditionalMonths", 1);
        int revettingDue = number(f, body, code, "revettingDueDays", 0);
        int reapplyAfter = number(f, body, code, "reapplyAfterMonths", 0);

        Map<ExamType, Integer> exams = new EnumMap<>(ExamType.class);
        MappingNode examsNode = f.containsKey("requiredExams") ? mapping(f.get("requiredExams"), code + ".requiredExams") : null;
        if (!f.containsKey("requiredExams")) {
            error(body, "unit " + code + ": requiredExams is required");
        }
        if (examsNode != null) {
            for (NodeTuple t : examsNode.getValue()) {
                String type = scalar(t.getKeyNode(), "exam type");
                try {
                    Integer months = positive(t.getValueNode(), code + ".requiredExams." + type, 1);
                    if (months != null) {
                        exams.put(ExamType.valueOf(type), months);
                    }
                } catch (IllegalArgumentException | NullPointerException e) {
                    error(t.getKeyNode(), "unit " + code + ": unknown exam type " + type);
                }
            }
        }

        Map<String, Severity> overrides = new LinkedHashMap<>();
        if (f.containsKey("severityOverrides")) {
            MappingNode o = mapping(f.get("severityOverrides"), code + ".severityOverrides");
            for (NodeTuple t : o == null ? List.<NodeTuple>of() : o.getValue()) {
                String flag = scalar(t.getKeyNode(), "code");
                String sev = scalar(t.getValueNode(), "severity");
                Severity declared = codes.get(flag);
                if (declared == null) {
                    error(t.getKeyNode(), "unit " + code + ": override of unknown code " + flag);
                    continue;
                }
                if (!declared.overridable()) {
                    error(t.getKeyNode(), "unit " + code + ": " + flag + " is " + declared + " and cannot be overridden");
                    continue;
                }
                try {
                    Severity s = Severity.valueOf(String.valueOf(sev));
                    if (!s.overridable()) {
                        error(t.getValueNode(), "unit " + code + ": an override must be HIGH, MEDIUM or LOW, got " + sev);
                    }
                    overrides.put(flag, s);
                } catch (IllegalArgumentException e) {
                    error(t.getValueNode(), "unit " + code + ": unknown severity " + sev);
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new Unit(code, name, tier, minService, exams, threshold, clearance, conditional, revettingDue, reapplyAfter,
                overrides);
    }

    private String requiredText(Map<String, Node> f, Node at, String unit, String key) {
        Node n = f.get(key);
        if (n == null) {
            error(at, "unit " + unit + ": " + key + " is required");
            return null;
        }
        return scalar(n, unit + "." + key);
    }

    private int number(Map<String, Node> f, Node at, String unit, String key, int min) {
        Node n = f.get(key);
        if (n == null) {
            error(at, "unit " + unit + ": " + key + " is required");
            return 0;
        }
        Integer v = positive(n, unit + "." + key, min);
        return v == null ? 0 : v;
    }

    private Integer positive(Node n, String what, int min) {
        String s = scalar(n, what);
        try {
            int v = Integer.parseInt(String.valueOf(s));
            if (v < min) {
                error(n, what + " must be at least " + min + ", got " + v);
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            error(n, what + " must be a whole number, got " + s);
            return null;
        }
    }

    private MappingNode mapping(Node n, String what) {
        if (n instanceof MappingNode m) {
            return m;
        }
        error(n, what + " must be a mapping");
        return null;
    }

    private String scalar(Node n, String what) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        error(n, what + " must be a single value");
        return null;
    }

    private Map<String, Node> entries(MappingNode m) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "key");
            if (key != null && map.put(key, t.getValueNode()) != null) {
                error(t.getKeyNode(), "duplicate key " + key);
            }
        }
        return map;
    }

    private void error(Node at, String message) {
        int line = at == null || at.getStartMark() == null ? 0 : at.getStartMark().getLine() + 1;
        errors.add(file + ":" + line + ": " + message);
    }
}
