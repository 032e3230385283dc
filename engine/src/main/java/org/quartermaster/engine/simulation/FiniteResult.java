package org.quartermaster.engine.simulation;

import java.util.OptionalDouble;
import org.quartermaster.engine.result.CellResult;
import org.quartermaster.engine.result.ClosingStock;
import org.quartermaster.engine.result.LineResult;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.result.TransferResult;

/**
 * The last check before a result leaves the engine: every number in it is finite. The validator
 * bounds every quantity (see {@code StockCeiling}), so a NaN or an infinity here is a bug, and it
 * is refused rather than printed or written. Always on: it reads each number of the result once,
 * nothing next to the simulation that produced them.
 */
final class FiniteResult {
  private FiniteResult() {}

  /** @throws InvariantViolationException naming the first number that is not finite */
  static SimulationResult require(SimulationResult result) {
    for (CellResult cell : result.cells()) {
      String where = "cell (" + cell.holder() + ", " + cell.item() + ") ";
      ClosingStock stock = cell.closingStock();
      series(where + "closing_stock.mean", stock.mean());
      series(where + "closing_stock.std", stock.std());
      series(where + "closing_stock.p5", stock.p5());
      series(where + "closing_stock.p50", stock.p50());
      series(where + "closing_stock.p95", stock.p95());
      if (cell.monthsToTarget().isPresent()) {
        var months = cell.monthsToTarget().get();
        number(where + "months_to_target.reached_probability", months.reachedProbability());
        optional(where + "months_to_target.p50", months.p50());
        optional(where + "months_to_target.p90", months.p90());
        series(where + "months_to_target.reached_by_month", months.reachedByMonth());
      }
      number(where + "shortfall.expected_total", cell.shortfall().expectedTotal());
      number(where + "shortfall.std_total", cell.shortfall().stdTotal());
      number(where + "shortfall.probability_any", cell.shortfall().probabilityAny());
    }
    for (LineResult line : result.lines()) {
      number("line " + line.id() + " expected_delivered_total", line.expectedDeliveredTotal());
      number("line " + line.id() + " std_delivered_total", line.stdDeliveredTotal());
    }
    for (TransferResult transfer : result.transfers()) {
      number("transfer " + transfer.index() + " expected_shortfall", transfer.expectedShortfall());
      number("transfer " + transfer.index() + " std_shortfall", transfer.stdShortfall());
    }
    return result;
  }

  private static void series(String name, double[] values) {
    for (int t = 0; t < values.length; t++) {
      if (!Double.isFinite(values[t])) {
        fail(name + "[" + t + "]", values[t]);
      }
    }
  }

  private static void optional(String name, OptionalDouble value) {
    if (value.isPresent()) {
      number(name, value.getAsDouble());
    }
  }

  private static void number(String name, double value) {
    if (!Double.isFinite(value)) {
      fail(name, value);
    }
  }

  private static void fail(String name, double value) {
    throw new InvariantViolationException("SM-1 produced a number that is not finite: " + name + " = " + value
        + "; every quantity of the scenario is within the validator's bounds, so this is a bug: please report it"
        + " with the scenario");
  }
}
