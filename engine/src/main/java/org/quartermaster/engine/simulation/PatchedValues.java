package org.quartermaster.engine.simulation;

import java.util.List;
import org.quartermaster.engine.simulation.ScenarioPatch.DemandRate;
import org.quartermaster.engine.simulation.ScenarioPatch.InitialStock;
import org.quartermaster.engine.simulation.ScenarioPatch.LineValue;
import org.quartermaster.engine.simulation.ScenarioPatch.Target;
import org.quartermaster.engine.simulation.ScenarioPatch.TransferQuantity;

/**
 * The arrays of a {@link CompiledScenario} that patches may change, copied from a base and then
 * patched; only the copies are written, so the base stays shared and immutable.
 */
final class PatchedValues {
  final double[] initialByCell;
  final double[] targetByCell;
  final double[] demandByCellMonth;
  final double[] basePerMonth;
  final double[] surgePerMonth;
  final double[] rampStartMonth;
  final double[] rampMonths;
  final double[] delayMin;
  final double[] delayMode;
  final double[] delayMax;
  final double[] disruptionProbability;
  final double[] disruptionCut;
  /** In the compiled scenario's slot order (transfers grouped by month), not declaration order. */
  final double[] transferQuantity;
  private final CompiledScenario base;

  private PatchedValues(CompiledScenario base) {
    this.base = base;
    initialByCell = base.initialByCell.clone();
    targetByCell = base.targetByCell.clone();
    demandByCellMonth = base.demandByCellMonth.clone();
    basePerMonth = base.basePerMonth.clone();
    surgePerMonth = base.surgePerMonth.clone();
    rampStartMonth = base.rampStartMonth.clone();
    rampMonths = base.rampMonths.clone();
    delayMin = base.delayMin.clone();
    delayMode = base.delayMode.clone();
    delayMax = base.delayMax.clone();
    disruptionProbability = base.disruptionProbability.clone();
    disruptionCut = base.disruptionCut.clone();
    transferQuantity = base.transferQuantity.clone();
  }

  /** The base with every patch applied, in order (a later patch of the same value wins). */
  static CompiledScenario apply(CompiledScenario base, List<ScenarioPatch> patches) {
    if (patches.isEmpty()) {
      return base;
    }
    PatchedValues values = new PatchedValues(base);
    for (ScenarioPatch patch : patches) {
      values.set(patch);
    }
    return new CompiledScenario(base, values);
  }

  private void set(ScenarioPatch patch) {
    switch (patch) {
      case LineValue p -> lineArray(p.field())[index(p.line(), base.lineCount, "line")] = p.value();
      case InitialStock p -> initialByCell[index(p.cell(), base.cellCount, "cell")] = p.units();
      case Target p -> {
        int c = index(p.cell(), base.cellCount, "cell");
        if (!base.hasTarget(c)) {
          throw new IllegalArgumentException("cell " + base.cells.get(c) + " has no target to patch");
        }
        targetByCell[c] = p.units();
      }
      case DemandRate p -> {
        int c = index(p.cell(), base.cellCount, "cell");
        if (p.fromMonth() < 0 || p.toMonth() > base.months || p.fromMonth() > p.toMonth()) {
          throw new IllegalArgumentException("demand months " + p.fromMonth() + ".." + p.toMonth() + " outside 0.."
              + base.months);
        }
        java.util.Arrays.fill(demandByCellMonth, c * base.months + p.fromMonth(), c * base.months + p.toMonth(),
            p.perMonth());
      }
      case TransferQuantity p -> {
        int j = index(p.transfer(), base.transferCount, "transfer");
        for (int slot = 0; slot < base.transferCount; slot++) {
          if (base.transferIndex[slot] == j) {
            transferQuantity[slot] = p.units();
          }
        }
      }
    }
  }

  private double[] lineArray(ScenarioPatch.LineField field) {
    return switch (field) {
      case BASE_PER_MONTH -> basePerMonth;
      case SURGE_PER_MONTH -> surgePerMonth;
      case RAMP_START_MONTH -> rampStartMonth;
      case RAMP_MONTHS -> rampMonths;
      case DELAY_MIN -> delayMin;
      case DELAY_MODE -> delayMode;
      case DELAY_MAX -> delayMax;
      case DISRUPTION_PROBABILITY -> disruptionProbability;
      case DISRUPTION_CUT -> disruptionCut;
    };
  }

  private static int index(int index, int count, String what) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException(what + " index " + index + " outside 0.." + (count - 1));
    }
    return index;
  }
}
