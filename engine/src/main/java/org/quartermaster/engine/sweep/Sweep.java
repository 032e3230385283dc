package org.quartermaster.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import org.quartermaster.engine.model.Scenario;

/**
 * A validated sweep file (docs/analysis.md): a base scenario, the parameters and the values each
 * variant gives them, runs per variant, the seed shared by every variant, and the metrics kept per
 * variant and cell. Built by {@link SweepReader}; run by {@link SweepRunner}. Immutable.
 */
public final class Sweep {
  private final String source;
  private final Scenario base;
  private final String baseLabel;
  private final List<SweepParameter> parameters;
  private final Design design;
  /** [variant][parameter], integer fields already rounded. */
  private final double[][] valuesByVariant;
  private final int runs;
  private final long seed;
  private final List<SweepMetric> metrics;
  /** Indices into {@code base.cells()} of the cells kept, in that order. */
  private final int[] cells;

  Sweep(String source, Scenario base, String baseLabel, List<SweepParameter> parameters, Design design,
      double[][] valuesByVariant, int runs, long seed, List<SweepMetric> metrics, int[] cells) {
    this.source = source;
    this.base = base;
    this.baseLabel = baseLabel;
    this.parameters = List.copyOf(parameters);
    this.design = design;
    this.valuesByVariant = valuesByVariant;
    this.runs = runs;
    this.seed = seed;
    this.metrics = List.copyOf(metrics);
    this.cells = cells;
  }

  /** The sweep file's name or other label. */
  public String source() {
    return source;
  }

  public Scenario base() {
    return base;
  }

  /** Where the base came from: its file, or {@code saved: ID}. */
  public String baseLabel() {
    return baseLabel;
  }

  public int variantCount() {
    return valuesByVariant.length;
  }

  public int runs() {
    return runs;
  }

  public long seed() {
    return seed;
  }

  public String designLabel() {
    return design.label();
  }

  /** The parameters' paths as written, in order: the parameter columns of the results. */
  public List<String> parameterColumns() {
    return parameters.stream().map(SweepParameter::path).toList();
  }

  /** The metric columns of the results, in order. */
  public List<String> metricColumns() {
    List<String> columns = new ArrayList<>();
    for (SweepMetric metric : metrics) {
      columns.addAll(metric.columns());
    }
    return columns;
  }

  /** The value parameter {@code p} takes in variant {@code v}. */
  public double value(int v, int p) {
    return valuesByVariant[v][p];
  }

  public int cellCount() {
    return cells.length;
  }

  List<SweepParameter> parameters() {
    return parameters;
  }

  List<SweepMetric> metrics() {
    return metrics;
  }

  int[] cells() {
    return cells;
  }

  double[] values(int v) {
    return valuesByVariant[v];
  }
}
