package org.quartermaster.app.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.quartermaster.engine.sensitivity.ElementaryEffects;
import org.quartermaster.engine.sensitivity.MorrisResult;
import org.quartermaster.engine.sensitivity.SensitivityResult;
import org.quartermaster.engine.sensitivity.SobolIndex;
import org.quartermaster.engine.sensitivity.SobolResult;
import org.quartermaster.engine.sensitivity.TornadoBar;
import org.quartermaster.engine.sensitivity.TornadoResult;
import org.quartermaster.engine.sweep.Sweep;

/**
 * A sensitivity result as a ranked table (most influential parameter first), CSV (the same rows) or
 * JSON (the rows and what they are: sweep, metric, cell, unit, runs, seed). A missing value is
 * {@code -} in the table, empty in CSV, null in JSON.
 */
public final class SensitivityReport {
  public enum Format { TABLE, CSV, JSON }

  private final Sweep sweep;
  private final SensitivityResult result;

  public SensitivityReport(Sweep sweep, SensitivityResult result) {
    this.sweep = sweep;
    this.result = result;
  }

  public String render(Format format) {
    List<String> header = header();
    List<List<Double>> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    rows(names, rows);
    return switch (format) {
      case TABLE -> table(header, names, rows);
      case CSV -> csv(header, names, rows);
      case JSON -> json(header, names, rows);
    };
  }

  /** The metric's unit (MODEL.md "Results"), for the cell's item. */
  public static String unit(String metric, String cell) {
    String item = cell.substring(cell.indexOf('/') + 1);
    if (metric.startsWith("months_to_target")) {
      return "months from the scenario's start";
    }
    if (metric.startsWith("reached_by_month") || metric.equals("shortfall_probability")) {
      return "share of runs";
    }
    if (metric.equals("expected_unmet_demand")) {
      return item + " units over the horizon";
    }
    return item + " units";
  }

  private String method() {
    return switch (result) {
      case TornadoResult t -> "tornado";
      case SobolResult s -> "sobol";
      case MorrisResult m -> "morris";
    };
  }

  private List<String> header() {
    return switch (result) {
      case TornadoResult t -> List.of("low", "high", "metric_at_low", "metric_at_high", "swing");
      case SobolResult s -> List.of("s1", "s1_low", "s1_high", "st", "st_low", "st_high");
      case MorrisResult m -> List.of("mu_star", "mu", "sigma");
    };
  }

  /** Parameter names and their figures, in rank order. */
  private void rows(List<String> names, List<List<Double>> rows) {
    switch (result) {
      case TornadoResult t -> {
        for (TornadoBar b : t.bars()) {
          names.add(t.parameters().get(b.parameter()));
          rows.add(List.of(b.lowValue(), b.highValue(), b.outputAtLow(), b.outputAtHigh(), b.swing()));
        }
      }
      case SobolResult s -> {
        for (int p : ranked(s.parameters().size(), p -> s.indices().get(p).total())) {
          SobolIndex i = s.indices().get(p);
          names.add(s.parameters().get(p));
          rows.add(List.of(i.firstOrder(), i.firstOrderLow(), i.firstOrderHigh(), i.total(), i.totalLow(),
              i.totalHigh()));
        }
      }
      case MorrisResult m -> {
        for (int p : ranked(m.parameters().size(), p -> m.effects().get(p).muStar())) {
          ElementaryEffects e = m.effects().get(p);
          names.add(m.parameters().get(p));
          rows.add(List.of(e.muStar(), e.mu(), e.sigma()));
        }
      }
    }
  }

  /** Parameter indices by descending key; NaN last, ties in file order. */
  private static List<Integer> ranked(int count, java.util.function.IntToDoubleFunction key) {
    List<Integer> order = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      order.add(p);
    }
    order.sort(Comparator.comparingDouble((Integer p) -> Double.isNaN(key.applyAsDouble(p)) ? Double.NEGATIVE_INFINITY
        : key.applyAsDouble(p)).reversed());
    return order;
  }

  private String title() {
    String unit = unit(result.output().metric(), result.output().cell());
    String what = switch (result) {
      case TornadoResult t -> "Tornado";
      case SobolResult s -> "Sobol indices";
      case MorrisResult m -> "Morris elementary effects";
    };
    return what + " of " + result.output().metric() + " (" + unit + ") for " + result.output().cell() + "\n"
        + sweep.source() + " (base " + sweep.baseLabel() + "): " + result.variants() + " variants x " + sweep.runs()
        + " runs, seed " + sweep.seed() + ", common random numbers\n";
  }

  private String table(List<String> header, List<String> names, List<List<Double>> rows) {
    StringBuilder out = new StringBuilder(title());
    String unit = unit(result.output().metric(), result.output().cell());
    List<String> columns = switch (result) {
      case TornadoResult t -> List.of("low", "high", "at low", "at high", "swing");
      case SobolResult s -> List.of("S1", "S1 low", "S1 high", "ST", "ST low", "ST high");
      case MorrisResult m -> List.of("mu*", "mu", "sigma");
    };
    switch (result) {
      case TornadoResult t -> out.append("base (every parameter as in the base scenario): ")
          .append(number(t.baseOutput())).append('\n');
      case SobolResult s -> out.append(String.format(Locale.ROOT, "n = %d base points, %d bootstrap resamples,"
          + " %.0f%% intervals; over the A and B points the metric has mean %s and standard deviation %s%n",
          s.n(), s.bootstrap(), s.confidence() * 100, number(s.mean()), number(Math.sqrt(s.variance()))));
      case MorrisResult m -> out.append("r = ").append(m.trajectories()).append(" trajectories, p = ")
          .append(m.levels()).append(" levels\n");
    }
    List<List<String>> cells = new ArrayList<>();
    List<String> head = new ArrayList<>(List.of("rank", "parameter"));
    head.addAll(columns);
    cells.add(head);
    for (int r = 0; r < rows.size(); r++) {
      List<String> line = new ArrayList<>(List.of(Integer.toString(r + 1), names.get(r)));
      for (double x : rows.get(r)) {
        line.add(result instanceof SobolResult ? index(x) : number(x));
      }
      cells.add(line);
    }
    int[] widths = new int[head.size()];
    for (List<String> line : cells) {
      for (int c = 0; c < line.size(); c++) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < line.size(); c++) {
        String cell = line.get(c);
        String pad = " ".repeat(widths[c] - cell.length());
        text.append(c == 0 ? "" : "  ").append(c == 1 ? cell + pad : pad + cell);
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    out.append(switch (result) {
      case TornadoResult t -> "low and high: each parameter's range ends (or smallest and largest listed value), in its"
          + " field's unit; at low, at high and swing in " + unit + ".\n";
      case SobolResult s -> "S1: share of the metric's variance due to the parameter alone; ST: with its interactions"
          + " (ST - S1 is the interactions' share); no unit. Ranked by ST.\n";
      case MorrisResult m -> "mu*, mu and sigma: change in " + unit + " across each parameter's whole range; mu* ranks"
          + " influence, a large sigma means non-linearity or interactions.\n";
    });
    return out.toString();
  }

  private String csv(List<String> header, List<String> names, List<List<Double>> rows) {
    StringBuilder out = new StringBuilder("rank,parameter," + String.join(",", header) + "\n");
    for (int r = 0; r < rows.size(); r++) {
      out.append(r + 1).append(',').append(quoted(names.get(r)));
      for (double x : rows.get(r)) {
        out.append(',').append(Double.isNaN(x) ? "" : Double.toString(x));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private String json(List<String> header, List<String> names, List<List<Double>> rows) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("sweep", sweep.source());
    root.put("base", sweep.baseLabel());
    root.put("method", method());
    root.put("metric", result.output().metric());
    root.put("cell", result.output().cell());
    root.put("unit", unit(result.output().metric(), result.output().cell()));
    root.put("variants", result.variants());
    root.put("runs", sweep.runs());
    root.put("seed", sweep.seed());
    switch (result) {
      case TornadoResult t -> put(root, "base_output", t.baseOutput());
      case SobolResult s -> {
        root.put("n", s.n());
        root.put("bootstrap", s.bootstrap());
        root.put("confidence", s.confidence());
        put(root, "mean", s.mean());
        put(root, "variance", s.variance());
      }
      case MorrisResult m -> {
        root.put("trajectories", m.trajectories());
        root.put("levels", m.levels());
      }
    }
    ArrayNode ranked = root.putArray("ranked");
    for (int r = 0; r < rows.size(); r++) {
      ObjectNode row = ranked.addObject();
      row.put("rank", r + 1);
      row.put("parameter", names.get(r));
      for (int c = 0; c < header.size(); c++) {
        put(row, header.get(c), rows.get(r).get(c));
      }
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ObjectNode node, String key, double x) {
    if (Double.isNaN(x)) {
      node.putNull(key);
    } else {
      node.put(key, x);
    }
  }

  private static String quoted(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  /** A figure for reading: whole numbers as such, thousands separated, one decimal from 10, three below. */
  public static String number(double x) {
    if (Double.isNaN(x)) {
      return "-";
    }
    double a = Math.abs(x);
    if (x == Math.rint(x) && a < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) x);
    }
    return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", x) : a >= 10 ? String.format(Locale.ROOT, "%.1f", x)
        : String.format(Locale.ROOT, "%.3f", x);
  }

  private static String index(double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3f", x);
  }
}
