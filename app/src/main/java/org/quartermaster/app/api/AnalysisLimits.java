package org.quartermaster.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.simulation.MemoryEstimate;
import org.quartermaster.engine.simulation.SimulationOptions;

/**
 * The limits an analysis asked for through the API must keep, the runs' limits applied to many
 * simulations: runs per simulation, months, the total work (simulations × runs × months × cells) and
 * the memory for runs. Beyond them, 413 naming the field and value.
 */
final class AnalysisLimits {
  private AnalysisLimits() {}

  /**
   * The heap an analysis is admitted with: one simulation's working memory per engine thread (each
   * thread runs whole simulations), plus {@code resultBytes}.
   */
  static long admissionBytes(Scenario base, int runs, long seed, int workers, long resultBytes) {
    long perSimulation = MemoryEstimate.of(base, SimulationOptions.stochastic(runs, seed).withThreads(1))
        .workingBytes();
    return perSimulation * workers + resultBytes;
  }

  /**
   * @param simulations how many simulations of {@code runs} runs the analysis makes ("variants", ...)
   * @param unit        what {@code simulations} counts, for the message
   */
  static void check(ApiSettings.RunLimits limits, AnalysisJobs jobs, AnalysisJobs.Kind kind, Scenario base,
      long runs, long simulations, String unit, long bytes) {
    List<ApiProblem> problems = new ArrayList<>();
    if (runs > limits.maxRuns()) {
      problems.add(new ApiProblem("runs", Long.toString(runs), "at most " + limits.maxRuns() + " runs"));
    }
    int months = base.horizonMonths();
    if (months > limits.maxMonths()) {
      problems.add(new ApiProblem("base.horizon_months", Integer.toString(months), "at most " + limits.maxMonths()
          + " months"));
    }
    double work = (double) simulations * runs * months * base.cells().size();
    if (problems.isEmpty() && work > limits.maxCellMonths()) {
      problems.add(new ApiProblem("runs", Long.toString(runs), String.format(Locale.ROOT,
          "%s × runs × horizon_months × cells = %d × %d × %d × %d is over the limit of %.0f", unit, simulations,
          runs, months, base.cells().size(), limits.maxCellMonths())));
    }
    if (problems.isEmpty() && bytes > jobs.memoryCapacity()) {
      problems.add(new ApiProblem("runs", Long.toString(runs), "this " + kind.label + " needs an estimated "
          + RunManager.mib(bytes) + ", more than the " + RunManager.mib(jobs.memoryCapacity()) + " runs and analyses"
          + " may hold on this server: ask for fewer runs or fewer " + unit));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(413, "the " + kind.label + " asked for is too large", problems);
    }
  }
}
