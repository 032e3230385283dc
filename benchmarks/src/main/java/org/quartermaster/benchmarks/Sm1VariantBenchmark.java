package org.quartermaster.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.simulation.ScenarioPatch;
import org.quartermaster.engine.simulation.VariantSimulator;
import org.quartermaster.engine.simulation.VariantStatistics;

/**
 * JMH benchmark of one sweep variant: {@code VariantSimulator.run} on a scenario compiled once, on the
 * calling thread, with the closing-stock quantiles of a sweep (P5, P50, P95 at the last month). Set
 * beside {@link Sm1RunLoopBenchmark} with {@code threads=1} and the same runs, it shows what a sweep
 * pays per variant over a plain simulation of the same runs.
 *
 * <p>Build and run, from the repository root:
 *
 * <pre>
 * mvn -B -ntp -DskipTests package &amp;&amp; java -jar benchmarks/target/benchmarks.jar Sm1Variant -p scenario=PATH/TO/medium.yaml -f 3 -wi 3 -i 5
 * </pre>
 *
 * <p>Parameters: {@code scenario} as in {@link Sm1RunLoopBenchmark} ({@value Sm1RunLoopBenchmark#BUILTIN}
 * or a file); {@code runs} per variant (default 2000, at most {@link VariantSimulator#MAX_RUNS}). The
 * variant patches nothing: a patch only copies a few arrays. The primary score is variants per second;
 * {@code cellSteps} is cell-steps per second (JMH prints it as {@code ops/s}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Sm1VariantBenchmark {
  private static final double[] PROBABILITIES = {0.05, 0.50, 0.95};

  @Param(Sm1RunLoopBenchmark.BUILTIN)
  public String scenario;

  @Param("2000")
  public int runs;

  private VariantSimulator simulator;
  private int[] closingMonths;

  /** Cell-steps done, reported by JMH per second of measured time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class CellSteps {
    public long cellSteps;

    @Setup(Level.Iteration)
    public void reset() {
      cellSteps = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() {
    Scenario loaded = Sm1RunLoopBenchmark.BUILTIN.equals(scenario)
        ? ScenarioReader.parse(Sm1RunLoopBenchmark.builtinYaml(), Sm1RunLoopBenchmark.BUILTIN)
        : ScenarioReader.read(Sm1RunLoopBenchmark.locate(scenario));
    simulator = new VariantSimulator(loaded);
    closingMonths = new int[] {loaded.horizonMonths() - 1};
    System.out.printf(Locale.ROOT, "%n# SM-1 variant of \"%s\": %,d cell-steps per variant%n", loaded.name(),
        simulator.cellSteps(runs));
  }

  @Benchmark
  public VariantStatistics variant(CellSteps counter) {
    VariantStatistics statistics = simulator.run(List.<ScenarioPatch>of(), runs, Sm1RunLoopBenchmark.SEED,
        closingMonths, PROBABILITIES);
    counter.cellSteps += simulator.cellSteps(runs);
    return statistics;
  }
}
