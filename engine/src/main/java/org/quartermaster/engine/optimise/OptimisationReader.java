package org.quartermaster.engine.optimise;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.Suggestions;
import org.quartermaster.engine.scenario.YamlTree;
import org.quartermaster.engine.sweep.BaseScenario;
import org.quartermaster.engine.sweep.SavedScenarioSource;
import org.quartermaster.engine.sweep.SweepFields;
import org.quartermaster.engine.sweep.SweepReader;
import org.quartermaster.engine.simulation.VariantSimulator;

/**
 * Reads an optimisation file (docs/analysis.md "Optimisation") and checks it whole, in the sweep
 * file's style: every problem at once, by path, value and what to do, in an
 * {@link InvalidScenarioException} whose source is the file. The options and their effects are read
 * by {@link OptionsReader}. Thread-safe.
 */
public final class OptimisationReader {
  static final List<String> TOP_KEYS = List.of("base", "saved", "budget", "objective", "options", "runs", "batches",
      "seed", "mode", "enumeration_limit", "frontier_steps");
  static final List<String> OBJECTIVES = List.of("expected_unmet_demand", "reached_by_month", "months_to_target_p50");
  /** Defaults when the file gives none. */
  public static final int DEFAULT_RUNS = 1000;
  public static final int DEFAULT_BATCHES = 10;
  public static final int DEFAULT_ENUMERATION_LIMIT = 256;
  public static final int DEFAULT_FRONTIER_STEPS = 10;
  private static final long DEFAULT_SEED = 42;

  private final String source;
  private final Path folder;
  private final SavedScenarioSource saved;
  private final List<Problem> problems = new ArrayList<>();

  private OptimisationReader(String source, Path folder, SavedScenarioSource saved) {
    this.source = source;
    this.folder = folder;
    this.saved = saved;
  }

  /** Reads the file; a base file is resolved against the file's folder. */
  public static Optimisation read(Path file, SavedScenarioSource saved) {
    String text = SweepReader.text(file, file.toString());
    Path folder = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), folder == null ? Path.of(".") : folder, saved);
  }

  /** Reads optimisation text; {@code source} names it in messages, {@code folder} resolves a base file. */
  public static Optimisation parse(String yaml, String source, Path folder, SavedScenarioSource saved) {
    return new OptimisationReader(source, folder, saved).read(yaml);
  }

  private Optimisation read(String yaml) {
    JsonNode root;
    try {
      root = YamlTree.read(yaml);
    } catch (IOException e) {
      throw fileProblem("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw fileProblem("an optimisation file must be a mapping with base (or saved), budget, objective and options");
    }
    SweepFields top = new SweepFields(root, "", problems, TOP_KEYS);
    BaseScenario base = base(top);
    SweepFields budget = top.mapping("budget", true, List.of("amount", "currency"));
    Double amount = budget == null ? null : budget.number("amount", true);
    String currency = budget == null ? null : budget.text("currency", true);
    if (amount != null && amount < 0) {
      budget.problem("amount", "must be at least 0");
    }
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      budget.problem("currency", "must be an ISO 4217 code such as USD or EUR; every cost is in this currency");
    }
    boolean deterministic = mode(top);
    Long runs = top.integer("runs", false, 1, 100_000_000);
    Long batches = top.integer("batches", false, 2, 1000);
    if (deterministic) {
      for (String key : List.of("runs", "batches")) {
        if (top.has(key)) {
          top.problem(key, "deterministic mode makes one run per portfolio; remove " + key);
        }
      }
    }
    int batchCount = deterministic ? 1 : batches != null ? batches.intValue() : DEFAULT_BATCHES;
    int runCount = deterministic ? 1 : runs != null ? runs.intValue() : DEFAULT_RUNS;
    if (!deterministic && (runCount % batchCount != 0 || runCount / batchCount > VariantSimulator.MAX_RUNS)) {
      int perBatch = Math.max(1, Math.min(runCount / batchCount, VariantSimulator.MAX_RUNS));
      top.problem(runs != null ? "runs" : "batches", "runs (" + runCount + ") must be a multiple of batches ("
          + batchCount + ") with at most " + VariantSimulator.MAX_RUNS + " runs per batch, e.g. runs: "
          + batchCount * perBatch);
    }
    Long seed = top.integer("seed", false, Long.MIN_VALUE, Long.MAX_VALUE - 1000);
    Long limit = top.integer("enumeration_limit", false, 1, 1_000_000);
    Long steps = top.integer("frontier_steps", false, 1, 100);
    OptionsReader.Compiled compiled = base == null ? null
        : new OptionsReader(base.tree(), base.scenario(), base.label(), problems).read(top);
    Objective objective = base == null ? null
        : objective(top, base.scenario(), compiled == null ? null : compiled.scenario());
    if (!top.has("options") && base == null) {
      top.problem("options", "is required: the investments to choose from, e.g. [{id: shift2, name: ..., cost: ..., "
          + "effects: [...]}]");
    }
    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(source, problems);
    }
    long seedValue = seed != null ? seed : base.scenario().seed().orElse(DEFAULT_SEED);
    return new Optimisation(source, base.label(), compiled.scenario(), amount, currency, compiled.options(), objective,
        runCount, batchCount, seedValue, deterministic,
        limit != null ? limit.intValue() : DEFAULT_ENUMERATION_LIMIT,
        steps != null ? steps.intValue() : DEFAULT_FRONTIER_STEPS);
  }

  private boolean mode(SweepFields top) {
    String mode = top.text("mode", false);
    if (mode == null || mode.equals("monte-carlo")) {
      return false;
    }
    if (mode.equals("deterministic")) {
      return true;
    }
    top.problem("mode", "unknown mode" + suggestion(mode, List.of("monte-carlo", "deterministic"))
        + "; modes are monte-carlo (the default) and deterministic");
    return false;
  }

  /** The objective; {@code withOptions} (null after problems in the options) gives the cells' indices. */
  private Objective objective(SweepFields top, Scenario base, Scenario withOptions) {
    SweepFields objective = top.mapping("objective", true, List.of("minimise", "maximise", "cells", "month"));
    if (objective == null) {
      return null;
    }
    boolean minimise = objective.has("minimise");
    if (minimise == objective.has("maximise")) {
      objective.problem(minimise ? "maximise" : "minimise", minimise ? "give either minimise or maximise, not both"
          : "is required: minimise: expected_unmet_demand, maximise: reached_by_month (with month) or minimise:"
              + " months_to_target_p50");
      return null;
    }
    String key = minimise ? "minimise" : "maximise";
    String name = objective.text(key, true);
    if (name == null) {
      return null;
    }
    if (!OBJECTIVES.contains(name)) {
      objective.problem(key, "unknown objective" + suggestion(name, OBJECTIVES) + "; objectives are minimise:"
          + " expected_unmet_demand, maximise: reached_by_month, minimise: months_to_target_p50");
      return null;
    }
    boolean wantsMinimise = !name.equals("reached_by_month");
    if (wantsMinimise != minimise) {
      objective.problem(key, name + " is " + (wantsMinimise ? "minimised" : "maximised") + "; write "
          + (wantsMinimise ? "minimise: " : "maximise: ") + name);
      return null;
    }
    Long month = null;
    if (name.equals("reached_by_month")) {
      month = objective.integer("month", true, 0, base.horizonMonths());
    } else if (objective.has("month")) {
      objective.problem("month", name + " takes no month; remove it");
    }
    boolean targets = !name.equals("expected_unmet_demand");
    List<Cell> cells = cells(objective, base, targets);
    if (cells == null || name.equals("reached_by_month") && month == null || withOptions == null) {
      return null;
    }
    int[] indices = new int[cells.size()];
    for (int k = 0; k < indices.length; k++) {
      indices[k] = withOptions.cells().indexOf(cells.get(k));
    }
    return switch (name) {
      case "expected_unmet_demand" -> new Objective.ExpectedUnmetDemand(cells, indices);
      case "reached_by_month" -> new Objective.ReachedByMonth(cells, indices, month.intValue());
      default -> new Objective.MonthsToTargetP50(cells, indices, base.horizonMonths());
    };
  }

  /** The objective's cells: those listed, or every cell of the base (with a target, when the objective needs one). */
  private List<Cell> cells(SweepFields objective, Scenario base, boolean targets) {
    List<Cell> eligible = new ArrayList<>();
    for (Cell cell : base.cells()) {
      if (!targets || hasTarget(base, cell)) {
        eligible.add(cell);
      }
    }
    List<String> names = eligible.stream().map(c -> c.holder() + "/" + c.item()).toList();
    if (!objective.has("cells")) {
      if (eligible.isEmpty()) {
        objective.problem("cells", "the base scenario has no cell with a target; give a stock a target, or choose"
            + " minimise: expected_unmet_demand");
        return null;
      }
      return eligible;
    }
    JsonNode list = objective.get("cells");
    if (!list.isArray() || list.isEmpty()) {
      objective.problem("cells", "must be a non-empty list of HOLDER/ITEM, e.g. [" + names.get(0)
          + "]; leave it out for every cell");
      return null;
    }
    List<Cell> out = new ArrayList<>();
    boolean ok = true;
    for (int k = 0; k < list.size(); k++) {
      String text = list.get(k).asText();
      int at = names.indexOf(text);
      if (at < 0) {
        problems.add(new Problem(objective.pathOf("cells") + "[" + k + "]", SweepFields.render(list.get(k)),
            (targets ? "not a cell of the base scenario with a target" : "not a cell of the base scenario")
                + suggestion(text, names) + "; cells here: " + String.join(", ", names)));
        ok = false;
      } else if (out.contains(eligible.get(at))) {
        problems.add(new Problem(objective.pathOf("cells") + "[" + k + "]", SweepFields.render(list.get(k)),
            "is listed twice; keep one"));
        ok = false;
      } else {
        out.add(eligible.get(at));
      }
    }
    return ok ? out : null;
  }

  private static boolean hasTarget(Scenario scenario, Cell cell) {
    return scenario.stocks().stream().anyMatch(s -> s.cell().equals(cell) && s.target().isPresent());
  }

  private BaseScenario base(SweepFields top) {
    return BaseScenario.read(top, folder, saved, problems, "optimisation file", "the scenario to invest in");
  }

  static String suggestion(String word, List<String> known) {
    return Suggestions.closest(word, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  private InvalidScenarioException fileProblem(String message) {
    return new InvalidScenarioException(source, List.of(new Problem(Problem.FILE, null, message)));
  }
}
