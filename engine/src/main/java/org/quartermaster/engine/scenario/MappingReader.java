package org.quartermaster.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed fields from one YAML mapping, recording a {@link Problem} (with the field's path and
 * value) for every field that is missing, of the wrong type or out of range, and for every unknown
 * key. Getters return {@code null} when the field is absent or had a problem, so the caller can go
 * on and collect the problems of the other fields.
 *
 * <p>A misspelt key ({@code transfer} where {@code transfers} is known, and {@code transfers} is not
 * written) is reported once, as an unknown key with the suggestion, and its value is then read as
 * the suggested key's, under the path as written: the problems inside it ({@code transfer[0].to}
 * naming an undeclared holder) are reported in the same pass instead of hiding behind the typo,
 * and the suggested key is not reported missing as well.
 */
final class MappingReader {
  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final JsonNode node;
  private final String path;
  private final List<Problem> problems;
  /** Known key → the misspelt key written in its place, whose value stands in for it. */
  private final Map<String, String> writtenFor = new HashMap<>();

  /** @param knownKeys the keys allowed here, or {@code null} where the keys are data (a line's shares) */
  MappingReader(JsonNode node, String path, List<Problem> problems, List<String> knownKeys) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    if (knownKeys != null) {
      reportUnknownKeys(knownKeys);
    }
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    String written = written(key);
    return path.isEmpty() ? written : path + "." + written;
  }

  boolean has(String key) {
    JsonNode value = get(key);
    return value != null && !value.isNull();
  }

  JsonNode get(String key) {
    return node.get(written(key));
  }

  private String written(String key) {
    return writtenFor.getOrDefault(key, key);
  }

  void problem(String key, String message) {
    JsonNode value = get(key);
    problems.add(new Problem(pathOf(key), value == null ? null : render(value), message));
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

  String text(String key, boolean required) {
    if (!present(key, required)) {
      return null;
    }
    JsonNode value = get(key);
    if (!value.isValueNode() || value.asText().isEmpty()) {
      problem(key, "must be a non-empty text");
      return null;
    }
    return value.asText();
  }

  String slug(String key, boolean required) {
    String text = text(key, required);
    if (text != null && !SLUG.matcher(text).matches()) {
      problem(key, "must be a slug: a letter or digit, then letters, digits, '_', '.' or '-'");
      return null;
    }
    return text;
  }

  /** An integer (an integral number such as 12.0 is accepted) of at least {@code min}. */
  Long integer(String key, boolean required, long min) {
    if (!present(key, required)) {
      return null;
    }
    JsonNode value = get(key);
    if (!value.isNumber() || !isIntegral(value)) {
      problem(key, "must be an integer");
      return null;
    }
    if (!value.canConvertToLong()) {
      problem(key, "must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
      return null;
    }
    long n = value.asLong();
    if (n < min) {
      problem(key, "must be at least " + min);
      return null;
    }
    return n;
  }

  /** A finite number in [min, max] (or (min, max] when {@code minExclusive}). */
  Double number(String key, boolean required, double min, boolean minExclusive, double max) {
    if (!present(key, required)) {
      return null;
    }
    JsonNode value = get(key);
    if (!value.isNumber()) {
      problem(key, "must be a number");
      return null;
    }
    double x = value.asDouble();
    if (!Double.isFinite(x)) {
      problem(key, "must be finite");
      return null;
    }
    if (minExclusive && !(x > min)) {
      problem(key, "must be greater than " + plain(min));
      return null;
    }
    if (!minExclusive && x < min) {
      problem(key, "must be at least " + plain(min));
      return null;
    }
    if (x > max) {
      problem(key, "must be at most " + plain(max));
      return null;
    }
    return x;
  }

  /** The mapping under {@code key}, or {@code null} (with a problem when it is not a mapping). */
  MappingReader mapping(String key, boolean required, List<String> knownKeys) {
    if (!present(key, required)) {
      return null;
    }
    JsonNode value = get(key);
    if (!value.isObject()) {
      problem(key, "must be a mapping (key: value pairs)");
      return null;
    }
    return new MappingReader(value, pathOf(key), problems, knownKeys);
  }

  /** The mappings of the list under {@code key}; entries that are not mappings are problems. */
  List<MappingReader> listOfMappings(String key, boolean required, List<String> knownKeys) {
    List<MappingReader> out = new ArrayList<>();
    if (!present(key, required)) {
      return out;
    }
    JsonNode value = get(key);
    if (!value.isArray()) {
      problem(key, "must be a list");
      return out;
    }
    for (int k = 0; k < value.size(); k++) {
      JsonNode entry = value.get(k);
      String entryPath = pathOf(key) + "[" + k + "]";
      if (entry.isObject()) {
        out.add(new MappingReader(entry, entryPath, problems, knownKeys));
      } else {
        problems.add(new Problem(entryPath, render(entry), "must be a mapping (key: value pairs)"));
      }
    }
    return out;
  }

  /** The keys of this mapping, in the order written. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  boolean isEmpty() {
    return node.isEmpty();
  }

  static String render(JsonNode value) {
    return value.toString();
  }

  private void reportUnknownKeys(List<String> knownKeys) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!knownKeys.contains(key)) {
        Optional<String> meant = Suggestions.closest(key, knownKeys);
        String hint = meant.map(k -> "; did you mean '" + k + "'?")
            .orElse("; known keys here: " + String.join(", ", knownKeys));
        problems.add(new Problem(pathOf(key), render(node.get(key)), "unknown key" + hint));
        meant.filter(k -> !node.has(k) && !writtenFor.containsKey(k)).ifPresent(k -> writtenFor.put(k, key));
      }
    }
  }

  private static boolean isIntegral(JsonNode value) {
    if (value.isIntegralNumber()) {
      return true;
    }
    double x = value.asDouble();
    return Double.isFinite(x) && x == Math.rint(x);
  }

  private static String plain(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}
