package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.DoubleFunction;
import org.quartermaster.engine.simulation.ScenarioPatch;

/**
 * One scenario value a sweep parameter sets: where it is in the scenario file (for validation, by
 * setting it in the parsed tree) and the compiled value it patches (for running).
 *
 * @param path     the value's path with human ids, e.g. {@code lines[us-155-total].surge_per_month}
 * @param treePath the same place in the file: mapping keys and list indices, last a key
 * @param integer  whether the field takes whole numbers (drawn values are rounded to the nearest)
 * @param patch    the compiled patch for a value
 */
public record ParameterTarget(String path, List<Object> treePath, boolean integer,
    DoubleFunction<ScenarioPatch> patch) {
  public ParameterTarget {
    treePath = List.copyOf(treePath);
  }

  /** The value as it is applied: rounded for integer fields. */
  public double applied(double value) {
    return integer ? Math.rint(value) : value;
  }

  /**
   * Writes {@code value} into a scenario tree. A missing {@code ramp_delay_months} or
   * {@code disruption} mapping is first added with its MODEL.md default (all zeros).
   */
  public void write(JsonNode root, double value) {
    JsonNode node = root;
    for (int k = 0; k < treePath.size() - 1; k++) {
      Object step = treePath.get(k);
      JsonNode next = step instanceof Integer index ? node.get(index) : node.get((String) step);
      if (next == null || next.isNull()) {
        ObjectNode created = ((ObjectNode) node).putObject((String) step);
        for (String key : defaultKeys((String) step)) {
          created.put(key, 0);
        }
        next = created;
      }
      node = next;
    }
    String key = (String) treePath.get(treePath.size() - 1);
    double applied = applied(value);
    if (integer) {
      ((ObjectNode) node).put(key, (long) applied);
    } else {
      ((ObjectNode) node).put(key, applied);
    }
  }

  private static List<String> defaultKeys(String mapping) {
    return switch (mapping) {
      case "ramp_delay_months" -> List.of("min", "mode", "max");
      case "disruption" -> List.of("probability", "cut");
      default -> List.of();
    };
  }
}
