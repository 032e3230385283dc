package org.quartermaster.engine.optimise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Branch and bound against brute force: on seeded random option sets (costs, groups, a budget) with
 * a cheap deterministic objective that, like unmet demand, never gets worse when an option is added
 * and saturates (so ties are common), the search finds the same best and runner-up as scoring every
 * portfolio, and enumeration below the limit does too.
 */
class PortfolioSearchPropertyTest {
  private record Instance(PortfolioSpace space, double budget, double[][] supplyByOption, double[] demandByCell) {
    double score(long portfolio) {
      double unmet = 0;
      for (int c = 0; c < demandByCell.length; c++) {
        double supply = 0;
        for (int k = 0; k < supplyByOption.length; k++) {
          if ((portfolio >>> k & 1) != 0) {
            supply += supplyByOption[k][c];
          }
        }
        unmet += Math.max(0, demandByCell[c] - supply);
      }
      return unmet;
    }
  }

  private static Instance instance(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int options = 1 + random.nextInt(11);
    int cells = 1 + random.nextInt(3);
    double[] cost = new double[options];
    int[] group = new int[options];
    double[][] supply = new double[options][cells];
    for (int k = 0; k < options; k++) {
      cost[k] = 10 * (1 + random.nextInt(10)); // whole tens: equal costs happen, so ties on cost are tested
      group[k] = random.nextInt(Math.max(1, options - random.nextInt(options)));
      for (int c = 0; c < cells; c++) {
        supply[k][c] = random.nextInt(4) * 5.0;
      }
    }
    double[] demand = new double[cells];
    for (int c = 0; c < cells; c++) {
      demand[c] = 5.0 * random.nextInt(12);
    }
    double total = 0;
    for (double c : cost) {
      total += c;
    }
    return new Instance(new PortfolioSpace(cost, group), Math.floor(total * random.nextDouble()), supply, demand);
  }

  /** Every feasible portfolio, found without PortfolioSpace's enumeration, best first. */
  private static List<PortfolioSearch.Ranked> bruteForce(Instance instance) {
    List<PortfolioSearch.Ranked> out = new ArrayList<>();
    int n = instance.space().optionCount();
    for (long portfolio = 0; portfolio < 1L << n; portfolio++) {
      double cost = 0;
      boolean ok = true;
      for (int a = 0; a < n; a++) {
        if ((portfolio >>> a & 1) == 0) {
          continue;
        }
        cost += instance.space().optionCost(a);
        for (int b = 0; b < a; b++) {
          ok &= (portfolio >>> b & 1) == 0 || instance.space().group(a) != instance.space().group(b);
        }
      }
      if (ok && cost <= instance.budget()) {
        out.add(new PortfolioSearch.Ranked(portfolio, instance.score(portfolio), instance.space().cost(portfolio)));
      }
    }
    out.sort(PortfolioSearch.ORDER);
    return out;
  }

  @Test
  void branchAndBound_andEnumeration_matchBruteForce_on500SeededInstances() {
    int pruned = 0;
    for (long seed = 1; seed <= 500; seed++) {
      Instance instance = instance(seed);
      List<PortfolioSearch.Ranked> oracle = bruteForce(instance);
      List<Long> scored = new ArrayList<>();
      PortfolioSearch.Scores scores = portfolio -> {
        scored.add(portfolio);
        return instance.score(portfolio);
      };
      PortfolioSearch.Outcome searched = PortfolioSearch.search(instance.space(), scores, instance.budget(), 0);
      PortfolioSearch.Outcome enumerated =
          PortfolioSearch.search(instance.space(), instance::score, instance.budget(), 1 << 12);

      assertThat(searched.enumerated()).isFalse();
      assertThat(enumerated.enumerated()).isTrue();
      assertThat(searched.best()).as("seed %d", seed).isEqualTo(oracle.get(0));
      assertThat(enumerated.best()).as("seed %d", seed).isEqualTo(oracle.get(0));
      PortfolioSearch.Ranked second = oracle.size() > 1 ? oracle.get(1) : null;
      assertThat(searched.runnerUp()).as("seed %d", seed).isEqualTo(second);
      assertThat(enumerated.runnerUp()).as("seed %d", seed).isEqualTo(second);
      if (scored.stream().distinct().count() < oracle.size()) {
        pruned++;
      }
    }
    assertThat(pruned).as("instances where the bound skipped portfolios").isGreaterThan(100);
  }

  @Test
  void feasible_respectsBudgetAndGroups_andStopsPastTheLimit() {
    PortfolioSpace space = new PortfolioSpace(new double[] {10, 20, 30}, new int[] {0, 0, 1});
    assertThat(space.feasible(40, 100)).containsExactlyInAnyOrder(0L, 1L, 2L, 4L, 5L);
    assertThat(space.feasible(40, 4)).isNull();
    assertThat(space.feasible(0, 1)).containsExactly(0L);
  }
}
