package org.quartermaster.engine.optimise;

import java.util.Comparator;
import java.util.List;

/**
 * Finds the best and the runner-up feasible portfolio within a budget. Portfolios rank by score
 * (lower is better), then cost (lower), then bit set (lower), so every method gives the same answer.
 *
 * <p>While there are at most {@code limit} feasible portfolios, every one is scored (exact). Beyond
 * that, a depth-first branch and bound over the options in file order, choosing each option or not:
 * the bound of a node is the score of the portfolio that also takes every remaining option that fits
 * the budget and the groups on its own (a relaxation: it may break both). When adding an option
 * never makes the score worse, as with options that only add supply, no portfolio below the node
 * scores better than that bound, so a node whose bound cannot beat the runner-up found so far is
 * skipped and the result equals enumeration's; the property test checks this against enumeration.
 * With common random numbers this holds run by run, so the simulated scores keep the order too.
 */
final class PortfolioSearch {
  /** A portfolio's score, lower is better; the caller caches and may score a list ahead in parallel. */
  interface Scores {
    double score(long portfolio);

    default void prefetch(List<Long> portfolios) {}
  }

  record Ranked(long portfolio, double score, double cost) {}

  /** @param runnerUp null when only one portfolio is feasible */
  record Outcome(Ranked best, Ranked runnerUp, boolean enumerated) {}

  static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::score)
      .thenComparingDouble(Ranked::cost).thenComparingLong(Ranked::portfolio);

  private final PortfolioSpace space;
  private final Scores scores;
  private Ranked best;
  private Ranked second;

  private PortfolioSearch(PortfolioSpace space, Scores scores) {
    this.space = space;
    this.scores = scores;
  }

  static Outcome search(PortfolioSpace space, Scores scores, double budget, int limit) {
    PortfolioSearch search = new PortfolioSearch(space, scores);
    List<Long> feasible = space.feasible(budget, limit);
    if (feasible != null) {
      scores.prefetch(feasible);
      for (long portfolio : feasible) {
        search.offer(portfolio);
      }
      return new Outcome(search.best, search.second, true);
    }
    search.branch(0, 0L, 0.0, budget);
    return new Outcome(search.best, search.second, false);
  }

  private void branch(int option, long portfolio, double cost, double budget) {
    long open = portfolio;
    for (int k = option; k < space.optionCount(); k++) {
      if (space.compatible(portfolio, k) && cost + space.optionCost(k) <= budget) {
        open |= 1L << k;
      }
    }
    if (open == portfolio) {
      offer(portfolio);
      return;
    }
    if (second != null) {
      double bound = scores.score(open);
      if (bound > second.score() || bound == second.score() && cost > second.cost()) {
        return;
      }
    }
    while ((open >>> option & 1) == 0) {
      option++; // options that cannot join change nothing below this node
    }
    branch(option + 1, portfolio | 1L << option, cost + space.optionCost(option), budget);
    branch(option + 1, portfolio, cost, budget);
  }

  private void offer(long portfolio) {
    Ranked ranked = new Ranked(portfolio, scores.score(portfolio), space.cost(portfolio));
    if (best == null || ORDER.compare(ranked, best) < 0) {
      second = best;
      best = ranked;
    } else if (second == null || ORDER.compare(ranked, second) < 0) {
      second = ranked;
    }
  }
}
