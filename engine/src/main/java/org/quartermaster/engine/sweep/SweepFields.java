package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.Suggestions;

/**
 * Reads typed fields of one mapping of a sweep file, adding a {@link Problem} (path, value, what to do)
 * for each field that is missing, mistyped or out of range and for each unknown key, so that every
 * problem of the file is reported at once. Getters return null after a problem.
 */
public final class SweepFields {
  private final JsonNode node;
  private final String path;
  private final List<Problem> problems;

  public SweepFields(JsonNode node, String path, List<Problem> problems, List<String> knownKeys) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!knownKeys.contains(key)) {
        String hint = Suggestions.closest(key, knownKeys).map(k -> "; did you mean '" + k + "'?")
            .orElse("; known keys here: " + String.join(", ", knownKeys));
        problems.add(new Problem(pathOf(key), render(node.get(key)), "unknown key" + hint));
      }
    }
  }

  public String path() {
    return path;
  }

  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  public JsonNode get(String key) {
    return node.get(key);
  }

  public void problem(String key, String message) {
    problems.add(new Problem(pathOf(key), has(key) ? render(node.get(key)) : null, message));
  }

  public String text(String key, boolean required) {
    if (!present(key, required)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!value.isValueNode() || value.asText().isEmpty()) {
      problem(key, "must be a non-empty text");
      return null;
    }
    return value.asText();
  }

  /** An integer in [min, max] (12.0 is accepted as 12). */
  public Long integer(String key, boolean required, long min, long max) {
    if (!present(key, required)) {
      return null;
    }
    JsonNode value = node.get(key);
    double x = value.asDouble();
    if (!value.isNumber() || !(value.isIntegralNumber() || Double.isFinite(x) && x == Math.rint(x))) {
      problem(key, "must be an integer");
      return null;
    }
    if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
      problem(key, "must be an integer from " + min + " to " + max);
      return null;
    }
    return value.asLong();
  }

  /** A finite number. */
  public Double number(String key, boolean required) {
    if (!present(key, required)) {
      return null;
    }
    return finite(node.get(key), pathOf(key));
  }

  /** A non-empty list of finite numbers. */
  public List<Double> numbers(String key) {
    if (!present(key, true)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!value.isArray() || value.isEmpty()) {
      problem(key, "must be a non-empty list of numbers, e.g. [50000, 75000, 100000]");
      return null;
    }
    List<Double> out = new ArrayList<>();
    for (int k = 0; k < value.size(); k++) {
      Double x = finite(value.get(k), pathOf(key) + "[" + k + "]");
      if (x == null) {
        return null;
      }
      out.add(x);
    }
    return out;
  }

  /** The mapping under {@code key}, or null (with a problem when it is not one). */
  public SweepFields mapping(String key, boolean required, List<String> knownKeys) {
    if (!present(key, required)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!value.isObject()) {
      problem(key, "must be a mapping (key: value pairs)");
      return null;
    }
    return new SweepFields(value, pathOf(key), problems, knownKeys);
  }

  public static String render(JsonNode value) {
    return value.toString();
  }

  private Double finite(JsonNode value, String at) {
    if (!value.isNumber()) {
      problems.add(new Problem(at, render(value), "must be a number"));
      return null;
    }
    if (!Double.isFinite(value.asDouble())) {
      problems.add(new Problem(at, render(value), "must be finite"));
      return null;
    }
    return value.asDouble();
  }

  private boolean present(String key, boolean required) {
    if (has(key)) {
      return true;
    }
    if (required) {
      problems.add(new Problem(pathOf(key), null, "is required"));
    }
    return false;
  }
}
