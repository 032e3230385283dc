package org.quartermaster.app.importer.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.importer.tabular.Mapping.ColumnRef;
import org.quartermaster.app.importer.tabular.Mapping.Layout;

/** Reads a mapping's {@code layout} and {@code wide} block. */
final class WideLayouts {
  private static final List<String> WIDE_KEYS =
      List.of("id_columns", "value_columns", "value_field", "key_field", "key_fields", "key_separator");

  private WideLayouts() {}

  /** The layout of {@code layout:} and {@code wide:}; long (with problems) when the wide block is unusable. */
  static Layout read(JsonNode layoutNode, JsonNode wideNode, Target target, Map<String, ColumnRef> columns,
      Map<String, String> constants, MappingNodes nodes) {
    String layout = layoutNode == null ? (wideNode == null ? "long" : "wide") : layoutNode.asText();
    if (layout.equals("long")) {
      if (wideNode != null) {
        nodes.problem("wide", null, "a wide block needs layout: wide");
      }
      return new Layout.Long();
    }
    if (!layout.equals("wide")) {
      nodes.problem("layout", layout, "the layout is long (one row per file row) or wide (one row per value cell)");
      return new Layout.Long();
    }
    if (wideNode == null || !nodes.isMap(wideNode, "wide")) {
      nodes.problem("wide", null, "layout: wide needs a wide block, e.g. wide: {value_field: pct_gdp, key_field: year}");
      return new Layout.Long();
    }
    wideNode.properties().stream().map(Map.Entry::getKey).forEach(key -> {
      if (!WIDE_KEYS.contains(key)) {
        nodes.problem("wide." + key, null, "unknown key" + Suggestions.hint(key, WIDE_KEYS) + "; the keys are "
            + String.join(", ", WIDE_KEYS));
      }
    });
    String valueField = wideField(wideNode.get("value_field"), "wide.value_field", target, columns, constants, nodes);
    List<String> keyFields = new ArrayList<>();
    JsonNode keyField = wideNode.get("key_field");
    JsonNode keyFieldList = wideNode.get("key_fields");
    if ((keyField == null) == (keyFieldList == null)) {
      nodes.problem("wide.key_field", null, "give key_field (one field, e.g. year) or key_fields (a list), not both");
    } else if (keyField != null) {
      keyFields.add(wideField(keyField, "wide.key_field", target, columns, constants, nodes));
    } else {
      List<String> names = nodes.texts(keyFieldList, "wide.key_fields");
      for (int i = 0; i < names.size(); i++) {
        keyFields.add(wideField(keyFieldList.get(i), "wide.key_fields[" + i + "]", target, columns, constants, nodes));
      }
    }
    JsonNode separatorNode = wideNode.get("key_separator");
    String separator = separatorNode == null ? null : separatorNode.asText();
    if (keyFields.size() > 1 && (separator == null || separator.isEmpty())) {
      nodes.problem("wide.key_separator", null, "two or more key fields need the text that separates them in a header, "
          + "e.g. key_separator: \"_\"");
    }
    if (keyFields.contains(valueField) && valueField != null) {
      nodes.problem("wide.value_field", valueField, valueField + " is also a key field");
    }
    if (valueField == null || keyFields.contains(null) || keyFields.isEmpty()) {
      return new Layout.Long();
    }
    return new Layout.Wide(nodes.refs(wideNode.get("id_columns"), "wide.id_columns"),
        nodes.refs(wideNode.get("value_columns"), "wide.value_columns"), valueField, keyFields,
        keyFields.size() > 1 ? separator : null);
  }

  private static String wideField(JsonNode node, String path, Target target, Map<String, ColumnRef> columns,
      Map<String, String> constants, MappingNodes nodes) {
    if (node == null || !node.isTextual()) {
      nodes.problem(path, node == null ? null : node.toString(), "a field name is required here");
      return null;
    }
    String field = node.asText();
    if (!nodes.knownField(field, path, target)) {
      return null;
    }
    nodes.wideFields().add(field);
    if (columns.containsKey(field) || constants.containsKey(field)) {
      nodes.problem(path, field, field + " comes from the value columns, so it cannot also be in "
          + (columns.containsKey(field) ? "columns" : "constants"));
      return null;
    }
    return field;
  }
}
