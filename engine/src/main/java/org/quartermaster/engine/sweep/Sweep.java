package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;

/**
 * A validated sweep file (docs/analysis.md): a base scenario, the parameters and the values each
 * variant gives them, runs per variant, the seed shared by every variant, and the metrics kept per
 * variant and cell. Built by {@link SweepReader} (or with other variants by {@link #withVariants}); run by
 * {@link SweepRunner}. Immutable.
 */
public final class Sweep {
  /** Most variants a sweep may have, whatever its design. */
  public static final int MAX_VARIANTS = Design.MAX_VARIANTS;

  private final String source;
  private final Scenario base;
  /** The base's parsed file, against which other variants are checked ({@link #withVariants}). */
  private final JsonNode baseTree;
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

  Sweep(String source, Scenario base, JsonNode baseTree, String baseLabel, List<SweepParameter> parameters, Design design,
      double[][] valuesByVariant, int runs, long seed, List<SweepMetric> metrics, int[] cells) {
    this.source = source;
    this.base = base;
    this.baseTree = baseTree;
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

  /** The kept cells as {@code HOLDER/ITEM}, in result order. */
  public List<String> cellLabels() {
    List<String> labels = new ArrayList<>();
    for (int c : cells) {
      Cell cell = base.cells().get(c);
      labels.add(cell.holder() + "/" + cell.item());
    }
    return labels;
  }

  /** The lowest value parameter {@code p} takes: a range's low, a distribution's min, the smallest listed value. */
  public double low(int p) {
    return parameters.get(p).applied(parameters.get(p).levels().extremes().stream().mapToDouble(x -> x).min()
        .orElseThrow());
  }

  /** The highest value parameter {@code p} takes: a range's high, a distribution's max, the largest listed value. */
  public double high(int p) {
    return parameters.get(p).applied(parameters.get(p).levels().extremes().stream().mapToDouble(x -> x).max()
        .orElseThrow());
  }

  /** The value parameter {@code p} takes at u ∈ [0, 1] of its distribution, as the sampled designs map it. */
  public double at(int p, double u) {
    return parameters.get(p).applied(parameters.get(p).levels().at(u));
  }

  /**
   * This sweep with other variants (for sensitivity analyses, whose designs are their own).
   *
   * @param valuesByVariant [variant][parameter]; NaN leaves that value as it is in the base scenario
   * @param designLabel     how the design reads in a summary
   * @throws InvalidScenarioException naming this sweep file when a variant's combination is invalid
   */
  public Sweep withVariants(double[][] valuesByVariant, String designLabel) {
    double[][] values = new double[valuesByVariant.length][];
    for (int v = 0; v < values.length; v++) {
      values[v] = new double[parameters.size()];
      for (int p = 0; p < parameters.size(); p++) {
        values[v][p] = parameters.get(p).applied(valuesByVariant[v][p]);
      }
    }
    List<Problem> problems = new ArrayList<>();
    new VariantChecks(baseTree, baseLabel, problems).checkVariants(parameters, values);
    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(source, problems);
    }
    return new Sweep(source, base, baseTree, baseLabel, parameters, new Design.Given(designLabel), values, runs, seed,
        metrics, cells);
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
