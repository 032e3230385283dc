package org.quartermaster.engine.sensitivity;

import java.util.List;
import java.util.Optional;
import org.quartermaster.engine.scenario.Suggestions;
import org.quartermaster.engine.sweep.Sweep;

/**
 * The figure a sensitivity analysis explains: one metric column of a sweep for one of its kept cells.
 *
 * @param metric    the metric column, as in {@link Sweep#metricColumns()}
 * @param cell      {@code HOLDER/ITEM}, one of {@link Sweep#cellLabels()}
 * @param column    the metric's index in {@link Sweep#metricColumns()}
 * @param cellIndex the cell's index in {@link Sweep#cellLabels()}
 */
public record SensitivityOutput(String metric, String cell, int column, int cellIndex) {

  /**
   * The output a caller names; null picks the sweep's first metric column or first kept cell.
   *
   * @throws IllegalArgumentException naming the unknown metric or cell, the closest known one and every known one
   */
  public static SensitivityOutput of(Sweep sweep, String metric, String cell) {
    List<String> metrics = sweep.metricColumns();
    List<String> cells = sweep.cellLabels();
    String m = metric == null ? metrics.get(0) : metric;
    String c = cell == null ? cells.get(0) : cell;
    int column = metrics.indexOf(m);
    if (column < 0) {
      throw new IllegalArgumentException("--metric " + m + ": the sweep keeps no such metric" + closest(m, metrics)
          + "; its metric columns are " + String.join(", ", metrics) + " (add others under metrics: in the sweep file)");
    }
    int index = cells.indexOf(c);
    if (index < 0) {
      throw new IllegalArgumentException("--cell " + c + ": the sweep keeps no such cell" + closest(c, cells)
          + "; its cells are " + String.join(", ", cells));
    }
    return new SensitivityOutput(m, c, column, index);
  }

  /** The output of each variant, from a sweep's rows (variant order, then cell order). */
  double[] byVariant(List<org.quartermaster.engine.sweep.SweepRow> rows, int cellCount) {
    double[] out = new double[rows.size() / cellCount];
    for (int v = 0; v < out.length; v++) {
      out[v] = rows.get(v * cellCount + cellIndex).metrics()[column];
    }
    return out;
  }

  private static String closest(String word, List<String> known) {
    Optional<String> s = Suggestions.closest(word, known);
    return s.map(x -> "; did you mean '" + x + "'?").orElse("");
  }
}
