package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * Checks the values a sweep gives its parameters with the scenario validator itself (one home for
 * MODEL.md's rules): each listed value or range end alone on the base, then every variant's
 * combination (rules that span fields, such as min ≤ mode ≤ max of a delay). The base's parsed tree
 * is copied and patched for each check; it is never re-read.
 */
final class VariantChecks {
  /** Variants whose problems are listed before the rest are counted only. */
  private static final int MAX_VARIANTS_LISTED = 5;

  private final JsonNode baseTree;
  private final String baseLabel;
  private final List<Problem> problems;

  VariantChecks(JsonNode baseTree, String baseLabel, List<Problem> problems) {
    this.baseTree = baseTree;
    this.baseLabel = baseLabel;
    this.problems = problems;
  }

  /** One value alone against the field's own rules. */
  void checkValue(SweepParameter parameter, String valuePath, double value) {
    JsonNode tree = baseTree.deepCopy();
    for (ParameterTarget target : parameter.targets()) {
      target.write(tree, value);
    }
    for (Problem p : problemsOf(tree)) {
      for (ParameterTarget target : parameter.targets()) {
        if (p.path().equals(treePathText(target))) {
          problems.add(new Problem(valuePath, plain(value), "sets " + target.path() + ", which " + p.message()));
          break;
        }
      }
    }
  }

  /** Every variant's combination; problems list the first few variants and count the rest. */
  void checkVariants(List<SweepParameter> parameters, double[][] valuesByVariant) {
    int failing = 0;
    for (int v = 0; v < valuesByVariant.length; v++) {
      JsonNode tree = baseTree.deepCopy();
      for (int p = 0; p < parameters.size(); p++) {
        if (Double.isNaN(valuesByVariant[v][p])) {
          continue; // as in the base scenario
        }
        for (ParameterTarget target : parameters.get(p).targets()) {
          target.write(tree, valuesByVariant[v][p]);
        }
      }
      List<Problem> found = problemsOf(tree);
      if (found.isEmpty()) {
        continue;
      }
      failing++;
      if (failing <= MAX_VARIANTS_LISTED) {
        Set<String> messages = new LinkedHashSet<>();
        for (Problem p : found) {
          messages.add(p.toString());
        }
        problems.add(new Problem("variants[" + v + "]", describe(parameters, valuesByVariant[v]),
            "this combination of values makes the base scenario invalid: " + String.join("; ", messages)
                + "; narrow the parameters' values so that every combination is valid"));
      }
    }
    if (failing > MAX_VARIANTS_LISTED) {
      problems.add(new Problem("variants", null, (failing - MAX_VARIANTS_LISTED) + " more of the "
          + valuesByVariant.length + " variants are invalid in the same way"));
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

  private static String describe(List<SweepParameter> parameters, double[] values) {
    List<String> parts = new ArrayList<>();
    for (int p = 0; p < parameters.size(); p++) {
      parts.add(parameters.get(p).path() + ": " + (Double.isNaN(values[p]) ? "base" : plain(values[p])));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  /** The validator's spelling of a target's place: {@code lines[0].ramp_delay_months.mode}. */
  static String treePathText(ParameterTarget target) {
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

  static String plain(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
