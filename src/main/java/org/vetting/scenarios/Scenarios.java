package org.vetting.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.vetting.api.FieldError;
import org.vetting.api.OfficerRecord;
import org.vetting.common.Json;
import org.vetting.evaluation.RecordValidator;
import org.vetting.rules.EvaluationResult;
import org.vetting.rules.Flag;
import org.vetting.rules.RuleEngine;
import org.vetting.rules.RuleSet;

/**
 * Policy scenarios as data ({@code rules/scenarios/*.yml}), so that a policy analyst can add a case
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
 * </pre>
 */
public final class Scenarios {
    private static final ObjectMapper YAML = Json.configure(new ObjectMapper(new YAMLFactory()));

    private Scenarios() {}

    public static List<Scenario> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Scenario> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                all.addAll(parse(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static List<Scenario> parse(Path file) throws IOException {
        String name = file.getFileName().toString();
        Map<String, Object> doc = YAML.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
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
            scenarios.add(new Scenario(name, title, LocalDate.parse(String.valueOf(item.get("asOf"))), record,
                    String.valueOf(expect.get("outcome")), flags, expect.containsKey("validUntil"),
                    until == null ? null : LocalDate.parse(String.valueOf(until))));
        }
        return scenarios;
    }

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
        EvaluationResult result = RuleEngine.evaluate(ruleSet, record, s.asOf());
        List<String> flags = result.flags().stream().map(Flag::code).sorted().toList();
        List<String> problems = new ArrayList<>();
        if (!result.outcome().name().equals(s.expectOutcome())) {
            problems.add("outcome " + result.outcome() + ", expected " + s.expectOutcome());
        }
        if (!flags.equals(s.expectFlags())) {
            problems.add("flags " + flags + ", expected " + s.expectFlags());
        }
        if (s.checkValidUntil() && !java.util.Objects.equals(result.validUntil(), s.expectValidUntil())) {
            problems.add("validUntil " + result.validUntil() + ", expected " + s.expectValidUntil());
        }
        return new ScenarioResult(s, problems.isEmpty() ? null : String.join("; ", problems));
    }
}
