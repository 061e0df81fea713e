package org.vetting.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vetting.api.OfficerRecord;
import org.vetting.common.Json;
import org.vetting.rules.EvaluationResult;
import org.vetting.rules.RuleEngine;
import org.vetting.rules.RuleSet;
import org.vetting.rules.RuleSetLoader;
import org.vetting.support.Records;

/**
 * Evaluations per second of the rule engine alone, one thread, for a typical record (five exams,
 * one disclosure, a few adverse records). Not a test: run it with the command in README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 10, time = 2) // the JIT needs ~20 s to settle on 2 cores
@Measurement(iterations = 5, time = 2)
public class RuleEngineBenchmark {
    private RuleSet ruleSet;
    private OfficerRecord record;
    private final LocalDate asOf = LocalDate.of(2026, 11, 27);

    @Setup
    public void setUp() {
        ruleSet = RuleSetLoader.fromDirectory(Path.of(System.getProperty("rules", "rules")));
        Map<String, Object> r = Records.typical("MX-BENCH-1");
        ObjectMapper mapper = Json.configure(new ObjectMapper());
        record = mapper.convertValue(r, OfficerRecord.class);
    }

    @Benchmark
    public EvaluationResult evaluate() {
        return RuleEngine.evaluate(ruleSet, record, asOf);
    }
}
