package org.quartermaster.engine.optimise;

import java.util.List;
import org.quartermaster.engine.model.Scenario;

/**
 * A validated optimisation file (docs/analysis.md "Optimisation"), built by {@link OptimisationReader}
 * and run by {@link Optimiser}. Immutable.
 *
 * @param source           the file's name, for messages and reports
 * @param baseLabel        where the base scenario came from: its file, or {@code saved scenario ID}
 * @param scenario         the base scenario with every option's lines, holders, stocks and transfers
 *                         added (switched off per portfolio by {@link InvestmentOption#offPatches})
 * @param budget           the most a portfolio may cost, in {@code currency}
 * @param currency         ISO 4217 code of the budget and of every cost
 * @param options          at most 63, in file order
 * @param objective        what is improved
 * @param runs             runs per portfolio, all batches together (1 in deterministic mode)
 * @param batches          batches the runs are split into for the paired interval (1 in deterministic mode)
 * @param seed             run i of batch b of every portfolio uses the stream of (seed + b, i)
 * @param deterministic    whether portfolios run in MODEL.md's deterministic mode
 * @param enumerationLimit portfolios are all evaluated while there are at most this many feasible ones
 * @param frontierSteps    the frontier reports budget levels budget × k / steps, k = 0 … steps
 */
public record Optimisation(String source, String baseLabel, Scenario scenario, double budget, String currency,
    List<InvestmentOption> options, Objective objective, int runs, int batches, long seed, boolean deterministic,
    int enumerationLimit, int frontierSteps) {
  /** Options are bits of a {@code long}. */
  public static final int MAX_OPTIONS = 63;

  public Optimisation {
    options = List.copyOf(options);
    if (options.size() > MAX_OPTIONS) {
      throw new IllegalArgumentException("at most " + MAX_OPTIONS + " options, got " + options.size());
    }
  }

  public int runsPerBatch() {
    return runs / batches;
  }
}
