package org.quartermaster.engine.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.DemandSegment;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Stock;
import org.quartermaster.engine.scenario.Suggestions;
import org.quartermaster.engine.simulation.ScenarioPatch;
import org.quartermaster.engine.simulation.ScenarioPatch.LineField;

/**
 * Resolves a parameter's path ({@code lines[us-155-total].surge_per_month},
 * {@code stocks[USA/shell-155].demand[0].per_month}, {@code transfers[1].quantity},
 * {@code lines[*].ramp_delay_months.mode}) against a validated scenario into the values it sets.
 * A selector is an id (lines), {@code HOLDER/ITEM} (stocks), a 0-based index, or {@code *} for all.
 */
public final class ParameterPaths {
  /** A resolved path: its targets, or why it resolves to none. */
  public record Resolution(List<ParameterTarget> targets, String problem) {}

  private record LineFieldSpec(LineField field, List<String> keys, boolean integer) {}

  private static final Map<String, LineFieldSpec> LINE_FIELDS = new LinkedHashMap<>();

  static {
    LINE_FIELDS.put("base_per_month", new LineFieldSpec(LineField.BASE_PER_MONTH, List.of("base_per_month"), false));
    LINE_FIELDS.put("surge_per_month", new LineFieldSpec(LineField.SURGE_PER_MONTH, List.of("surge_per_month"), false));
    LINE_FIELDS.put("ramp_start_month", new LineFieldSpec(LineField.RAMP_START_MONTH, List.of("ramp_start_month"), true));
    LINE_FIELDS.put("ramp_months", new LineFieldSpec(LineField.RAMP_MONTHS, List.of("ramp_months"), false));
    LINE_FIELDS.put("ramp_delay_months.min",
        new LineFieldSpec(LineField.DELAY_MIN, List.of("ramp_delay_months", "min"), false));
    LINE_FIELDS.put("ramp_delay_months.mode",
        new LineFieldSpec(LineField.DELAY_MODE, List.of("ramp_delay_months", "mode"), false));
    LINE_FIELDS.put("ramp_delay_months.max",
        new LineFieldSpec(LineField.DELAY_MAX, List.of("ramp_delay_months", "max"), false));
    LINE_FIELDS.put("disruption.probability",
        new LineFieldSpec(LineField.DISRUPTION_PROBABILITY, List.of("disruption", "probability"), false));
    LINE_FIELDS.put("disruption.cut", new LineFieldSpec(LineField.DISRUPTION_CUT, List.of("disruption", "cut"), false));
  }

  private static final List<String> STOCK_FIELDS = List.of("initial", "target", "demand[K].per_month");
  private static final Pattern ROOT = Pattern.compile("(lines|stocks|transfers)\\[([^\\]]+)\\]\\.(.+)");
  private static final Pattern DEMAND = Pattern.compile("demand\\[([^\\]]+)\\]\\.per_month");

  private final Scenario scenario;
  private final List<Cell> cells;

  public ParameterPaths(Scenario scenario) {
    this.scenario = scenario;
    this.cells = scenario.cells();
  }

  public Resolution resolve(String path) {
    Matcher m = ROOT.matcher(path);
    if (!m.matches()) {
      return unknown(path, "paths start with lines[ID], stocks[HOLDER/ITEM] or transfers[INDEX]");
    }
    String selector = m.group(2).trim();
    String field = m.group(3);
    return switch (m.group(1)) {
      case "lines" -> lines(path, selector, field);
      case "stocks" -> stocks(path, selector, field);
      default -> transfers(path, selector, field);
    };
  }

  private Resolution lines(String path, String selector, String field) {
    LineFieldSpec spec = LINE_FIELDS.get(field);
    if (spec == null) {
      return unknown(path, "a line's fields here are " + String.join(", ", LINE_FIELDS.keySet()));
    }
    List<String> ids = scenario.lines().stream().map(ProductionLine::id).toList();
    List<Integer> chosen = select(selector, ids);
    if (chosen == null) {
      return unknown(path, "no production line '" + selector + "'" + closest(selector, ids)
          + "; lines here: " + String.join(", ", ids) + " (or an index 0.." + (ids.size() - 1) + ", or *)");
    }
    List<ParameterTarget> targets = new ArrayList<>();
    for (int l : chosen) {
      List<Object> tree = new ArrayList<>(List.of("lines", l));
      tree.addAll(spec.keys());
      int line = l;
      targets.add(new ParameterTarget("lines[" + ids.get(l) + "]." + field, tree, spec.integer(),
          v -> new ScenarioPatch.LineValue(line, spec.field(), v)));
    }
    return new Resolution(targets, null);
  }

  private Resolution stocks(String path, String selector, String field) {
    List<String> ids = scenario.stocks().stream().map(s -> s.holder() + "/" + s.item()).toList();
    List<Integer> chosen = select(selector, ids);
    if (chosen == null) {
      return unknown(path, "no stock '" + selector + "'" + closest(selector, ids) + "; stocks here: "
          + String.join(", ", ids) + " (or an index 0.." + (ids.size() - 1) + ", or *)");
    }
    Matcher demand = DEMAND.matcher(field);
    if (!field.equals("initial") && !field.equals("target") && !demand.matches()) {
      return unknown(path, "a stock's fields here are " + String.join(", ", STOCK_FIELDS));
    }
    List<ParameterTarget> targets = new ArrayList<>();
    for (int k : chosen) {
      Stock stock = scenario.stocks().get(k);
      int cell = cells.indexOf(stock.cell());
      String prefix = "stocks[" + ids.get(k) + "]";
      if (field.equals("initial")) {
        targets.add(new ParameterTarget(prefix + ".initial", List.of("stocks", k, "initial"), false,
            v -> new ScenarioPatch.InitialStock(cell, v)));
      } else if (field.equals("target")) {
        if (stock.target().isEmpty()) {
          return new Resolution(List.of(), prefix + " has no target; give it one in the scenario to sweep it");
        }
        targets.add(new ParameterTarget(prefix + ".target", List.of("stocks", k, "target"), false,
            v -> new ScenarioPatch.Target(cell, v)));
      } else {
        List<DemandSegment> segments = stock.demand();
        List<String> indices = new ArrayList<>();
        for (int j = 0; j < segments.size(); j++) {
          indices.add(Integer.toString(j));
        }
        List<Integer> chosenSegments = select(demand.group(1).trim(), indices);
        if (chosenSegments == null || segments.isEmpty()) {
          return new Resolution(List.of(), prefix + " has " + segments.size() + " demand segment"
              + (segments.size() == 1 ? "" : "s") + (segments.isEmpty() ? "" : " (indices 0.." + (segments.size() - 1)
              + ", or *)") + ", so demand[" + demand.group(1) + "] does not exist");
        }
        for (int j : chosenSegments) {
          int from = segments.get(j).fromMonth();
          int to = j + 1 < segments.size() ? segments.get(j + 1).fromMonth() : scenario.horizonMonths();
          targets.add(new ParameterTarget(prefix + ".demand[" + j + "].per_month",
              List.of("stocks", k, "demand", j, "per_month"), false,
              v -> new ScenarioPatch.DemandRate(cell, from, to, v)));
        }
      }
    }
    return new Resolution(targets, null);
  }

  private Resolution transfers(String path, String selector, String field) {
    if (!field.equals("quantity")) {
      return unknown(path, "a transfer's field here is quantity");
    }
    List<String> indices = new ArrayList<>();
    for (int j = 0; j < scenario.transfers().size(); j++) {
      indices.add(Integer.toString(j));
    }
    List<Integer> chosen = select(selector, indices);
    if (chosen == null) {
      return unknown(path, "transfers are addressed by index: 0.." + (indices.size() - 1) + ", or *");
    }
    List<ParameterTarget> targets = new ArrayList<>();
    for (int j : chosen) {
      targets.add(new ParameterTarget("transfers[" + j + "].quantity", List.of("transfers", j, "quantity"), false,
          v -> new ScenarioPatch.TransferQuantity(j, v)));
    }
    return new Resolution(targets, null);
  }

  /** The indices a selector picks: *, an index, or an id; null when it picks nothing. */
  private static List<Integer> select(String selector, List<String> ids) {
    if (ids.isEmpty()) {
      return null;
    }
    if (selector.equals("*")) {
      List<Integer> all = new ArrayList<>();
      for (int k = 0; k < ids.size(); k++) {
        all.add(k);
      }
      return all;
    }
    int byId = ids.indexOf(selector);
    if (byId >= 0) {
      return List.of(byId);
    }
    if (selector.matches("\\d{1,9}") && Integer.parseInt(selector) < ids.size()) {
      return List.of(Integer.parseInt(selector));
    }
    return null;
  }

  private Resolution unknown(String path, String hint) {
    Optional<String> suggestion = Suggestions.closest(path, knownPaths());
    return new Resolution(List.of(), "unknown path" + suggestion.map(s -> "; did you mean '" + s + "'?").orElse("")
        + "; " + hint);
  }

  private static String closest(String word, List<String> known) {
    return Suggestions.closest(word, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /** Every concrete path of this scenario, for suggestions. */
  List<String> knownPaths() {
    List<String> paths = new ArrayList<>();
    for (ProductionLine line : scenario.lines()) {
      for (String field : LINE_FIELDS.keySet()) {
        paths.add("lines[" + line.id() + "]." + field);
      }
    }
    for (Stock stock : scenario.stocks()) {
      String prefix = "stocks[" + stock.holder() + "/" + stock.item() + "]";
      paths.add(prefix + ".initial");
      stock.target().ifPresent(t -> paths.add(prefix + ".target"));
      for (int j = 0; j < stock.demand().size(); j++) {
        paths.add(prefix + ".demand[" + j + "].per_month");
      }
    }
    for (int j = 0; j < scenario.transfers().size(); j++) {
      paths.add("transfers[" + j + "].quantity");
    }
    return paths;
  }
}
