package org.quartermaster.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
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
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.simulation.Sm1Simulator;

/**
 * JMH benchmark of the SM-1 run loop through the engine's public API: one benchmark operation is one
 * whole {@code Sm1Simulator.run(scenario, SimulationOptions.stochastic(runs, seed).withThreads(threads))}
 * call (compiling the scenario, all runs on {@code threads} workers, merging, closing-stock quantiles),
 * on a scenario parsed once per trial. Scenario parsing and result JSON are not measured.
 *
 * <p>Build and run, from the repository root:
 *
 * <pre>
 * mvn -B -ntp -DskipTests package &amp;&amp; java -jar benchmarks/target/benchmarks.jar Sm1RunLoop -p scenario=PATH/TO/medium.yaml -f 1 -wi 2 -i 3
 * </pre>
 *
 * <p>Other useful forms: {@code java -jar benchmarks/target/benchmarks.jar -l} lists the benchmarks;
 * {@code ... Sm1RunLoop -f 1 -wi 2 -i 3} runs the built-in scenario; {@code -p threads=2} fixes the
 * thread count (default: both 1 and 2); {@code -p runs=10000} changes the number of runs per
 * simulation ({@code -p runs=0} uses the scenario's own {@code runs}); {@code -bm avgt -tu s} reports
 * seconds per simulation instead of simulations per second; {@code -rf json -rff FILE.json} saves
 * the results.
 *
 * <p>Parameters:
 *
 * <ul>
 *   <li>{@code scenario}: {@value #BUILTIN} (default) is a synthetic scenario generated in code
 *       (see {@link #builtinYaml()}: 6 holders, 5 items, 10 lines, 120 months, demand rates from 0.5
 *       to 20,000 a month, so every Poisson regime is exercised) and needs no file; anything else
 *       is a scenario file path, relative paths being resolved against the working directory and
 *       then its parents (so {@code -p scenario=examples/illustrative-manpads.yaml} works from the
 *       repository root or from {@code benchmarks/});
 *   <li>{@code runs}: runs per simulation (default 2048); 0 means the scenario's own {@code runs}
 *       (else {@link SimulationOptions#DEFAULT_RUNS});
 *   <li>{@code threads}: worker threads ({@code "1"}, {@code "2"}).
 * </ul>
 *
 * <p>Reading the output. The primary score is simulations per second ({@code ops/s}). The secondary
 * score {@code cellSteps} (an {@link AuxCounters} counter) is the engine's speed in <b>cell-steps
 * per second</b>, cell-steps = runs × months × cells ({@link SimulationResult#cellSteps()}), the
 * unit the bench script and the NumPy peer quote (JMH labels it {@code ops/s}). The setup prints
 * the cell-steps of one simulation ({@code # SM-1 scenario ...: ... cell-steps per simulation}).
 * With {@code -bm avgt} JMH inverts both scores: the primary is seconds per simulation and
 * {@code cellSteps} becomes seconds per cell-step; cell-steps/s is then the printed cell-steps per
 * simulation ÷ seconds per simulation (or 1 ÷ the {@code cellSteps} score). With only 2 cores, {@code threads=2} competes with JMH's own thread and with anything
 * else running: expect wide error bars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The flag silences JDK 23+'s warning about JMH's own use of sun.misc.Unsafe; older JDKs ignore it.
@Fork(value = 1, jvmArgsAppend = {"-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Sm1RunLoopBenchmark {
  /** The {@code scenario} value that selects the scenario generated in code. */
  public static final String BUILTIN = "builtin";

  /** Base seed of every simulation; a fixed seed gives the same work in every invocation. */
  static final long SEED = 20_240_701L;

  @Param(BUILTIN)
  public String scenario;

  @Param("2048")
  public int runs;

  @Param({"1", "2"})
  public int threads;

  private Scenario loaded;
  private SimulationOptions options;

  /** Cell-steps done, reported by JMH per second of measured time: the cell-steps/s of the run loop. */
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
    loaded = BUILTIN.equals(scenario)
        ? ScenarioReader.parse(builtinYaml(), BUILTIN)
        : ScenarioReader.read(locate(scenario));
    int n = runs > 0 ? runs : loaded.runs().orElse(SimulationOptions.DEFAULT_RUNS);
    options = SimulationOptions.stochastic(n, SEED).withThreads(threads);
    long cells = loaded.cells().size();
    long perOp = n * (long) loaded.horizonMonths() * cells;
    System.out.printf(Locale.ROOT,
        "%n# SM-1 scenario \"%s\": %d cells x %d months x %d runs = %,d cell-steps per simulation, %d thread(s)%n",
        loaded.name(), cells, loaded.horizonMonths(), n, perOp, threads);
  }

  @Benchmark
  public SimulationResult run(CellSteps counter) {
    SimulationResult result = Sm1Simulator.run(loaded, options);
    counter.cellSteps += result.cellSteps();
    return result;
  }

  /** {@code name} as given when it exists, else resolved against the working directory's parents. */
  static Path locate(String name) {
    Path given = Path.of(name);
    if (given.isAbsolute() || Files.exists(given)) {
      return given;
    }
    for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(name);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("scenario file not found: " + name + " (working directory "
        + Path.of("").toAbsolutePath() + "); give -p scenario=/absolute/path.yaml or -p scenario=" + BUILTIN);
  }

  /**
   * A synthetic SM-1 scenario, always the same text: 6 holders, 5 items whose demand scales run
   * log-evenly from 0.5 to 20,000 a month, 2 lines per item (ramps, triangular delays,
   * disruptions, uneven shares), stocks with 1-2 demand segments and targets, and 4 transfers.
   */
  static String builtinYaml() {
    String[] holders = {"USA", "NSPA", "UKR", "GBR", "POL", "DEU"};
    String[] items = {"interceptor", "manpads", "gmlrs", "shell-105", "grenade-40"};
    int months = 120;
    SplittableRandom rng = new SplittableRandom(7);
    StringBuilder y = new StringBuilder();
    y.append("name: \"built-in benchmark scenario (6 holders, 5 items, 10 lines, T=120)\"\n");
    y.append("horizon_months: ").append(months).append('\n');
    y.append("start: 2025-01\nruns: 10000\nseed: 7\n");
    y.append("items:\n");
    for (String item : items) {
      y.append("  - {id: ").append(item).append("}\n");
    }
    y.append("holders:\n");
    for (String holder : holders) {
      y.append("  - {id: ").append(holder).append("}\n");
    }
    StringBuilder lines = new StringBuilder("lines:\n");
    StringBuilder stocks = new StringBuilder("stocks:\n");
    for (int i = 0; i < items.length; i++) {
      double scale = Math.exp(Math.log(0.5) + (Math.log(20_000) - Math.log(0.5)) * i / (items.length - 1));
      // each item is held by 3 consecutive holders, the first one rotating with the item
      String[] held = {holders[i % holders.length], holders[(i + 1) % holders.length],
          holders[(i + 2) % holders.length]};
      for (int l = 0; l < 2; l++) {
        double base = round(scale * (0.3 + 0.4 * rng.nextDouble()));
        double surge = round(base * (1.5 + 2 * rng.nextDouble()));
        double min = round(3 * rng.nextDouble());
        double mode = round(min + 4 * rng.nextDouble());
        double max = round(mode + 8 * rng.nextDouble());
        lines.append(String.format(Locale.ROOT,
            "  - {id: %s-line-%d, item: %s, base_per_month: %s, surge_per_month: %s, ramp_start_month: %d,"
                + " ramp_months: %d, ramp_delay_months: {min: %s, mode: %s, max: %s},"
                + " disruption: {probability: %s, cut: %s}, shares: {%s: %s, %s: %s}}%n",
            items[i], l + 1, items[i], num(base), num(surge), 6 * l, 12 + 12 * l, num(min), num(mode), num(max),
            num(round(0.2 * rng.nextDouble())), num(round(0.3 + 0.6 * rng.nextDouble())),
            held[l], num(round(0.2 + rng.nextDouble())), held[l + 1], num(round(0.2 + rng.nextDouble()))));
      }
      for (int h = 0; h < held.length; h++) {
        double rate = round(scale * (h == 0 ? 1 : 0.3 + 0.5 * rng.nextDouble()));
        String demand = h == 2
            ? String.format(Locale.ROOT, "[{from: 0, per_month: %s}, {from: 60, per_month: %s}]", num(rate),
                num(round(rate * 1.8)))
            : String.format(Locale.ROOT, "[{from: 0, per_month: %s}]", num(rate));
        stocks.append(String.format(Locale.ROOT,
            "  - {holder: %s, item: %s, initial: %s, target: %s, demand: %s}%n",
            held[h], items[i], num(round(scale * 12 * (0.5 + rng.nextDouble()))), num(round(scale * 18)), demand));
      }
    }
    y.append(lines).append(stocks);
    y.append("transfers:\n");
    y.append("  - {from: USA, to: UKR, item: interceptor, month: 2, quantity: 3}\n");
    y.append("  - {from: NSPA, to: UKR, item: manpads, month: 10, quantity: 40}\n");
    y.append("  - {from: GBR, to: UKR, item: shell-105, month: 24, quantity: 20000}\n");
    y.append("  - {from: POL, to: UKR, item: grenade-40, month: 36, quantity: 150000}\n");
    return y.toString();
  }

  /** Three significant digits, like the bench generator's figures. */
  private static double round(double x) {
    if (x <= 0) {
      return 0;
    }
    int digits = Math.max(0, 2 - (int) Math.floor(Math.log10(x)));
    double factor = Math.pow(10, Math.min(digits, 2));
    return Math.round(x * factor) / factor;
  }

  private static String num(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
