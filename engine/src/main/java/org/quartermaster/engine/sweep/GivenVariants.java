package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Variants given by a caller rather than drawn by the sweep file's design (a sensitivity method's), as
 * {@link Sweep#withVariants} takes them, in a form that travels: JSON
 * {@code {"design": LABEL, "values": [[v0p0, v0p1, ...], ...]}}, null for NaN (the base scenario's value).
 * A double is written in its shortest form, which reads back as the same double, so a sweep rebuilt
 * elsewhere from the JSON has the variants of this one to the last bit.
 *
 * @param design          how the design reads in a summary
 * @param valuesByVariant [variant][parameter], as given to {@link Sweep#withVariants}
 */
public record GivenVariants(String design, double[][] valuesByVariant) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The sweep with these variants ({@link Sweep#withVariants}). */
  public Sweep applyTo(Sweep sweep) {
    return sweep.withVariants(valuesByVariant, design);
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("design", design);
    ArrayNode variants = root.putArray("values");
    for (double[] values : valuesByVariant) {
      ArrayNode row = variants.addArray();
      for (double value : values) {
        if (Double.isNaN(value)) {
          row.addNull();
        } else {
          row.add(value);
        }
      }
    }
    return root.toString();
  }

  /**
   * The variants of {@link #toJson}'s text.
   *
   * @param parameters the parameters each variant must give a value (or null) for
   * @throws IllegalArgumentException saying what is wrong, for any other text
   */
  public static GivenVariants parse(String json, int parameters) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.path("design").isTextual() || !root.path("values").isArray()) {
      throw new IllegalArgumentException("expected {\"design\": LABEL, \"values\": [[...], ...]}");
    }
    JsonNode variants = root.get("values");
    double[][] values = new double[variants.size()][];
    for (int v = 0; v < values.length; v++) {
      JsonNode row = variants.get(v);
      if (!row.isArray() || row.size() != parameters) {
        throw new IllegalArgumentException("values[" + v + "] must list " + parameters + " values (one per"
            + " parameter, null for the base scenario's), got " + row);
      }
      values[v] = new double[parameters];
      for (int p = 0; p < parameters; p++) {
        JsonNode value = row.get(p);
        if (!value.isNull() && !value.isNumber()) {
          throw new IllegalArgumentException("values[" + v + "][" + p + "] must be a number or null, got " + value);
        }
        values[v][p] = value.isNull() ? Double.NaN : value.doubleValue();
      }
    }
    if (values.length == 0 || values.length > Sweep.MAX_VARIANTS) {
      throw new IllegalArgumentException("expected 1 to " + Sweep.MAX_VARIANTS + " variants, got " + values.length);
    }
    return new GivenVariants(root.get("design").asText(), values);
  }
}
