package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.quartermaster.engine.result.CellResult;
import org.quartermaster.engine.result.ClosingStock;
import org.quartermaster.engine.result.Mode;
import org.quartermaster.engine.result.MonthsToTarget;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.result.TransferResult;

/**
 * The readable summary of a simulation: one paragraph per cell, months turned into calendar dates
 * from the scenario's {@code start} (month t covers start + t; a stock reached after m months is
 * reached at the close of month m − 1).
 */
final class Summary {
  private final PrintWriter out;

  Summary(PrintWriter out) {
    this.out = out;
  }

  void print(SimulationResult result, double seconds) {
    int months = result.horizonMonths();
    String runs = result.mode() == Mode.DETERMINISTIC
        ? "deterministic (expected values, 1 run)"
        : String.format(Locale.ROOT, "stochastic, %,d runs, seed %d", result.runs(), result.seed().orElse(0));
    out.printf(Locale.ROOT, "%s%n", result.scenario().isEmpty() ? "(unnamed scenario)" : result.scenario());
    out.printf(Locale.ROOT, "SM-1, %s, %d months%s; %.2f s, %,.0f cell-steps/s%n", runs, months,
        result.start().map(s -> " (" + s + " to " + s.plusMonths(months - 1L) + ")").orElse(""),
        seconds, result.cellSteps() / Math.max(seconds, 1e-9));
    for (CellResult cell : result.cells()) {
      out.println();
      printCell(cell, result);
    }
    boolean anyShort = false;
    for (TransferResult transfer : result.transfers()) {
      if (transfer.expectedShortfall() > 0) {
        if (!anyShort) {
          out.println();
          out.println(result.mode() == Mode.DETERMINISTIC
              ? "Transfers that could not be made in full (quantity not moved):"
              : "Transfers that could not be made in full (expected quantity not moved):");
          anyShort = true;
        }
        out.printf(Locale.ROOT, "  %s %s -> %s %s in %s: %s of %s%n", transferLabel(transfer.index()), transfer.from(), transfer.to(),
            transfer.item(), monthLabel(result.start(), transfer.month()), amount(transfer.expectedShortfall()),
            amount(transfer.quantity()));
      }
    }
  }

  private void printCell(CellResult cell, SimulationResult result) {
    ClosingStock stock = cell.closingStock();
    int last = result.horizonMonths() - 1;
    out.printf(Locale.ROOT, "%s / %s%n", cell.holder(), cell.item());
    String atHorizon = result.mode() == Mode.DETERMINISTIC
        ? amount(stock.p50()[last])
        : "P50 " + amount(stock.p50()[last]) + " [P5 " + amount(stock.p5()[last]) + " - P95 "
            + amount(stock.p95()[last]) + "]";
    out.printf(Locale.ROOT, "  stock      %s now -> %s at the end of %s%n", amount(cell.initial()), atHorizon,
        monthLabel(result.start(), last));
    boolean deterministic = result.mode() == Mode.DETERMINISTIC;
    if (cell.monthsToTarget().isPresent() && deterministic) {
      MonthsToTarget months = cell.monthsToTarget().get();
      out.printf(Locale.ROOT, "  target     %s: %s%n", amount(cell.target().orElse(0)),
          reachedIn(months.p50(), result.start(), last));
    } else if (cell.monthsToTarget().isPresent()) {
      MonthsToTarget months = cell.monthsToTarget().get();
      out.printf(Locale.ROOT, "  target     %s: reached in %s of runs; months to target P50 %s, P90 %s%n",
          amount(cell.target().orElse(0)), percent(months.reachedProbability()),
          monthsLabel(months.p50(), result.start()), monthsLabel(months.p90(), result.start()));
    }
    if (deterministic) {
      out.printf(Locale.ROOT, "  shortfall  %s%n", cell.shortfall().expectedTotal() > 0
          ? "demand goes unmet in some month; unmet demand " + amount(cell.shortfall().expectedTotal())
          : "none: demand is met every month");
    } else {
      out.printf(Locale.ROOT, "  shortfall  %s of runs fall short at least once; expected unmet demand %s%n",
          percent(cell.shortfall().probabilityAny()), amount(cell.shortfall().expectedTotal()));
    }
  }

  /**
   * A transfer as the scenario file and every message name it: its position in the {@code transfers}
   * list, counted from 0 as in the validator's paths and the result's {@code index}.
   */
  static String transferLabel(int index) {
    return "transfers[" + index + "]";
  }

  /** A deterministic run's target: the month it is reached in, or that it is not. */
  private static String reachedIn(OptionalDouble months, Optional<YearMonth> start, int last) {
    if (months.isEmpty()) {
      return "not reached by the end of " + monthLabel(start, last);
    }
    double m = months.getAsDouble();
    if (m == 0) {
      return "reached already (at target at the start)";
    }
    String after = m == Math.rint(m) ? String.format(Locale.ROOT, "%.0f", m) : String.format(Locale.ROOT, "%.1f", m);
    return "reached in " + monthLabel(start, (int) Math.ceil(m) - 1) + " (after " + after + " months)";
  }

  private static String monthsLabel(OptionalDouble months, Optional<YearMonth> start) {
    if (months.isEmpty()) {
      return "not reached";
    }
    double m = months.getAsDouble();
    String count = m == Math.rint(m) ? String.format(Locale.ROOT, "%.0f", m) : String.format(Locale.ROOT, "%.1f", m);
    if (m == 0) {
      return "0 (already at target)";
    }
    return count + " (" + monthLabel(start, (int) Math.ceil(m) - 1) + ")";
  }

  private static String monthLabel(Optional<YearMonth> start, int month) {
    return start.map(s -> s.plusMonths(month).toString()).orElse("month " + month);
  }

  static String amount(double x) {
    double magnitude = Math.abs(x);
    if (magnitude >= 100 || x == Math.rint(x)) {
      return String.format(Locale.ROOT, "%,.0f", x);
    }
    return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", x);
  }

  private static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * p);
  }
}
