package org.quartermaster.engine.sweep;

import java.util.List;

/**
 * Runs the variants an analysis builds from a sweep file (a sensitivity method's design): here, with
 * {@link SweepRunner} ({@link #here}), or elsewhere, e.g. on a Spark cluster. Either way the rows are those
 * of {@link SweepRunner} for {@code variants.applyTo(sweep)}, since a variant's rows depend only on the
 * sweep file and the variant.
 */
@FunctionalInterface
public interface VariantEvaluator {
  /**
   * The rows of every variant × kept cell, in variant order, then cell order.
   *
   * @throws org.quartermaster.engine.scenario.InvalidScenarioException naming the sweep file when a
   *         variant's combination is invalid
   */
  List<SweepRow> rows(Sweep sweep, GivenVariants variants);

  /** On this machine, with {@code threads} worker threads. */
  static VariantEvaluator here(int threads, SweepProgress progress) {
    return (sweep, variants) -> SweepRunner.run(variants.applyTo(sweep), threads, progress);
  }
}
