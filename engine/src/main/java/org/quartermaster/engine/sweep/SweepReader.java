package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.Suggestions;
import org.quartermaster.engine.scenario.YamlTree;
import org.quartermaster.engine.simulation.VariantSimulator;

/**
 * Reads a sweep file (docs/analysis.md) and checks it whole: every problem is reported at once, by
 * path, value and what to do, in an {@link InvalidScenarioException} whose source is the sweep file.
 * Longer than most classes on purpose: it is the catalogue of a sweep file's rules, one method per
 * section, in the order the file is read ({@link MetricsReader} reads the metrics). Thread-safe.
 */
public final class SweepReader {
  static final List<String> TOP_KEYS =
      List.of("base", "saved", "parameters", "design", "runs", "seed", "metrics", "cells");
  static final List<String> PARAMETER_KEYS = List.of("path", "values", "range", "distribution");
  static final List<String> DESIGNS = List.of("grid", "latin-hypercube", "sobol");
  /** Runs per variant when the file gives none. */
  public static final int DEFAULT_RUNS = 1000;
  private static final long DEFAULT_SEED = 42;

  private final String source;
  private final Path folder;
  private final SavedScenarioSource saved;
  private final List<Problem> problems = new ArrayList<>();

  private SweepReader(String source, Path folder, SavedScenarioSource saved) {
    this.source = source;
    this.folder = folder;
    this.saved = saved;
  }

  /** Reads the sweep in {@code file}; a base file is resolved against the sweep file's folder. */
  public static Sweep read(Path file, SavedScenarioSource saved) {
    String text = text(file, file.toString());
    Path folder = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), folder == null ? Path.of(".") : folder, saved);
  }

  /** Reads sweep text; {@code source} names it in messages, {@code folder} resolves a base file. */
  public static Sweep parse(String yaml, String source, Path folder, SavedScenarioSource saved) {
    return new SweepReader(source, folder, saved).read(yaml);
  }

  private Sweep read(String yaml) {
    JsonNode root;
    try {
      root = YamlTree.read(yaml);
    } catch (IOException e) {
      throw fileProblem("not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw fileProblem("a sweep file must be a mapping with at least base (or saved) and parameters");
    }
    SweepFields top = new SweepFields(root, "", problems, TOP_KEYS);
    BaseScenario base = base(top);
    Long runs = top.integer("runs", false, 1, VariantSimulator.MAX_RUNS);
    Long seed = top.integer("seed", false, Long.MIN_VALUE, Long.MAX_VALUE);
    Design design = design(top);
    Scenario scenario = base == null ? null : base.scenario();
    List<SweepParameter> parameters = parameters(top, scenario, design);
    List<SweepMetric> metrics = new MetricsReader(problems).metrics(top, scenario);
    int[] cells = cells(top, scenario);
    if (design instanceof Design.Grid && problems.isEmpty()) {
      long variants = 1;
      for (SweepParameter p : parameters) {
        variants = Math.min(Long.MAX_VALUE / 2, variants * p.levels().grid().size());
      }
      if (variants > Design.MAX_VARIANTS) {
        top.problem("parameters", "the grid has " + variants + " variants, more than " + Design.MAX_VARIANTS
            + "; use fewer values or steps, or design latin-hypercube or sobol");
      }
    }
    if (base != null) {
      VariantChecks checks = new VariantChecks(base.tree(), base.label(), problems);
      for (int p = 0; p < parameters.size(); p++) {
        SweepParameter parameter = parameters.get(p);
        List<Double> extremes = parameter.levels().extremes();
        for (int k = 0; k < extremes.size(); k++) {
          checks.checkValue(parameter, valuePath(parameter, k),
              parameter.applied(extremes.get(k)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(source, problems);
    }
    long seedValue = seed != null ? seed : scenario.seed().orElse(DEFAULT_SEED);
    List<Levels> levels = parameters.stream().map(SweepParameter::levels).toList();
    double[][] values = design.values(levels, seedValue);
    for (double[] variant : values) {
      for (int p = 0; p < parameters.size(); p++) {
        variant[p] = parameters.get(p).applied(variant[p]);
      }
    }
    new VariantChecks(base.tree(), base.label(), problems).checkVariants(parameters, values);
    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(source, problems);
    }
    return new Sweep(source, scenario, base.tree(), base.label(), parameters, design, values,
        runs != null ? runs.intValue() : DEFAULT_RUNS, seedValue, metrics, cells);
  }

  private BaseScenario base(SweepFields top) {
    return BaseScenario.read(top, folder, saved, problems, "sweep file", "the scenario file to vary");
  }

  private Design design(SweepFields top) {
    if (!top.has("design")) {
      return new Design.Grid();
    }
    JsonNode node = top.get("design");
    if (node.isTextual()) {
      if (node.asText().equals("grid")) {
        return new Design.Grid();
      }
      top.problem("design", DESIGNS.contains(node.asText())
          ? "a sampled design needs its number of points: {type: " + node.asText() + ", points: 256}"
          : "unknown design" + suggestion(node.asText(), DESIGNS) + "; designs are grid, or {type: latin-hypercube"
              + " or sobol, points: N}");
      return null;
    }
    SweepFields design = top.mapping("design", true, List.of("type", "points"));
    if (design == null) {
      return null;
    }
    String type = design.text("type", true);
    if (type == null) {
      return null;
    }
    if (type.equals("grid")) {
      if (design.has("points")) {
        design.problem("points", "a grid has one variant per combination of values; remove points");
      }
      return new Design.Grid();
    }
    if (!DESIGNS.contains(type)) {
      design.problem("type", "unknown design" + suggestion(type, DESIGNS) + "; designs are " + String.join(", ",
          DESIGNS));
      return null;
    }
    Long points = design.integer("points", true, 1, Design.MAX_VARIANTS);
    if (points == null) {
      return null;
    }
    return type.equals("sobol") ? new Design.Sobol(points.intValue()) : new Design.LatinHypercube(points.intValue());
  }

  private List<SweepParameter> parameters(SweepFields top, Scenario scenario, Design design) {
    List<SweepParameter> out = new ArrayList<>();
    JsonNode list = top.get("parameters");
    if (list == null || !list.isArray() || list.isEmpty()) {
      problems.add(new Problem("parameters", list == null ? null : SweepFields.render(list),
          "must be a non-empty list of {path: ..., values: [...]} (or range, or distribution)"));
      return out;
    }
    if (list.size() > Design.Sobol.MAX_DIMENSIONS) {
      top.problem("parameters", "at most " + Design.Sobol.MAX_DIMENSIONS + " parameters");
      return out;
    }
    ParameterPaths paths = scenario == null ? null : new ParameterPaths(scenario);
    Map<String, String> owners = new HashMap<>();
    for (int k = 0; k < list.size(); k++) {
      String at = "parameters[" + k + "]";
      if (!list.get(k).isObject()) {
        problems.add(new Problem(at, SweepFields.render(list.get(k)), "must be a mapping {path: ..., values: [...]}"));
        continue;
      }
      SweepFields entry = new SweepFields(list.get(k), at, problems, PARAMETER_KEYS);
      String path = entry.text("path", true);
      Levels levels = levels(entry, design);
      if (path == null || paths == null) {
        continue;
      }
      ParameterPaths.Resolution resolved = paths.resolve(path);
      if (resolved.problem() != null) {
        entry.problem("path", resolved.problem());
        continue;
      }
      boolean duplicate = false;
      for (ParameterTarget target : resolved.targets()) {
        String owner = owners.putIfAbsent(target.path(), at);
        if (owner != null) {
          entry.problem("path", "sets " + target.path() + ", which " + owner + " sets already; sweep each value once");
          duplicate = true;
          break;
        }
      }
      if (levels != null && !duplicate) {
        out.add(new SweepParameter(at, path, resolved.targets(), levels));
      }
    }
    return out;
  }

  private Levels levels(SweepFields entry, Design design) {
    List<String> given = new ArrayList<>();
    for (String key : List.of("values", "range", "distribution")) {
      if (entry.has(key)) {
        given.add(key);
      }
    }
    if (given.size() != 1) {
      problems.add(new Problem(entry.path(), null, given.isEmpty()
          ? "give the values to take: values: [..], range: {low, high, steps}, or distribution: {type, ...}"
          : "give only one of " + String.join(", ", given)));
      return null;
    }
    boolean grid = design instanceof Design.Grid;
    switch (given.get(0)) {
      case "values" -> {
        List<Double> values = entry.numbers("values");
        return values == null ? null : new Levels.Values(values);
      }
      case "range" -> {
        SweepFields range = entry.mapping("range", true, List.of("low", "high", "steps"));
        if (range == null) {
          return null;
        }
        Double low = range.number("low", true);
        Double high = range.number("high", true);
        Long steps = range.integer("steps", false, 2, Design.MAX_VARIANTS);
        if (low != null && high != null && low > high) {
          range.problem("high", "must be at least low (" + VariantChecks.plain(low) + ")");
          return null;
        }
        if (grid && steps == null && !range.has("steps")) {
          range.problem("steps", "is required with design grid: how many evenly spaced values from low to high,"
              + " e.g. steps: 3; or use design latin-hypercube or sobol");
          return null;
        }
        if (low == null || high == null || range.has("steps") && steps == null) {
          return null;
        }
        return new Levels.Range(low, high, steps == null ? Levels.Range.NO_STEPS : steps.intValue());
      }
      default -> {
        return distribution(entry, grid);
      }
    }
  }

  private Levels distribution(SweepFields entry, boolean grid) {
    SweepFields d = entry.mapping("distribution", true, List.of("type", "low", "high", "min", "mode", "max"));
    if (d == null) {
      return null;
    }
    if (grid) {
      entry.problem("distribution", "a grid needs values or a range with steps; a distribution needs design"
          + " latin-hypercube or sobol");
      return null;
    }
    String type = d.text("type", true);
    if ("uniform".equals(type)) {
      Double low = d.number("low", true);
      Double high = d.number("high", true);
      if (low != null && high != null && low > high) {
        d.problem("high", "must be at least low (" + VariantChecks.plain(low) + ")");
        return null;
      }
      return low == null || high == null ? null : new Levels.Range(low, high, Levels.Range.NO_STEPS);
    }
    if ("triangular".equals(type)) {
      Double min = d.number("min", true);
      Double mode = d.number("mode", true);
      Double max = d.number("max", true);
      if (min == null || mode == null || max == null) {
        return null;
      }
      if (!(min <= mode && mode <= max)) {
        problems.add(new Problem(d.path(), "{min: " + VariantChecks.plain(min) + ", mode: " + VariantChecks.plain(mode)
            + ", max: " + VariantChecks.plain(max) + "}", "min <= mode <= max is violated"));
        return null;
      }
      return new Levels.Triangular(min, mode, max);
    }
    if (type != null) {
      d.problem("type", "unknown distribution" + suggestion(type, List.of("uniform", "triangular"))
          + "; distributions are uniform {low, high} and triangular {min, mode, max}");
    }
    return null;
  }

  private int[] cells(SweepFields top, Scenario scenario) {
    List<Cell> all = scenario == null ? List.of() : scenario.cells();
    if (!top.has("cells")) {
      int[] every = new int[all.size()];
      for (int c = 0; c < every.length; c++) {
        every[c] = c;
      }
      return every;
    }
    JsonNode list = top.get("cells");
    if (!list.isArray() || list.isEmpty()) {
      top.problem("cells", "must be a non-empty list of HOLDER/ITEM, e.g. [USA/shell-155]; leave it out for every cell");
      return new int[0];
    }
    List<String> names = all.stream().map(c -> c.holder() + "/" + c.item()).toList();
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      String name = list.get(k).asText();
      int index = names.indexOf(name);
      if (index < 0 && scenario != null) {
        problems.add(new Problem("cells[" + k + "]", SweepFields.render(list.get(k)), "no such cell"
            + suggestion(name, names) + "; cells here: " + String.join(", ", names)));
      } else if (index >= 0 && !out.contains(index)) {
        out.add(index);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String valuePath(SweepParameter parameter, int k) {
    return switch (parameter.levels()) {
      case Levels.Values v -> parameter.at() + ".values[" + k + "]";
      case Levels.Range r -> parameter.at() + ".range." + (k == 0 ? "low" : "high");
      case Levels.Triangular t -> parameter.at() + ".distribution." + (k == 0 ? "min" : "max");
    };
  }

  static String suggestion(String word, List<String> known) {
    return Suggestions.closest(word, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  private InvalidScenarioException fileProblem(String message) {
    return new InvalidScenarioException(source, List.of(new Problem(Problem.FILE, null, message)));
  }

  /** The file's UTF-8 text; null (or, when {@code sweepSource} is given, a file problem) if unreadable. */
  /**
   * The UTF-8 text of {@code file}; when it cannot be read, null if {@code sweepSource} is null, else an
   * {@link InvalidScenarioException} of that source saying why.
   */
  public static String text(Path file, String sweepSource) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      if (sweepSource == null) {
        return null;
      }
      throw new InvalidScenarioException(sweepSource, List.of(new Problem(Problem.FILE, null, "no such file")));
    } catch (CharacterCodingException e) {
      if (sweepSource == null) {
        return null;
      }
      throw new InvalidScenarioException(sweepSource, List.of(new Problem(Problem.FILE, null, "not UTF-8 text")));
    } catch (IOException e) {
      if (sweepSource == null) {
        return null;
      }
      throw new InvalidScenarioException(sweepSource,
          List.of(new Problem(Problem.FILE, null, "cannot read the file: " + e.getMessage())));
    }
  }
}
