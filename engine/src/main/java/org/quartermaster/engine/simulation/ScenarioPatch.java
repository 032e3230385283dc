package org.quartermaster.engine.simulation;

/**
 * One value of a compiled scenario that a sweep variant replaces, addressed by dense index: lines and
 * transfers in declaration order, cells in {@code Scenario.cells()} order. The caller validates the
 * values (a patched scenario must still satisfy MODEL.md "Validation"); {@link VariantSimulator}
 * only checks that indices exist.
 */
public sealed interface ScenarioPatch {

  /** A numeric field of a production line. */
  record LineValue(int line, LineField field, double value) implements ScenarioPatch {}

  /** A cell's initial stock S0. */
  record InitialStock(int cell, double units) implements ScenarioPatch {}

  /** A cell's target G; the cell must already have one. */
  record Target(int cell, double units) implements ScenarioPatch {}

  /** The demand rate λ of a cell for months {@code fromMonth} … {@code toMonth − 1} (one demand segment). */
  record DemandRate(int cell, int fromMonth, int toMonth, double perMonth) implements ScenarioPatch {}

  /** The quantity of the transfer with this declaration index. */
  record TransferQuantity(int transfer, double units) implements ScenarioPatch {}

  /** The numeric fields of a production line that a patch can set. */
  enum LineField {
    BASE_PER_MONTH, SURGE_PER_MONTH, RAMP_START_MONTH, RAMP_MONTHS,
    DELAY_MIN, DELAY_MODE, DELAY_MAX, DISRUPTION_PROBABILITY, DISRUPTION_CUT
  }
}
