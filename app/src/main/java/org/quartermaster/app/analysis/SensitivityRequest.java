package org.quartermaster.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quartermaster.engine.sensitivity.MorrisDesign;
import org.quartermaster.engine.sensitivity.SaltelliSample;
import org.quartermaster.engine.sensitivity.SensitivityOutput;
import org.quartermaster.engine.sensitivity.SensitivityResult;
import org.quartermaster.engine.sensitivity.SensitivityRunner;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepProgress;
import org.quartermaster.engine.sweep.VariantEvaluator;

/**
 * What a sensitivity analysis asks for beside its sweep file: the method and its settings, the metric
 * and the cell (null: the sweep's first). The options of {@code qm sensitivity} and the fields of
 * {@code POST /api/v1/sensitivity}, checked in one place so both say the same.
 *
 * @param method    tornado, sobol or morris, in any case
 * @param n         sobol: base points; morris: trajectories; null for the method's default
 * @param levels    morris: grid levels per parameter, even
 * @param bootstrap sobol: bootstrap resamples for the 95% intervals, 0 for none
 */
public record SensitivityRequest(String method, String metric, String cell, Integer n, int levels, int bootstrap) {
  /** Sobol base points and Morris trajectories when n is not given. */
  public static final int DEFAULT_SOBOL_N = 256;
  public static final int DEFAULT_MORRIS_R = 10;
  public static final int DEFAULT_LEVELS = 4;
  public static final int DEFAULT_BOOTSTRAP = 1000;

  /**
   * A setting that cannot be used: the option's name without dashes ({@code method}), the value given
   * and what is wrong, to follow the option's name ("must be tornado, sobol or morris, got x").
   */
  public record Problem(String option, String value, String message) {}

  /** Every problem with the settings, in option order; empty when they can run. */
  public List<Problem> problems() {
    List<Problem> problems = new ArrayList<>();
    String m = method == null ? "" : method.toLowerCase(Locale.ROOT);
    if (!List.of("tornado", "sobol", "morris").contains(m)) {
      problems.add(new Problem("method", method, "must be tornado, sobol or morris, got " + method));
    }
    if (n != null && m.equals("tornado")) {
      problems.add(new Problem("n", n.toString(), "applies to sobol (base points) and morris (trajectories), not to"
          + " tornado"));
    } else if (n != null && n < 2) {
      problems.add(new Problem("n", n.toString(), "must be at least 2, got " + n));
    }
    if (levels < 2 || levels % 2 != 0) {
      problems.add(new Problem("levels", Integer.toString(levels), "must be even and at least 2 (e.g. 4), got "
          + levels));
    }
    if (bootstrap < 0 || bootstrap > 100_000) {
      problems.add(new Problem("bootstrap", Integer.toString(bootstrap), "must be in 0..100000, got " + bootstrap));
    }
    return problems;
  }

  /** The method in lower case; call after {@link #problems()} is empty. */
  public String methodName() {
    return method.toLowerCase(Locale.ROOT);
  }

  /** Base points (sobol) or trajectories (morris), given or the default. */
  public int points() {
    return n != null ? n : methodName().equals("sobol") ? DEFAULT_SOBOL_N : DEFAULT_MORRIS_R;
  }

  /** The variants the method runs for a sweep of {@code k} parameters. */
  public long variants(int k) {
    return switch (methodName()) {
      case "sobol" -> SaltelliSample.evaluations(k, points());
      case "morris" -> MorrisDesign.evaluations(k, points());
      default -> 1 + 2L * k;
    };
  }

  /**
   * Runs the method on {@code sweep}'s parameters for {@code output}.
   *
   * @throws IllegalArgumentException or {@link org.quartermaster.engine.sensitivity.UndefinedOutputException}
   *     when the sweep or the metric does not allow it (the message says why)
   */
  public SensitivityResult run(Sweep sweep, SensitivityOutput output, int workers, SweepProgress progress) {
    return run(sweep, output, VariantEvaluator.here(workers, progress));
  }

  /** {@link #run(Sweep, SensitivityOutput, int, SweepProgress)} with the variants run by {@code evaluator}. */
  public SensitivityResult run(Sweep sweep, SensitivityOutput output, VariantEvaluator evaluator) {
    return switch (methodName()) {
      case "sobol" -> SensitivityRunner.sobol(sweep, output, points(), bootstrap, evaluator);
      case "morris" -> SensitivityRunner.morris(sweep, output, points(), levels, evaluator);
      default -> SensitivityRunner.tornado(sweep, output, evaluator);
    };
  }
}
