package org.quartermaster.engine.result;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything an SM-1 simulation reports (MODEL.md "Results"); {@link ResultJson} writes it as result
 * format v1. Cells are in MODEL.md's cell order, lines and transfers in the scenario's order.
 *
 * @param runs  number of runs (1 in deterministic mode)
 * @param seed  the base seed (empty in deterministic mode when none was given)
 * @param start calendar month of t = 0, for labels
 */
public record SimulationResult(
    String scenario,
    Mode mode,
    long runs,
    OptionalLong seed,
    int horizonMonths,
    Optional<YearMonth> start,
    List<CellResult> cells,
    List<LineResult> lines,
    List<TransferResult> transfers) {
  public static final String MODEL = "SM-1";

  public SimulationResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(mode, "mode");
    cells = List.copyOf(cells);
    lines = List.copyOf(lines);
    transfers = List.copyOf(transfers);
  }

  /** Runs × months × cells: the unit of work used to quote speed. */
  public long cellSteps() {
    return runs * horizonMonths * cells.size();
  }
}
