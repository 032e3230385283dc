package org.quartermaster.engine.optimise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.engine.model.Holder;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.scenario.Suggestions;
import org.quartermaster.engine.simulation.ScenarioPatch;
import org.quartermaster.engine.simulation.ScenarioPatch.LineField;
import org.quartermaster.engine.sweep.ParameterPaths;
import org.quartermaster.engine.sweep.ParameterTarget;
import org.quartermaster.engine.sweep.SweepFields;

/**
 * Reads an optimisation file's {@code options:} and compiles them into one scenario: the base with
 * every option's new lines, supplier holders and stocks, and deliveries appended, checked by the
 * scenario validator itself (one home for MODEL.md's rules; its problems are renamed to the option
 * that caused them). A portfolio then switches off what it does not take. Longer than most classes
 * on purpose: it is the catalogue of an option's rules, one method per kind of effect.
 */
final class OptionsReader {
  /** What the options compile to; {@code scenario} is null after problems. */
  record Compiled(Scenario scenario, List<InvestmentOption> options) {}

  static final List<String> OPTION_KEYS = List.of("id", "name", "group", "cost", "effects");
  static final List<String> EFFECTS = List.of("add", "second_shift", "line", "deliveries");
  private static final List<String> LINE_COPIED = List.of("item", "shares", "disruption");

  private record Appended(ObjectNode node, String at, int option) {}

  private record PendingAdd(String at, String path, double amount) {}

  private record Pending(String id, String name, String group, double cost, String basis, List<PendingAdd> adds,
      List<String> effects) {}

  private final JsonNode baseTree;
  private final Scenario base;
  private final String baseLabel;
  private final List<Problem> problems;
  private final List<Appended> lines = new ArrayList<>();
  private final List<Appended> transfers = new ArrayList<>();
  private final Map<String, String> supplierAt = new LinkedHashMap<>();
  private final Map<String, Double> supplierStock = new LinkedHashMap<>();

  OptionsReader(JsonNode baseTree, Scenario base, String baseLabel, List<Problem> problems) {
    this.baseTree = baseTree;
    this.base = base;
    this.baseLabel = baseLabel;
    this.problems = problems;
  }

  Compiled read(SweepFields top) {
    JsonNode list = top.get("options");
    if (list == null || !list.isArray() || list.isEmpty()) {
      problems.add(new Problem("options", list == null ? null : SweepFields.render(list),
          "must be a non-empty list of {id, name, cost: {amount, source or assumption}, effects: [...]}"));
      return new Compiled(null, List.of());
    }
    if (list.size() > Optimisation.MAX_OPTIONS) {
      top.problem("options", "at most " + Optimisation.MAX_OPTIONS + " options; merge or drop some");
      return new Compiled(null, List.of());
    }
    int before = problems.size();
    List<Pending> pending = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < list.size(); k++) {
      String at = "options[" + k + "]";
      if (!list.get(k).isObject()) {
        problems.add(new Problem(at, SweepFields.render(list.get(k)), "must be a mapping {id, name, cost, effects}"));
        continue;
      }
      JsonNode id = list.get(k).get("id");
      if (id != null && id.isTextual() && !ids.add(id.asText())) {
        problems.add(new Problem(at + ".id", SweepFields.render(id), "duplicate option id; option ids must be unique"));
      }
      Pending option = option(new SweepFields(list.get(k), at, problems, OPTION_KEYS), k);
      if (option != null) {
        pending.add(option);
      }
    }
    ObjectNode tree = withOptions(); // checked even after problems above, so that all are reported at once
    Scenario scenario = validate(tree);
    if (scenario == null) {
      return new Compiled(null, List.of());
    }
    List<InvestmentOption> options = compile(pending, scenario, tree); // the valid options' amounts, checked
    return problems.size() > before ? new Compiled(null, List.of()) : new Compiled(scenario, options);
  }

  private Pending option(SweepFields option, int index) {
    String id = option.text("id", true);
    if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      option.problem("id", "must be a slug: a letter or digit, then letters, digits, '_', '.' or '-'");
      id = null;
    }
    String name = option.text("name", true);
    String group = option.has("group") ? option.text("group", true) : id;
    SweepFields cost = option.mapping("cost", true, List.of("amount", "source", "assumption"));
    Double amount = cost == null ? null : cost.number("amount", true);
    if (amount != null && amount < 0) {
      cost.problem("amount", "must be at least 0");
      amount = null;
    }
    String basis = null;
    if (cost != null) {
      boolean sourced = cost.has("source");
      if (sourced == cost.has("assumption")) {
        problems.add(new Problem(cost.path(), null, sourced
            ? "give either source or assumption, not both"
            : "say where the amount comes from: source: \"contract, publisher, URL, date\", or assumption: \"why this"
                + " amount\""));
      } else {
        String text = cost.text(sourced ? "source" : "assumption", true);
        basis = text == null ? null : (sourced ? "source: " : "ASSUMPTION: ") + text;
      }
    }
    List<PendingAdd> adds = new ArrayList<>();
    List<String> effects = new ArrayList<>();
    JsonNode list = option.get("effects");
    if (list == null || !list.isArray() || list.isEmpty()) {
      option.problem("effects", "must be a non-empty list, each one of " + String.join(", ", EFFECTS));
    } else {
      for (int k = 0; k < list.size(); k++) {
        effect(list.get(k), option.pathOf("effects") + "[" + k + "]", index, id, adds, effects);
      }
    }
    if (id == null || name == null || group == null || amount == null || basis == null) {
      return null;
    }
    return new Pending(id, name, group, amount, basis, adds, effects);
  }

  private void effect(JsonNode entry, String at, int option, String optionId, List<PendingAdd> adds,
      List<String> effects) {
    String kind = entry.isObject() && entry.size() == 1 ? entry.fieldNames().next() : null;
    if (kind == null) {
      problems.add(new Problem(at, SweepFields.render(entry), "must be one effect {KIND: {...}}, KIND one of "
          + String.join(", ", EFFECTS)));
      return;
    }
    SweepFields wrapper = new SweepFields(entry, at, problems, EFFECTS);
    if (!EFFECTS.contains(kind)) {
      return; // the unknown key is reported already, with a suggestion
    }
    switch (kind) {
      case "add" -> {
        SweepFields add = wrapper.mapping("add", true, List.of("path", "amount"));
        String path = add == null ? null : add.text("path", true);
        Double amount = add == null ? null : add.number("amount", true);
        if (path != null && amount != null) {
          adds.add(new PendingAdd(add.path(), path, amount));
          effects.add("adds " + plain(amount) + " to " + path);
        }
      }
      case "second_shift" -> secondShift(wrapper, option, optionId, effects);
      case "line" -> {
        SweepFields line = wrapper.mapping("line", true, fieldNames(entry.get("line")));
        if (line != null) {
          lines.add(new Appended(((ObjectNode) entry.get("line")).deepCopy(), line.path(), option));
          effects.add("new line " + entry.get("line").path("id").asText("?") + " (" + entry.get("line").path("item")
              .asText("?") + "): base " + plain(entry.get("line").path("base_per_month").asDouble()) + ", surge "
              + plain(entry.get("line").path("surge_per_month").asDouble()) + " per month");
        }
      }
      default -> deliveries(wrapper, option, effects);
    }
  }

  /**
   * A second shift: a new line beside {@code line} (same item, shares and disruption) adding surge
   * capacity after a lead time.
   */
  private void secondShift(SweepFields wrapper, int option, String optionId, List<String> effects) {
    SweepFields shift = wrapper.mapping("second_shift", true,
        List.of("line", "surge_per_month", "lead_time_months", "ramp_months"));
    if (shift == null) {
      return;
    }
    String lineId = shift.text("line", true);
    Double surge = shift.number("surge_per_month", true);
    if (surge != null && surge <= 0) {
      shift.problem("surge_per_month", "must be above 0: the capacity the shift adds per month");
      surge = null;
    }
    Double rampMonths = shift.has("ramp_months") ? shift.number("ramp_months", true) : Double.valueOf(0);
    SweepFields lead = shift.mapping("lead_time_months", true, List.of("min", "mode", "max"));
    Double min = lead == null ? null : lead.number("min", true);
    Double mode = lead == null ? null : lead.number("mode", true);
    Double max = lead == null ? null : lead.number("max", true);
    JsonNode parent = null;
    if (lineId != null) {
      List<String> ids = base.lines().stream().map(ProductionLine::id).toList();
      int index = ids.indexOf(lineId);
      if (index < 0) {
        shift.problem("line", "no production line '" + lineId + "' in the base scenario"
            + Suggestions.closest(lineId, ids).map(s -> "; did you mean '" + s + "'?").orElse("")
            + "; lines here: " + String.join(", ", ids));
      } else {
        parent = baseTree.get("lines").get(index);
      }
    }
    if (parent == null || surge == null || rampMonths == null || min == null || mode == null || max == null
        || optionId == null) {
      return;
    }
    ObjectNode line = ((ObjectNode) parent).objectNode();
    line.put("id", lineId + "." + optionId);
    for (String key : LINE_COPIED) {
      if (parent.has(key)) {
        line.set(key, parent.get(key).deepCopy());
      }
    }
    line.put("base_per_month", 0);
    line.put("surge_per_month", surge);
    line.put("ramp_start_month", 0);
    line.put("ramp_months", rampMonths);
    ObjectNode delay = line.putObject("ramp_delay_months");
    delay.put("min", min);
    delay.put("mode", mode);
    delay.put("max", max);
    lines.add(new Appended(line, shift.path(), option));
    effects.add("second shift on " + lineId + ": +" + plain(surge) + " per month after a lead time of "
        + plain(min) + "/" + plain(mode) + "/" + plain(max) + " months (min/mode/max), ramping over "
        + plain(rampMonths) + " months (line " + lineId + "." + optionId + ")");
  }

  /**
   * A contract's deliveries: transfers from a holder of the base, or from a supplier holding exactly
   * what it delivers.
   */
  private void deliveries(SweepFields wrapper, int option, List<String> effects) {
    SweepFields contract = wrapper.mapping("deliveries", true, List.of("from", "to", "item", "schedule"));
    if (contract == null) {
      return;
    }
    String from = contract.text("from", true);
    String to = contract.text("to", true);
    String item = contract.text("item", true);
    JsonNode schedule = contract.get("schedule");
    if (schedule == null || !schedule.isArray() || schedule.isEmpty()) {
      contract.problem("schedule", "must be a non-empty list of {month, quantity}");
      return;
    }
    if (from == null || to == null || item == null) {
      return;
    }
    boolean supplier = base.holders().stream().map(Holder::id).noneMatch(from::equals);
    double total = 0;
    List<String> months = new ArrayList<>();
    for (int k = 0; k < schedule.size(); k++) {
      String at = contract.pathOf("schedule") + "[" + k + "]";
      if (!schedule.get(k).isObject()) {
        problems.add(new Problem(at, SweepFields.render(schedule.get(k)), "must be a mapping {month, quantity}"));
        continue;
      }
      SweepFields delivery = new SweepFields(schedule.get(k), at, problems, List.of("month", "quantity"));
      Long month = delivery.integer("month", true, 0, base.horizonMonths() - 1);
      Double quantity = delivery.number("quantity", true);
      if (month == null || quantity == null) {
        continue;
      }
      ObjectNode transfer = ((ObjectNode) schedule.get(k)).objectNode();
      transfer.put("from", from);
      transfer.put("to", to);
      transfer.put("item", item);
      transfer.put("month", month);
      transfer.put("quantity", quantity);
      transfers.add(new Appended(transfer, at, option));
      total += quantity;
      months.add(plain(quantity) + " in month " + month);
    }
    if (supplier) {
      supplierAt.putIfAbsent(from, contract.pathOf("from"));
      supplierStock.merge(from + "/" + item, total, Double::sum);
    }
    effects.add("deliveries of " + item + " from " + from + (supplier ? " (supplier, holds what it delivers)" : "")
        + " to " + to + ": " + String.join(", ", months));
  }

  /** The base tree with every option's lines, transfers, supplier holders and stocks appended. */
  private ObjectNode withOptions() {
    ObjectNode tree = (ObjectNode) baseTree.deepCopy();
    ArrayNode lineList = array(tree, "lines");
    for (Appended line : lines) {
      lineList.add(line.node());
    }
    ArrayNode transferList = array(tree, "transfers");
    for (Appended transfer : transfers) {
      transferList.add(transfer.node());
    }
    ArrayNode holders = array(tree, "holders");
    for (String holder : supplierAt.keySet()) {
      holders.addObject().put("id", holder).put("name", holder + " (supplier under contract)");
    }
    ArrayNode stocks = array(tree, "stocks");
    for (Map.Entry<String, Double> stock : supplierStock.entrySet()) {
      String[] cell = stock.getKey().split("/", 2);
      stocks.addObject().put("holder", cell[0]).put("item", cell[1]).put("initial", stock.getValue());
    }
    return tree;
  }

  /** The scenario with every option, or null with its problems renamed to the options' paths. */
  private Scenario validate(ObjectNode tree) {
    Map<String, String> renamed = new LinkedHashMap<>();
    for (int k = 0; k < lines.size(); k++) {
      renamed.put("lines[" + (base.lines().size() + k) + "]", lines.get(k).at());
    }
    for (int k = 0; k < transfers.size(); k++) {
      renamed.put("transfers[" + (base.transfers().size() + k) + "]", transfers.get(k).at());
    }
    int holder = base.holders().size();
    for (String at : supplierAt.values()) {
      renamed.put("holders[" + holder++ + "]", at);
    }
    try {
      return ScenarioReader.validate(tree, baseLabel);
    } catch (InvalidScenarioException e) {
      for (Problem p : e.problems()) {
        String path = p.path();
        for (Map.Entry<String, String> entry : renamed.entrySet()) {
          if (path.equals(entry.getKey()) || path.startsWith(entry.getKey() + ".")
              || path.startsWith(entry.getKey() + "[")) {
            path = entry.getValue() + path.substring(entry.getKey().length());
            break;
          }
        }
        problems.add(path.equals(p.path())
            ? new Problem("options", null, "with every option added, the scenario is invalid: " + p)
            : new Problem(path, p.value(), p.message()));
      }
      return null;
    }
  }

  private List<InvestmentOption> compile(List<Pending> pending, Scenario scenario, ObjectNode tree) {
    ParameterPaths basePaths = new ParameterPaths(base);
    ParameterPaths paths = new ParameterPaths(scenario);
    List<List<PathAdd>> addsByOption = new ArrayList<>();
    int before = problems.size();
    for (Pending option : pending) {
      List<PathAdd> adds = new ArrayList<>();
      List<String> addedAt = new ArrayList<>();
      for (PendingAdd add : option.adds()) {
        ParameterPaths.Resolution resolved = basePaths.resolve(add.path());
        if (resolved.problem() != null) {
          problems.add(new Problem(add.at() + ".path", "\"" + add.path() + "\"", resolved.problem()));
          continue;
        }
        List<String> inBase = resolved.targets().stream().map(ParameterTarget::path).toList();
        for (ParameterTarget target : paths.resolve(add.path()).targets()) {
          if (!inBase.contains(target.path())) {
            continue; // lines[*] and stocks[*] address the base's values only, not the options' own
          }
          if (target.integer() && add.amount() != Math.rint(add.amount())) {
            problems.add(new Problem(add.at() + ".amount", plain(add.amount()), target.path()
                + " takes whole numbers; add a whole number"));
            break;
          }
          adds.add(new PathAdd(target, baseValue(target), add.amount()));
          addedAt.add(add.at() + ".amount");
        }
      }
      addsByOption.add(adds);
      checkAlone(tree, adds, addedAt);
    }
    if (problems.size() == before) {
      checkTogether(tree, addsByOption);
    }
    List<InvestmentOption> out = new ArrayList<>();
    for (int k = 0; k < pending.size(); k++) {
      Pending option = pending.get(k);
      List<ScenarioPatch> off = new ArrayList<>();
      for (int l = 0; l < lines.size(); l++) {
        if (lines.get(l).option() == k) {
          off.add(new ScenarioPatch.LineValue(base.lines().size() + l, LineField.BASE_PER_MONTH, 0));
          off.add(new ScenarioPatch.LineValue(base.lines().size() + l, LineField.SURGE_PER_MONTH, 0));
        }
      }
      for (int t = 0; t < transfers.size(); t++) {
        if (transfers.get(t).option() == k) {
          off.add(new ScenarioPatch.TransferQuantity(base.transfers().size() + t, 0));
        }
      }
      out.add(new InvestmentOption(option.id(), option.name(), option.group(), option.cost(), option.basis(),
          addsByOption.get(k), off, option.effects()));
    }
    return out;
  }

  /** Each option's amounts alone on the base, against the fields' own rules. */
  private void checkAlone(ObjectNode tree, List<PathAdd> adds, List<String> addedAt) {
    ObjectNode copy = tree.deepCopy();
    for (PathAdd add : adds) {
      add.target().write(copy, add.baseValue() + add.amount());
    }
    for (Problem p : problemsOf(copy)) {
      for (int k = 0; k < adds.size(); k++) {
        PathAdd add = adds.get(k);
        if (p.path().equals(treePathText(add.target()))) {
          problems.add(new Problem(addedAt.get(k), plain(add.amount()), "makes " + add.target().path() + " "
              + plain(add.baseValue() + add.amount()) + ", which " + p.message()));
          break;
        }
      }
    }
  }

  /** Every option's amounts at once: the widest portfolio must be a valid scenario too. */
  private void checkTogether(ObjectNode tree, List<List<PathAdd>> addsByOption) {
    ObjectNode copy = tree.deepCopy();
    Map<String, Double> sum = new LinkedHashMap<>();
    Map<String, PathAdd> first = new LinkedHashMap<>();
    for (List<PathAdd> adds : addsByOption) {
      for (PathAdd add : adds) {
        sum.merge(add.target().path(), add.amount(), Double::sum);
        first.putIfAbsent(add.target().path(), add);
      }
    }
    for (PathAdd add : first.values()) {
      add.target().write(copy, add.baseValue() + sum.get(add.target().path()));
    }
    for (Problem p : problemsOf(copy)) {
      problems.add(new Problem("options", null, "with every option chosen at once, " + p
          + "; options that add to the same value must stay valid together (or put them in one group)"));
    }
  }

  private List<Problem> problemsOf(JsonNode tree) {
    try {
      ScenarioReader.validate(tree, baseLabel);
      return List.of();
    } catch (InvalidScenarioException e) {
      return e.problems();
    }
  }

  /** The target's value in the base tree; a missing delay or disruption mapping is MODEL.md's 0. */
  private double baseValue(ParameterTarget target) {
    JsonNode node = baseTree;
    for (Object step : target.treePath()) {
      node = step instanceof Integer index ? node.get(index) : node.get((String) step);
      if (node == null || node.isNull()) {
        return 0;
      }
    }
    return node.asDouble();
  }

  private static String treePathText(ParameterTarget target) {
    StringBuilder out = new StringBuilder();
    for (Object step : target.treePath()) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append(out.isEmpty() ? "" : ".").append(step);
      }
    }
    return out.toString();
  }

  private static ArrayNode array(ObjectNode tree, String key) {
    JsonNode node = tree.get(key);
    return node != null && node.isArray() ? (ArrayNode) node : tree.putArray(key);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node != null) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  static String plain(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
