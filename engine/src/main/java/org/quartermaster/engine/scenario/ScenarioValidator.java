package org.quartermaster.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.DemandSegment;
import org.quartermaster.engine.model.Disruption;
import org.quartermaster.engine.model.Holder;
import org.quartermaster.engine.model.Item;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.RampDelay;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Share;
import org.quartermaster.engine.model.Stock;
import org.quartermaster.engine.model.Transfer;

/**
 * Turns a parsed YAML tree into a {@link Scenario}, checking every rule of MODEL.md "Validation" and
 * collecting every problem before giving up (nothing runs until the scenario is valid). Longer than
 * most classes on purpose: it is the catalogue of rules, one method per section of the file, in the
 * order the file is read, so that a rule and its message are found in one place.
 */
final class ScenarioValidator {
  private static final List<String> TOP_KEYS = List.of(
      "name", "horizon_months", "start", "runs", "seed", "items", "holders", "lines", "stocks", "transfers");
  private static final List<String> ITEM_KEYS = List.of("id", "name", "category", "unit_cost_usd");
  private static final List<String> HOLDER_KEYS = List.of("id", "name");
  private static final List<String> LINE_KEYS = List.of("id", "item", "base_per_month", "surge_per_month",
      "ramp_start_month", "ramp_months", "ramp_delay_months", "disruption", "shares");
  private static final List<String> DELAY_KEYS = List.of("min", "mode", "max");
  private static final List<String> DISRUPTION_KEYS = List.of("probability", "cut");
  private static final List<String> STOCK_KEYS = List.of("holder", "item", "initial", "target", "demand");
  private static final List<String> DEMAND_KEYS = List.of("from", "per_month");
  private static final List<String> TRANSFER_KEYS = List.of("from", "to", "item", "month", "quantity");
  private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final double INF = Double.POSITIVE_INFINITY;
  /** Demand draws are integers: rates above a billion a month are beyond what the engine samples. */
  private static final double MAX_DEMAND_PER_MONTH = 1e9;
  /** 100 years: beyond planning horizons, and it bounds the memory a result needs (cells × months). */
  static final int MAX_HORIZON_MONTHS = 1200;
  /** Ramp lengths and delays beyond any horizon; bounded so that sampling a delay stays finite. */
  private static final double MAX_RAMP_MONTHS = 1e6;
  /** Share weights are relative (0.6 and 0.4, or 60 and 40); bounded so that their sum stays finite. */
  private static final double MAX_SHARE_WEIGHT = 1e15;

  private final String source;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> itemIds = new HashSet<>();
  private final Set<String> holderIds = new HashSet<>();
  private final StockCeiling ceiling = new StockCeiling();
  /** The horizon T, or null when it is itself invalid (month ranges are then not checked). */
  private Integer horizon;

  ScenarioValidator(String source) {
    this.source = source;
  }

  Scenario validate(JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw fileProblem("the file is empty; a scenario needs at least horizon_months");
    }
    if (!root.isObject()) {
      throw fileProblem("a scenario must be a mapping (key: value pairs), got " + MappingReader.render(root));
    }
    MappingReader top = new MappingReader(root, "", problems, TOP_KEYS);
    String name = top.has("name") ? top.get("name").asText() : "";
    Long horizonMonths = top.integer("horizon_months", true, 1);
    if (horizonMonths != null && horizonMonths > MAX_HORIZON_MONTHS) {
      top.problem("horizon_months", "must be at most " + MAX_HORIZON_MONTHS + " (100 years); simulate a shorter"
          + " horizon");
      horizonMonths = null;
    }
    horizon = horizonMonths == null ? null : horizonMonths.intValue();
    Optional<YearMonth> start = start(top);
    Long runs = top.integer("runs", false, 1);
    if (runs != null && runs > Integer.MAX_VALUE) {
      top.problem("runs", "must be at most " + Integer.MAX_VALUE);
      runs = null;
    }
    Long seed = top.integer("seed", false, Long.MIN_VALUE);

    List<Item> items = items(top);
    List<Holder> holders = holders(top);
    List<Stock> stocks = stocks(top);
    List<ProductionLine> lines = lines(top);
    List<Transfer> transfers = transfers(top);
    ceiling.check(horizon);

    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(source, inFileOrder(problems, top.keys()));
    }
    return new Scenario(name, horizon, start,
        runs == null ? OptionalInt.empty() : OptionalInt.of(runs.intValue()),
        seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
        items, holders, lines, stocks, transfers);
  }

  /**
   * The problems in the order of the file's top-level keys (sections are checked in the order their
   * references need, items and holders first), keeping the order within a section; missing keys last.
   */
  private static List<Problem> inFileOrder(List<Problem> problems, List<String> keysAsWritten) {
    return problems.stream()
        .sorted(Comparator.comparingInt(p -> {
          int rank = keysAsWritten.indexOf(p.path().split("[.\\[]", 2)[0]);
          return rank < 0 ? keysAsWritten.size() : rank;
        }))
        .toList();
  }

  private InvalidScenarioException fileProblem(String message) {
    return new InvalidScenarioException(source, List.of(new Problem(Problem.FILE, null, message)));
  }

  private Optional<YearMonth> start(MappingReader top) {
    if (!top.has("start")) {
      return Optional.empty();
    }
    String text = top.get("start").asText();
    if (top.get("start").isValueNode() && YEAR_MONTH.matcher(text).matches()) {
      try {
        return Optional.of(YearMonth.parse(text));
      } catch (DateTimeParseException e) {
        // falls through to the problem below
      }
    }
    top.problem("start", "must be a calendar month written YYYY-MM, e.g. 2024-07");
    return Optional.empty();
  }

  private List<Item> items(MappingReader top) {
    List<Item> items = new ArrayList<>();
    for (MappingReader entry : top.listOfMappings("items", false, ITEM_KEYS)) {
      String id = entry.slug("id", true);
      String name = entry.text("name", false);
      String category = entry.text("category", false);
      Double cost = entry.number("unit_cost_usd", false, 0, false, INF);
      if (id != null && !itemIds.add(id)) {
        entry.problem("id", "duplicate item id '" + id + "': item ids must be unique");
      } else if (id != null) {
        items.add(new Item(id, name, category, cost == null ? OptionalDouble.empty() : OptionalDouble.of(cost)));
      }
    }
    return items;
  }

  private List<Holder> holders(MappingReader top) {
    List<Holder> holders = new ArrayList<>();
    for (MappingReader entry : top.listOfMappings("holders", false, HOLDER_KEYS)) {
      String id = entry.slug("id", true);
      String name = entry.text("name", false);
      if (id != null && !holderIds.add(id)) {
        entry.problem("id", "duplicate holder id '" + id + "': holder ids must be unique");
      } else if (id != null) {
        holders.add(new Holder(id, name));
      }
    }
    return holders;
  }

  private List<Stock> stocks(MappingReader top) {
    List<Stock> stocks = new ArrayList<>();
    Set<Cell> seen = new HashSet<>();
    for (MappingReader entry : top.listOfMappings("stocks", false, STOCK_KEYS)) {
      String holder = holderRef(entry, "holder", "stock");
      String item = itemRef(entry, "item", "stock");
      Double initial = entry.number("initial", true, 0, false, INF);
      Double target = entry.number("target", false, 0, false, INF);
      if (!StockCeiling.within(entry, "initial", initial)) {
        initial = null;
      } else if (initial != null) {
        ceiling.initial(entry, "initial", initial);
      }
      if (!StockCeiling.within(entry, "target", target)) {
        target = null;
      }
      List<DemandSegment> demand = demand(entry);
      if (holder != null && item != null && !seen.add(new Cell(holder, item))) {
        problems.add(new Problem(entry.path(), null, "more than one stock for holder '" + holder + "' and item '"
            + item + "': a cell has at most one stock entry; merge them"));
      } else if (holder != null && item != null && initial != null && demand != null) {
        stocks.add(new Stock(holder, item, initial,
            target == null ? OptionalDouble.empty() : OptionalDouble.of(target), demand));
      }
    }
    return stocks;
  }

  private List<DemandSegment> demand(MappingReader stock) {
    List<DemandSegment> segments = new ArrayList<>();
    boolean ok = true;
    Integer previousFrom = null;
    for (MappingReader segment : stock.listOfMappings("demand", false, DEMAND_KEYS)) {
      Integer from = month(segment, "from", true);
      Double perMonth = segment.number("per_month", true, 0, false, MAX_DEMAND_PER_MONTH);
      if (from != null && previousFrom != null && from <= previousFrom) {
        segment.problem("from", "demand segments must have strictly increasing 'from' months; "
            + from + " follows " + previousFrom);
        ok = false;
      }
      if (from != null) {
        previousFrom = from;
      }
      if (from == null || perMonth == null) {
        ok = false;
      } else {
        segments.add(new DemandSegment(from, perMonth));
      }
    }
    return ok ? segments : null;
  }

  private List<ProductionLine> lines(MappingReader top) {
    List<ProductionLine> lines = new ArrayList<>();
    Set<String> lineIds = new HashSet<>();
    for (MappingReader entry : top.listOfMappings("lines", false, LINE_KEYS)) {
      String id = entry.slug("id", true);
      if (id != null && !lineIds.add(id)) {
        entry.problem("id", "duplicate line id '" + id + "': production line ids must be unique");
        id = null;
      }
      String item = itemRef(entry, "item", "production line" + (id == null ? "" : " (" + id + ")"));
      Double base = entry.number("base_per_month", true, 0, false, INF);
      Double surge = entry.number("surge_per_month", true, 0, false, INF);
      base = StockCeiling.within(entry, "base_per_month", base) ? base : null;
      surge = StockCeiling.within(entry, "surge_per_month", surge) ? surge : null;
      if (base != null && surge != null) {
        boolean surgeLarger = surge > base;
        ceiling.capacity(entry, surgeLarger ? "surge_per_month" : "base_per_month", surgeLarger ? surge : base);
      }
      Integer rampStart = month(entry, "ramp_start_month", true);
      Double rampMonths = entry.number("ramp_months", true, 0, false, MAX_RAMP_MONTHS);
      RampDelay delay = rampDelay(entry);
      Disruption disruption = disruption(entry);
      List<Share> shares = shares(entry, id);
      if (id != null && item != null && base != null && surge != null && rampStart != null && rampMonths != null
          && delay != null && disruption != null && shares != null) {
        lines.add(new ProductionLine(id, item, base, surge, rampStart, rampMonths, delay, disruption, shares));
      }
    }
    return lines;
  }

  private RampDelay rampDelay(MappingReader line) {
    if (!line.has("ramp_delay_months")) {
      return RampDelay.NONE;
    }
    MappingReader delay = line.mapping("ramp_delay_months", false, DELAY_KEYS);
    if (delay == null) {
      return null;
    }
    Double min = delay.number("min", true, 0, false, MAX_RAMP_MONTHS);
    Double mode = delay.number("mode", true, 0, false, MAX_RAMP_MONTHS);
    Double max = delay.number("max", true, 0, false, MAX_RAMP_MONTHS);
    if (min == null || mode == null || max == null) {
      return null;
    }
    if (!(min <= mode && mode <= max)) {
      problems.add(new Problem(delay.path(), "{min: " + number(min) + ", mode: " + number(mode) + ", max: "
          + number(max) + "}", "min <= mode <= max is violated: a triangular delay needs its mode between min and max"));
      return null;
    }
    return new RampDelay(min, mode, max);
  }

  private Disruption disruption(MappingReader line) {
    if (!line.has("disruption")) {
      return Disruption.NONE;
    }
    MappingReader disruption = line.mapping("disruption", false, DISRUPTION_KEYS);
    if (disruption == null) {
      return null;
    }
    Double probability = disruption.number("probability", true, 0, false, 1);
    Double cut = disruption.number("cut", true, 0, false, 1);
    return probability == null || cut == null ? null : new Disruption(probability, cut);
  }

  private List<Share> shares(MappingReader line, String lineId) {
    MappingReader shares = line.mapping("shares", true, null); // keys are holder ids, not field names
    if (shares == null) {
      return null;
    }
    List<Share> out = new ArrayList<>();
    boolean ok = true;
    if (shares.isEmpty()) {
      problems.add(new Problem(shares.path(), "{}", "a production line needs at least one share "
          + "(holder: weight) to say who receives its output"));
      return null;
    }
    for (String holder : shares.keys()) {
      Double weight = shares.number(holder, true, 0, true, INF);
      if (weight != null && weight > MAX_SHARE_WEIGHT) {
        shares.problem(holder, "must be at most 1e15: share weights are relative (0.6 and 0.4, or 60 and 40),"
            + " so scale them all down by the same factor");
        weight = null;
      }
      if (!holderIds.contains(holder)) {
        shares.problem(holder, "the shares of production line" + (lineId == null ? "" : " (" + lineId + ")")
            + " name holder (" + holder + "), which is not declared in holders. Maybe add {id: " + holder
            + "} to holders");
        ok = false;
      }
      if (weight == null) {
        ok = false;
      } else {
        out.add(new Share(holder, weight));
      }
    }
    return ok ? out : null;
  }

  private List<Transfer> transfers(MappingReader top) {
    List<Transfer> transfers = new ArrayList<>();
    for (MappingReader entry : top.listOfMappings("transfers", false, TRANSFER_KEYS)) {
      String from = holderRef(entry, "from", "transfer");
      String to = holderRef(entry, "to", "transfer");
      String item = itemRef(entry, "item", "transfer");
      Integer month = month(entry, "month", true);
      Double quantity = entry.number("quantity", true, 0, true, INF);
      quantity = StockCeiling.within(entry, "quantity", quantity) ? quantity : null;
      if (from != null && to != null && item != null && month != null && quantity != null) {
        transfers.add(new Transfer(from, to, item, month, quantity));
      }
    }
    return transfers;
  }

  private Integer month(MappingReader entry, String key, boolean required) {
    Long month = entry.integer(key, required, Long.MIN_VALUE);
    if (month == null) {
      return null;
    }
    if (month < 0 || horizon != null && month >= horizon) {
      entry.problem(key, "month " + month + " is outside the horizon 0.." + (horizon == null ? "T-1" : horizon - 1)
          + " (months count from 0 = the scenario's start)");
      return null;
    }
    return horizon == null && month > Integer.MAX_VALUE ? null : month.intValue();
  }

  private String itemRef(MappingReader entry, String key, String what) {
    return reference(entry, key, what, "item", "items", itemIds);
  }

  private String holderRef(MappingReader entry, String key, String what) {
    return reference(entry, key, what, "holder", "holders", holderIds);
  }

  /** A required reference to a declared id; an undeclared one is a problem that says how to fix it. */
  private static String reference(MappingReader entry, String key, String what, String kind, String list,
      Set<String> declared) {
    String id = entry.text(key, true);
    if (id != null && !declared.contains(id)) {
      entry.problem(key, "the " + what + " names " + kind + " (" + id + "), which is not declared in " + list
          + ". Maybe add {id: " + id + "} to " + list
          + Suggestions.closest(id, declared).map(s -> " or use '" + s + "'").orElse(""));
      return null;
    }
    return id;
  }

  private static String number(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
