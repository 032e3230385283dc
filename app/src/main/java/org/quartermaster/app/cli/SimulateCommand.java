package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.Mode;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.simulation.ProgressListener;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.simulation.SimulationTooLargeException;
import org.quartermaster.engine.simulation.Sm1Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm simulate}: run SM-1 on a scenario, summarise it, optionally write result format v1. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run the SM-1 sustainment model on a scenario.",
      "Shows progress on stderr (a bar on a terminal, else a line at each quarter of the runs), then a",
      "summary per cell on stdout: stock now and at the horizon (P50 [P5-P95]), months to target (P50/P90,",
      "share of runs that reach it; the month it is reached for a deterministic run) and shortfall risk."
    })
final class SimulateCommand implements Callable<Integer>, ReportsProgress {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file (YAML, format in docs/sm1-model.md).")
  Path scenarioFile;

  @Option(names = "--runs", paramLabel = "N",
      description = "Monte Carlo runs (default: the scenario's runs, else " + SimulationOptions.DEFAULT_RUNS + ").")
  Integer runs;

  @Option(names = "--seed", paramLabel = "S",
      description = "Base seed; each run's stream derives from (seed, run index) (default: the scenario's seed, else "
          + SimulationOptions.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--threads", paramLabel = "K",
      description = "Worker threads (default: the number of processors). Never changes the result.")
  Integer threads;

  @Option(names = "--deterministic",
      description = "Replace every random quantity by its expectation: one exact run (default: off).")
  boolean deterministic;

  @Option(names = "--out", paramLabel = "FILE.json",
      description = "Also write the full result (result format v1 JSON) to this file; written whole or not at all"
          + " (default: none).")
  Path out;

  @Option(names = "--check",
      description = "Verify invariants every month (stock >= 0, each cell's balance); slower (default: off).")
  boolean check;

  @Option(names = "--no-progress", description = "Show no progress (default: a bar on stderr when it is a terminal,"
      + " else a plain line at each quarter of the runs).")
  boolean noProgress;

  /** Whether stderr is a terminal (set by {@link Main}); a bar's redrawn frames only suit a terminal. */
  private boolean errIsTerminal;

  @Override
  public void errIsTerminal(boolean terminal) {
    errIsTerminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Scenario scenario = ScenarioFiles.read(scenarioFile);
    SimulationOptions options = options(scenario);
    if (out != null) {
      ResultFiles.checkWritable(out);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (deterministic && runs != null) {
      spec.commandLine().getErr().println("qm: note: --runs is ignored with --deterministic (one exact run)");
    }
    long started = System.nanoTime();
    SimulationResult result;
    boolean progress = !noProgress && !deterministic;
    try (Progress listener = Progress.on(spec.commandLine().getErr(), progress, errIsTerminal, options.runs(),
        "simulate", "runs")) {
      result = Sm1Simulator.run(scenario, options.withProgress(listener));
    } catch (SimulationTooLargeException e) {
      throw new BadInputException(scenarioFile + ": " + e.getMessage());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (out != null) {
      ResultFiles.write(result, out);
    }
    new Summary(stdout).print(result, seconds);
    if (out != null) {
      stdout.println("Result (format v1) written to " + out);
    }
    return Main.OK;
  }

  private SimulationOptions options(Scenario scenario) {
    if (runs != null && runs < 1) {
      throw new BadInputException("--runs must be at least 1, got " + runs);
    }
    if (threads != null && threads < 1) {
      throw new BadInputException("--threads must be at least 1, got " + threads);
    }
    SimulationOptions options = deterministic
        ? SimulationOptions.deterministic()
        : SimulationOptions.stochastic(
            runs != null ? runs : scenario.runs().orElse(SimulationOptions.DEFAULT_RUNS),
            seed != null ? seed : scenario.seed().orElse(SimulationOptions.DEFAULT_SEED));
    if (deterministic && seed != null) {
      options = new SimulationOptions(Mode.DETERMINISTIC, 1, seed, 1, false, ProgressListener.NONE);
    }
    return options.withThreads(threads != null ? threads : SimulationOptions.defaultThreads()).withCheck(check);
  }
}
