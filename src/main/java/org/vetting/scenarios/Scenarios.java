package org.vetting.scenarios;

import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.vetting.api.FieldError;
import org.vetting.api.OfficerRecord;
import org.vetting.common.Json;
import org.vetting.evaluation.RecordValidator;
import org.vetting.rules.EvaluationResult;
import org.vetting.rules.AdverseClocks;
import org.vetting.rules.Unit;
import org.vetting.clearance.Transitions;
import java.util.Optional;
import org.vetting.rules.Flag;
import org.vetting.rules.RuleEngine;
import org.vetting.rules.WatchlistHit;
import org.vetting.rules.RuleSet;
import org.vetting.rules.RuleSetLoader;

/**
 * Policy scenarios as data ({@code rules/scenarios/*.yml}, part of the set's files), so that a policy analyst can add a case
 * without writing Java. A file looks like:
 *
 * <pre>
 * base:                      # optional: the record every scenario starts from
 *   officerId: MX-1
 *   ...
 * scenarios:
 *   - name: SERIOUS_CONVICTION raised by a drug-trafficking conviction
 *     asOf: 2026-11-27
 *     record:                # top-level keys replace the base's (lists are replaced whole)
 *       criminalRecords: [{id: c1, category: DRUG_TRAFFICKING, status: CONVICTED, date: 2001-01-01}]
 *     expect:
 *       outcome: INELIGIBLE
 *       flags: [SERIOUS_CONVICTION]    # every flag code raised, in any order, repeated per instance
 *       validUntil: null               # optional
 *       clearance: DENIAL_PROPOSED     # optional: the status a first application takes (section 9)
 *       replyDueOn: 2026-12-27         # optional: the reply window of a notice issued on asOf
 *       appealDueOn: 2026-12-12        # optional: the appeal window of a decision final on asOf
 * </pre>
 */
public final class Scenarios {
    private static final ObjectMapper YAML = Json.configure(new ObjectMapper(new YAMLFactory()));

    private Scenarios() {}

    /** The scenarios of a set ({@code scenarios/*.yml} among its files), file by file. */
    public static List<Scenario> of(RuleSet ruleSet) {
        List<Scenario> all = new ArrayList<>();
        ruleSet.files().forEach((name, text) -> {
            if (name.startsWith(RuleSetLoader.SCENARIOS)) {
                all.addAll(parse(name.substring(RuleSetLoader.SCENARIOS.length()), text));
            }
        });
        return all;
    }

    /**
     * The problems of a set's scenario files as {@code file:line: message}, empty when every file
     * reads: a proposal whose scenarios cannot be read is refused like one that does not compile.
     */
    public static List<String> errors(RuleSet ruleSet) {
        List<String> errors = new ArrayList<>();
        ruleSet.files().forEach((name, text) -> {
            if (name.startsWith(RuleSetLoader.SCENARIOS)) {
                try {
                    parse(name.substring(RuleSetLoader.SCENARIOS.length()), text);
                } catch (IllegalArgumentException e) {
                    int line = e.getCause() instanceof JsonProcessingException j && j.getLocation() != null
                            ? j.getLocation().getLineNr() : 0;
                    errors.add(name + ":" + line + ": " + e.getMessage());
                }
            }
        });
        return errors;
    }

    /** Runs every scenario of the set against it. */
    public static List<ScenarioResult> runAll(RuleSet ruleSet) {
        return of(ruleSet).stream().map(s -> run(ruleSet, s)).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Scenario> parse(String name, String text) {
        Map<String, Object> doc;
        try {
            doc = YAML.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
        }
        if (doc == null) {
            throw new IllegalArgumentException(name + ": empty");
        }
        try {
            return scenarios(name, doc);
        } catch (ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": not a scenario file (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Scenario> scenarios(String name, Map<String, Object> doc) {
        Map<String, Object> base = (Map<String, Object>) doc.getOrDefault("base", Map.of());
        List<Map<String, Object>> items = (List<Map<String, Object>>) doc.get("scenarios");
        if (items == null) {
            throw new IllegalArgumentException(name + ": no scenarios list");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Map<String, Object> item : items) {
            String title = String.valueOf(item.get("name"));
            Map<String, Object> record = new LinkedHashMap<>(base);
            record.putAll((Map<String, Object>) item.getOrDefault("record", Map.of()));
            Map<String, Object> expect = (Map<String, Object>) item.get("expect");
            if (expect == null || expect.get("outcome") == null || item.get("asOf") == null) {
                throw new IllegalArgumentException(name + " :: " + title + ": needs asOf and expect.outcome");
            }
            List<String> flags = ((List<Object>) expect.getOrDefault("flags", List.of())).stream()
                    .map(String::valueOf).sorted().toList();
            Object until = expect.get("validUntil");
            List<WatchlistHit> hits = YAML.convertValue(item.getOrDefault("watchlistHits", List.of()), HITS);
            scenarios.add(new Scenario(name, title, LocalDate.parse(String.valueOf(item.get("asOf"))), record,
                    String.valueOf(expect.get("outcome")), flags, expect.containsKey("validUntil"),
                    until == null ? null : LocalDate.parse(String.valueOf(until)), hits, adverse(expect)));
        }
        return scenarios;
    }

    private static Scenario.Adverse adverse(Map<String, Object> expect) {
        if (!expect.containsKey("clearance") && !expect.containsKey("replyDueOn") && !expect.containsKey("appealDueOn")) {
            return null;
        }
        Object clearance = expect.get("clearance");
        return new Scenario.Adverse(clearance == null ? null : String.valueOf(clearance), day(expect.get("replyDueOn")),
                day(expect.get("appealDueOn")));
    }

    private static LocalDate day(Object value) {
        return value == null ? null : LocalDate.parse(String.valueOf(value));
    }

    private static final TypeReference<List<WatchlistHit>> HITS =
            new TypeReference<>() {};

    public static ScenarioResult run(RuleSet ruleSet, Scenario s) {
        OfficerRecord record;
        try {
            record = YAML.convertValue(s.record(), OfficerRecord.class);
        } catch (IllegalArgumentException e) {
            return new ScenarioResult(s, "the record cannot be read: " + e.getMessage());
        }
        List<FieldError> errors = RecordValidator.validate(record, s.asOf(), ruleSet, "");
        if (!errors.isEmpty()) {
            return new ScenarioResult(s, "the API would refuse the record: " + errors);
        }
        EvaluationResult result = RuleEngine.evaluate(ruleSet, record, s.asOf(), s.watchlistHits());
        List<String> flags = result.flags().stream().map(Flag::code).sorted().toList();
        List<String> problems = new ArrayList<>();
        if (!result.outcome().name().equals(s.expectOutcome())) {
            problems.add("outcome " + result.outcome() + ", expected " + s.expectOutcome());
        }
        if (!flags.equals(s.expectFlags())) {
            problems.add("flags " + flags + ", expected " + s.expectFlags());
        }
        if (s.checkValidUntil() && !Objects.equals(result.validUntil(), s.expectValidUntil())) {
            problems.add("validUntil " + result.validUntil() + ", expected " + s.expectValidUntil());
        }
        if (s.expectAdverse() != null) {
            adverse(ruleSet, s, result, problems);
        }
        return new ScenarioResult(s, problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Section 9's expectations: the clearance a first application takes, and the clocks from asOf. */
    private static void adverse(RuleSet ruleSet, Scenario s, EvaluationResult result, List<String> problems) {
        Scenario.Adverse expected = s.expectAdverse();
        Unit unit = ruleSet.unit(result.unit()).orElse(null);
        if (expected.clearance() != null && unit != null) {
            Transitions.Result first = Transitions.afterEvaluation(null, new Transitions.Judged(result.outcome(),
                    result.valid(), List.of()), unit, ruleSet.adverseClocks().orElse(null), s.asOf(), true);
            String status = first.next().status().name();
            if (!status.equals(expected.clearance())) {
                problems.add("clearance " + status + ", expected " + expected.clearance());
            }
        }
        Optional<AdverseClocks> clocks = ruleSet.adverseClocks();
        if (expected.replyDueOn() != null && !Objects.equals(clocks.map(c -> c.replyDueOn(s.asOf())).orElse(null),
                expected.replyDueOn())) {
            problems.add("replyDueOn " + clocks.map(c -> c.replyDueOn(s.asOf())).orElse(null) + ", expected "
                    + expected.replyDueOn());
        }
        if (expected.appealDueOn() != null && !Objects.equals(clocks.map(c -> c.appealDueOn(s.asOf())).orElse(null),
                expected.appealDueOn())) {
            problems.add("appealDueOn " + clocks.map(c -> c.appealDueOn(s.asOf())).orElse(null) + ", expected "
                    + expected.appealDueOn());
        }
    }
}
