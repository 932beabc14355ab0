package org.pyeongga.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.pyeongga.scoring.EvaluatorNormalizationOptions;
import org.pyeongga.scoring.EvaluatorScores;
import org.pyeongga.scoring.Normalization;
import org.pyeongga.scoring.Panel;
import org.pyeongga.scoring.ScoringEngine;
import org.pyeongga.scoring.ScoringProblem;
import org.pyeongga.scoring.ScoringResult;
import org.pyeongga.scoring.SpreadThreshold;
import org.pyeongga.scoring.UncertaintyAnalysis;
import org.pyeongga.scoring.UncertaintyResult;
import org.pyeongga.scoring.UncertaintySpec;
import org.pyeongga.scoring.Unit;

/**
 * Issue 4's benchmark: one full deterministic evaluation (243 local governments, 18 indicators, 6 of them from a
 * 30-evaluator panel normalized per evaluator) against 10 000 Monte Carlo replications (weights ±25 %, min–max or
 * z-score, ranks within the four groups) on both cores. Targets on this 2-core machine: deterministic under 20 ms,
 * replications under 0.25 s (a plain numpy version takes about 0.55 s). The last line printed is the ratio of the
 * replications' time to the deterministic evaluation's, both measured in this run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
public class ScoringBenchmarks {

    List<Unit> units;
    Map<String, Panel> panels;
    ScoringProblem problem;
    UncertaintySpec spec;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        units = BenchmarkProblem.localGovernments2024();
        if (units.size() != 243) {
            throw new IllegalStateException("expected the 243 local governments of 2024, found " + units.size());
        }
        var random = new SplittableRandom(30);
        panels = new HashMap<>();
        List<String> evaluators = new ArrayList<>();
        for (int i = 0; i < BenchmarkProblem.EVALUATORS; i++) {
            evaluators.add("e" + i);
        }
        List<String> ids = units.stream().map(Unit::id).toList();
        for (int k = 0; k < BenchmarkProblem.QUALITATIVE; k++) {
            panels.put("p" + k, new Panel(new EvaluatorScores(evaluators, ids, BenchmarkProblem.panel(units, random)),
                    EvaluatorNormalizationOptions.automatic(), new SpreadThreshold(0, 10, 0.3)));
        }
        problem = BenchmarkProblem.problem(units, panels);
        spec = new UncertaintySpec(2026, 10_000, 0.25, List.of(new Normalization.ZScore()), 2);
    }

    /**
     * Evaluator normalization of the six panels (30 evaluators, each scoring about a third of the units: the automatic
     * choice is the bias model), their reliability, then the whole decimal evaluation with explanation trees.
     */
    @Benchmark
    public ScoringResult deterministicEvaluation() {
        return ScoringEngine.evaluate(problem);
    }

    @Benchmark
    public UncertaintyResult monteCarlo10000() {
        return UncertaintyAnalysis.run(problem, spec);
    }

    /** Checks the case before measuring it: the panels really went through the bias model. */
    public static void main(String[] args) throws Exception {
        var check = new ScoringBenchmarks();
        check.setUp();
        var methods = check.deterministicEvaluation().panels().values().stream().map(p -> p.method().name()).distinct().toList();
        System.out.println("panel normalization used: " + methods);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ScoringBenchmarks.class.getSimpleName())
                .addProfiler("gc")
                .build()).run();
        double deterministic = Double.NaN;
        double replications = Double.NaN;
        double allocation = Double.NaN;
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            double ms = result.getPrimaryResult().getScore();
            if (name.endsWith("deterministicEvaluation")) {
                deterministic = ms;
            } else if (name.endsWith("monteCarlo10000")) {
                replications = ms;
                var norm = result.getSecondaryResults().entrySet().stream()
                        .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm")).map(Map.Entry::getValue).findFirst().orElse(null);
                allocation = norm == null ? Double.NaN : norm.getScore();
            }
        }
        System.out.printf("deterministic evaluation: %.3f ms (target < 20 ms)%n", deterministic);
        System.out.printf("10 000 replications: %.1f ms (target < 250 ms; numpy ≈ 550 ms)%n", replications);
        System.out.printf("allocation per replication: %.0f bytes%n", allocation / 10_000);
        System.out.printf("ratio replications/deterministic: %.1f%n", replications / deterministic);
    }
}
