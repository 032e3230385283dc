package org.quartermaster.engine.optimise;

import java.util.ArrayList;
import java.util.List;

/**
 * The options' costs and groups, and which portfolios are feasible: cost within the budget, at most
 * one option per group. A portfolio is a bit set of option indices in a {@code long}.
 */
final class PortfolioSpace {
  private final double[] costByOption;
  private final int[] groupByOption;

  PortfolioSpace(double[] costByOption, int[] groupByOption) {
    this.costByOption = costByOption.clone();
    this.groupByOption = groupByOption.clone();
  }

  static PortfolioSpace of(List<InvestmentOption> options) {
    double[] cost = new double[options.size()];
    int[] group = new int[options.size()];
    List<String> groups = new ArrayList<>();
    for (int k = 0; k < options.size(); k++) {
      cost[k] = options.get(k).cost();
      String name = options.get(k).group();
      if (!groups.contains(name)) {
        groups.add(name);
      }
      group[k] = groups.indexOf(name);
    }
    return new PortfolioSpace(cost, group);
  }

  int optionCount() {
    return costByOption.length;
  }

  double cost(long portfolio) {
    double sum = 0;
    for (int k = 0; k < costByOption.length; k++) {
      if ((portfolio >>> k & 1) != 0) {
        sum += costByOption[k];
      }
    }
    return sum;
  }

  double optionCost(int option) {
    return costByOption[option];
  }

  int group(int option) {
    return groupByOption[option];
  }

  /** Every feasible portfolio within {@code budget}, or null when there are more than {@code limit}. */
  List<Long> feasible(double budget, int limit) {
    List<Long> out = new ArrayList<>();
    return collect(0, 0L, 0.0, budget, limit, out) ? out : null;
  }

  private boolean collect(int option, long portfolio, double cost, double budget, int limit, List<Long> out) {
    if (option == costByOption.length) {
      out.add(portfolio);
      return out.size() <= limit;
    }
    if (!collect(option + 1, portfolio, cost, budget, limit, out)) {
      return false;
    }
    if (compatible(portfolio, option) && cost + costByOption[option] <= budget) {
      return collect(option + 1, portfolio | 1L << option, cost + costByOption[option], budget, limit, out);
    }
    return true;
  }

  /** Whether {@code option} can join {@code portfolio}: no option of its group is in it. */
  boolean compatible(long portfolio, int option) {
    for (int k = 0; k < costByOption.length; k++) {
      if ((portfolio >>> k & 1) != 0 && groupByOption[k] == groupByOption[option]) {
        return false;
      }
    }
    return true;
  }
}
