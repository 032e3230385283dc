package org.quartermaster.app.munitions.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.quartermaster.app.munitions.build.Provenance.Assumed;
import org.quartermaster.app.munitions.build.Provenance.Sourced;

/**
 * {@code --assume PATH=VALUE}: sets a number of the built scenario, which is then labelled ASSUMPTION,
 * "set by --assume" (a sourced number so replaced says what the store gave). Any number the build wrote
 * may be set, and a stock's {@code target}; the horizon only through {@code --horizon}. Each value is
 * checked by the rule of its field (MODEL.md): months within the horizon, probabilities and cuts within
 * [0, 1], runs ≥ 1, quantities and weights above 0, everything else ≥ 0.
 */
final class Assumptions {
  private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

  private Assumptions() {}

  /** The paths {@code --assume} may set in this draft, in the YAML's order. */
  static List<String> paths(ScenarioDraft draft) {
    List<String> paths = new ArrayList<>();
    for (String path : draft.figures().keySet()) {
      if (!path.equals(Paths.HORIZON)) {
        paths.add(path);
      }
      if (path.startsWith("stocks[") && path.endsWith("].initial")) {
        paths.add(path.substring(0, path.length() - "initial".length()) + "target");
      }
    }
    return paths.stream().distinct().toList();
  }

  /** The draft with the assumptions set. @throws BuildException with every bad path or value */
  static ScenarioDraft apply(ScenarioDraft draft, Map<String, String> assume) {
    List<String> valid = paths(draft);
    List<BuildProblem> problems = new ArrayList<>();
    Map<String, Figure> figures = new LinkedHashMap<>(draft.figures());
    assume.forEach((path, text) -> {
      if (!valid.contains(path)) {
        problems.add(new BuildProblem("assume", path + "=" + text, "unknown path '" + path + "'"
            + (path.equals(Paths.HORIZON) ? ": the horizon is set by --horizon" : "") + "; the paths of this build are: "
            + String.join(", ", valid)));
        return;
      }
      String rule = check(path, text, draft.horizonMonths());
      if (rule != null) {
        problems.add(new BuildProblem("assume", path + "=" + text, "value '" + text + "' of " + path + ": " + rule));
        return;
      }
      double value = Numbers.kept(Double.parseDouble(text.strip()));
      Figure old = figures.get(path);
      String was = old == null ? "" : old.provenance() instanceof Sourced s
          ? "; in place of the store's " + Numbers.plain(old.value()) + " (" + String.join(" ", s.rows()) + ")"
          : "; in place of " + Numbers.plain(old.value());
      figures.put(path, new Figure(path, value, new Assumed("the user's value" + was, true)));
    });
    if (!problems.isEmpty()) {
      throw new BuildException(problems);
    }
    return draft.withFigures(figures);
  }

  /** Why {@code text} is no value for {@code path}, or null when it is one. */
  static String check(String path, String text, int horizon) {
    String t = text == null ? "" : text.strip();
    if (!NUMBER.matcher(t).matches()) {
      return "not a number; give a plain decimal number such as 2000 or 0.05";
    }
    double v = Double.parseDouble(t);
    if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
      return "out of range: at most 1e15";
    }
    boolean integer = v == Math.rint(v);
    if (path.endsWith(".month") || path.endsWith(".from") || path.endsWith("ramp_start_month")) {
      return integer && v >= 0 && v < horizon ? null : "a month index: a whole number from 0 to " + (horizon - 1);
    }
    if (path.equals(Paths.RUNS)) {
      return integer && v >= 1 && v <= 10_000_000 ? null : "a whole number of runs from 1 to 10000000";
    }
    if (path.equals(Paths.SEED)) {
      return integer ? null : "a whole number";
    }
    if (path.endsWith(".probability") || path.endsWith(".cut")) {
      return v >= 0 && v <= 1 ? null : "a fraction from 0 to 1";
    }
    if (path.endsWith(".quantity") || path.contains(".shares.")) {
      return v > 0 ? null : "above 0 (a transfer moves something; a share's weight is positive)";
    }
    return v >= 0 ? null : "0 or more";
  }
}
