package org.vetting.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
import org.vetting.support.Records;

/**
 * The rule engine alone, one thread, for a typical record (five exams, one disclosure, a few adverse
 * records): evaluations per second ({@code evaluate}), and one evaluation taken apart, each stage
 * adding one step to the one before, in µs per operation: a session from the pool and back
 * ({@code session}), with the record's facts inserted ({@code facts}), with the rules fired
 * ({@code fire}, no recorder), and the whole evaluation ({@code evaluateTime}: the firing recorder,
 * the flags sorted, the result built). A step's cost is its stage's time less the one before. It
 * lives beside {@link RuleEngine} to reach those steps. Not a test: run it with the command in README.
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(1)
@Warmup(iterations = 10, time = 2) // the JIT needs ~20 s to settle on 2 cores
@Measurement(iterations = 5, time = 2)
public class RuleEngineBenchmark {
    private RuleSet ruleSet;
    private Unit unit;
    private OfficerRecord record;
    private final LocalDate asOf = LocalDate.of(2026, 11, 27);

    @Setup
    public void setUp() {
        ruleSet = RuleSetLoader.fromDirectory(Path.of(System.getProperty("rules", "rules")));
        record = Json.configure(new ObjectMapper()).convertValue(Records.typical("MX-BENCH-1"), OfficerRecord.class);
        unit = ruleSet.unit(record.targetUnit()).orElseThrow();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public EvaluationResult evaluate() {
        return RuleEngine.evaluate(ruleSet, record, asOf);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RuleEngine.Concluded session() {
        return RuleEngine.run(ruleSet, unit, List.of(), null, false);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RuleEngine.Concluded facts() {
        return RuleEngine.run(ruleSet, unit, RuleEngine.facts(unit, record, asOf, List.of()), null, false);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public RuleEngine.Concluded fire() {
        return RuleEngine.run(ruleSet, unit, RuleEngine.facts(unit, record, asOf, List.of()), null, true);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public EvaluationResult evaluateTime() {
        return RuleEngine.evaluate(ruleSet, record, asOf);
    }
}
