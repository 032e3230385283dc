package org.quartermaster.app.munitions.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Every number of a scenario's YAML by its {@link Paths path} (lines by id, stocks by holder/item, other
 * lists by position): what a rebuild compares, and what a test compares with the numbers a build wrote.
 */
final class ScenarioNumbers {
  private static final YAMLMapper YAML = new YAMLMapper();

  private ScenarioNumbers() {}

  /** @throws IllegalArgumentException when {@code yaml} is not YAML */
  static Map<String, Double> of(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
    }
    Map<String, Double> numbers = new LinkedHashMap<>();
    walk(root, "", numbers);
    return numbers;
  }

  private static void walk(JsonNode node, String path, Map<String, Double> numbers) {
    if (node == null) {
      return;
    }
    if (node.isNumber()) {
      numbers.put(path, node.doubleValue());
    } else if (node.isObject()) {
      for (Entry<String, JsonNode> field : node.properties()) {
        walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), numbers);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode e = node.get(i);
        String key = switch (path) {
          case "lines" -> e.path("id").asText(String.valueOf(i));
          case "stocks" -> e.path("holder").asText() + "/" + e.path("item").asText();
          default -> String.valueOf(i);
        };
        walk(e, path + "[" + key + "]", numbers);
      }
    }
  }
}
