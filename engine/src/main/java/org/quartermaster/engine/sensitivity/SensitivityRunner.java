package org.quartermaster.engine.sensitivity;

import java.util.List;
import java.util.Locale;
import org.quartermaster.engine.sweep.GivenVariants;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepProgress;
import org.quartermaster.engine.sweep.SweepRow;
import org.quartermaster.engine.sweep.SweepRunner;
import org.quartermaster.engine.sweep.VariantEvaluator;

/**
 * Sensitivity analyses of a sweep file's parameters (docs/analysis.md): each method builds its own
 * variants of the sweep's base scenario ({@link Sweep#withVariants}, checked like a sweep's), runs
 * them with {@link SweepRunner} (common random numbers: run i of every variant uses the stream of
 * (seed, i), so the output is a smooth function of the parameters, not noise) and estimates from the
 * chosen output. A sampled method maps its unit points through each parameter's values as the sweep's
 * sampled designs do ({@link Sweep#at}): a range uniformly, a distribution by its inverse CDF, listed
 * values as equally likely. Results do not depend on the number of threads, nor on where the variants
 * run ({@link VariantEvaluator}: here, or on a cluster).
 */
public final class SensitivityRunner {
  /** Coverage of the Sobol intervals. */
  public static final double CONFIDENCE = 0.95;

  private SensitivityRunner() {}

  /** Each parameter at its low and high ({@link Sweep#low}, {@link Sweep#high}), the others as in the base scenario. */
  public static TornadoResult tornado(Sweep sweep, SensitivityOutput output, int threads, SweepProgress progress) {
    return tornado(sweep, output, VariantEvaluator.here(threads, progress));
  }

  /** {@link #tornado(Sweep, SensitivityOutput, int, SweepProgress)} with its variants run by {@code evaluator}. */
  public static TornadoResult tornado(Sweep sweep, SensitivityOutput output, VariantEvaluator evaluator) {
    int k = sweep.parameterColumns().size();
    double[][] values = new double[1 + 2 * k][k];
    for (double[] row : values) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    double[] low = new double[k];
    double[] high = new double[k];
    for (int p = 0; p < k; p++) {
      low[p] = sweep.low(p);
      high[p] = sweep.high(p);
      values[1 + 2 * p][p] = low[p];
      values[2 + 2 * p][p] = high[p];
    }
    double[] y = run(sweep, values, "tornado (" + values.length + " variants)", output, evaluator);
    double[] atLow = new double[k];
    double[] atHigh = new double[k];
    for (int p = 0; p < k; p++) {
      atLow[p] = y[1 + 2 * p];
      atHigh[p] = y[2 + 2 * p];
    }
    return new TornadoResult(output, sweep.parameterColumns(), y[0], Tornado.bars(low, high, atLow, atHigh),
        values.length);
  }

  /** First-order and total indices from n base points (n·(k + 2) variants), {@code bootstrap} resamples. */
  public static SobolResult sobol(Sweep sweep, SensitivityOutput output, int n, int bootstrap, int threads,
      SweepProgress progress) {
    return sobol(sweep, output, n, bootstrap, VariantEvaluator.here(threads, progress));
  }

  /** {@link #sobol(Sweep, SensitivityOutput, int, int, int, SweepProgress)} with its variants run by {@code evaluator}. */
  public static SobolResult sobol(Sweep sweep, SensitivityOutput output, int n, int bootstrap,
      VariantEvaluator evaluator) {
    int k = sweep.parameterColumns().size();
    if (k > SaltelliSample.MAX_PARAMETERS) {
      throw new IllegalArgumentException("Sobol indices need at most " + SaltelliSample.MAX_PARAMETERS
          + " parameters, the sweep has " + k + "; use --method morris");
    }
    checkVariants(SaltelliSample.evaluations(k, n), "--n " + n + " with " + k + " parameters");
    double[][] values = values(sweep, SaltelliSample.unitPoints(k, n));
    double[] y = run(sweep, values, "saltelli (n = " + n + ")", output, evaluator);
    requireDefined(y, output, "Sobol indices");
    double mean = 0;
    for (int j = 0; j < 2 * n; j++) {
      mean += y[j] / (2.0 * n);
    }
    double squares = 0;
    for (int j = 0; j < 2 * n; j++) {
      squares += (y[j] - mean) * (y[j] - mean);
    }
    List<SobolIndex> indices = SobolIndices.estimate(y, k, n, bootstrap, CONFIDENCE, sweep.seed());
    return new SobolResult(output, sweep.parameterColumns(), indices, n, bootstrap, CONFIDENCE, mean,
        squares / (2 * n - 1), values.length);
  }

  /** Elementary effects from r trajectories on a grid of {@code levels} values (r·(k + 1) variants). */
  public static MorrisResult morris(Sweep sweep, SensitivityOutput output, int trajectories, int levels, int threads,
      SweepProgress progress) {
    return morris(sweep, output, trajectories, levels, VariantEvaluator.here(threads, progress));
  }

  /** {@link #morris(Sweep, SensitivityOutput, int, int, int, SweepProgress)} with its variants run by {@code evaluator}. */
  public static MorrisResult morris(Sweep sweep, SensitivityOutput output, int trajectories, int levels,
      VariantEvaluator evaluator) {
    int k = sweep.parameterColumns().size();
    checkVariants(MorrisDesign.evaluations(k, trajectories), "--n " + trajectories + " with " + k + " parameters");
    double[][] points = MorrisDesign.unitPoints(k, trajectories, levels, sweep.seed());
    double[] y = run(sweep, values(sweep, points), String.format(Locale.ROOT, "morris (r = %d, p = %d)",
        trajectories, levels), output, evaluator);
    requireDefined(y, output, "elementary effects");
    return new MorrisResult(output, sweep.parameterColumns(), MorrisEffects.estimate(points, y, k, trajectories),
        trajectories, levels, points.length);
  }

  private static double[][] values(Sweep sweep, double[][] unitPoints) {
    double[][] values = new double[unitPoints.length][];
    for (int v = 0; v < values.length; v++) {
      values[v] = new double[unitPoints[v].length];
      for (int p = 0; p < values[v].length; p++) {
        values[v][p] = sweep.at(p, unitPoints[v][p]);
      }
    }
    return values;
  }

  private static double[] run(Sweep sweep, double[][] values, String label, SensitivityOutput output,
      VariantEvaluator evaluator) {
    List<SweepRow> rows = evaluator.rows(sweep, new GivenVariants(label, values));
    return output.byVariant(rows, sweep.cellCount());
  }

  private static void checkVariants(long variants, String what) {
    if (variants > Sweep.MAX_VARIANTS) {
      throw new IllegalArgumentException(what + " needs " + variants + " variants, more than " + Sweep.MAX_VARIANTS
          + "; use a smaller --n");
    }
  }

  private static void requireDefined(double[] y, SensitivityOutput output, String what) {
    int missing = 0;
    for (double value : y) {
      if (Double.isNaN(value)) {
        missing++;
      }
    }
    if (missing > 0) {
      throw new UndefinedOutputException(output.metric() + " of " + output.cell() + " is empty in " + missing + " of "
          + y.length + " variants (a censored quantile, or a cell without a target), and " + what + " need a value"
          + " in every variant; choose another --metric, e.g. a reached_by_month_M or expected_unmet_demand");
    }
  }
}
