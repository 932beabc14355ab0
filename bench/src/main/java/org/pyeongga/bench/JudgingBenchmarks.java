package org.pyeongga.bench;

import java.util.Collection;
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
import org.pyeongga.judging.AutomaticAssignment;
import org.pyeongga.judging.RealisticAssignment;

/**
 * Issue 5's assignment benchmark: 40 evaluators × the 243 local governments × 5 qualitative indicators, 3 evaluators
 * each, with conflicts (RealisticAssignment), solved as a minimum-cost flow, against the greedy baseline (each subject
 * takes the least-loaded allowed evaluators) in the same run. Target: the flow under 5 s on this 2-core machine. The
 * last lines printed are both times and their ratio. Run with
 * {@code ./mvnw -o -Pbench -DskipTests -DskipBrowserSetup=true -Dbench.main=org.pyeongga.bench.JudgingBenchmarks test-compile exec:exec@bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class JudgingBenchmarks {

    AutomaticAssignment.Problem problem;

    @Setup(Level.Trial)
    public void setUp() {
        problem = RealisticAssignment.build(2024, 40, 3).problem;
    }

    @Benchmark
    public AutomaticAssignment.Result minimumCostFlow() {
        return AutomaticAssignment.solve(problem);
    }

    @Benchmark
    public AutomaticAssignment.Result greedyBaseline() {
        return AutomaticAssignment.greedy(problem);
    }

    /** Checks the case before measuring it, then prints both times and their ratio. */
    public static void main(String[] args) throws Exception {
        var check = new JudgingBenchmarks();
        check.setUp();
        var flow = check.minimumCostFlow();
        var greedy = check.greedyBaseline();
        System.out.printf("pairings: flow %d (shortfall %d, spread within an indicator %d), greedy %d (shortfall %d, spread %d)%n",
                flow.pairings().size(), flow.shortfall().size(), flow.maxSpreadWithinCriterion(),
                greedy.pairings().size(), greedy.shortfall().size(), greedy.maxSpreadWithinCriterion());
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(JudgingBenchmarks.class.getSimpleName()).build()).run();
        double flowMs = Double.NaN;
        double greedyMs = Double.NaN;
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            if (name.endsWith("minimumCostFlow")) {
                flowMs = result.getPrimaryResult().getScore();
            } else if (name.endsWith("greedyBaseline")) {
                greedyMs = result.getPrimaryResult().getScore();
            }
        }
        System.out.printf("minimum-cost flow: %.1f ms (target < 5000 ms)%n", flowMs);
        System.out.printf("greedy baseline: %.1f ms%n", greedyMs);
        System.out.printf("ratio flow/greedy: %.1f%n", flowMs / greedyMs);
    }
}
