package org.quartermaster.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The most stock a scenario can ever hold: its initial stocks plus, for every production line, the
 * horizon times the larger of its two capacities. SM-1 computes in float64, which holds every whole
 * number up to 2^53 exactly; above that a closing stock loses whole units, and far above it sums
 * overflow to infinity and results turn into NaN. The validator keeps every quantity, and this
 * bound on their total, within 2^53 so that every number the engine produces stays finite and exact
 * to the unit. Transfers only move stock, so they add nothing to the bound.
 */
final class StockCeiling {
  /** 2^53 = 9,007,199,254,740,992: the largest range of whole numbers a float64 holds exactly. */
  static final double MAX_UNITS = 0x1.0p53;
  static final String MAX_UNITS_TEXT = "9,007,199,254,740,992 (2^53)";

  private record Contribution(MappingReader entry, String key, double amount, boolean perMonth) {}

  private final List<Contribution> contributions = new ArrayList<>();

  /** A stock's initial level. */
  void initial(MappingReader stock, String key, double units) {
    contributions.add(new Contribution(stock, key, units, false));
  }

  /** A line's larger capacity, produced at most every month of the horizon. */
  void capacity(MappingReader line, String key, double perMonth) {
    contributions.add(new Contribution(line, key, perMonth, true));
  }

  /**
   * Reports the total above {@link #MAX_UNITS} at its largest contribution, saying what to lower;
   * nothing when the horizon is unknown (its own problem is reported).
   */
  void check(Integer horizonMonths) {
    if (horizonMonths == null || contributions.isEmpty()) {
      return;
    }
    double total = 0;
    Contribution largest = contributions.get(0);
    for (Contribution c : contributions) {
      double units = units(c, horizonMonths);
      total += units;
      if (units > units(largest, horizonMonths)) {
        largest = c;
      }
    }
    if (total > MAX_UNITS) {
      largest.entry().problem(largest.key(), String.format(Locale.ROOT,
          "the scenario's stocks could reach %.4g units (initial stocks plus horizon_months × each line's larger"
              + " capacity), more than %s, beyond which the engine's float64 arithmetic loses whole units;"
              + " lower this value%s, or count in a larger unit (e.g. thousands)",
          total, MAX_UNITS_TEXT, largest.perMonth() ? " or horizon_months" : ""));
    }
  }

  private static double units(Contribution c, int horizonMonths) {
    return c.perMonth() ? c.amount() * horizonMonths : c.amount();
  }

  /** Reports a single quantity above {@link #MAX_UNITS}; returns whether it is within. */
  static boolean within(MappingReader entry, String key, Double value) {
    if (value == null || value <= MAX_UNITS) {
      return true;
    }
    entry.problem(key, "must be at most " + MAX_UNITS_TEXT + ": beyond that the engine's float64 arithmetic"
        + " loses whole units; count in a larger unit (e.g. thousands)");
    return false;
  }
}
