package org.quartermaster.app.importer.tabular;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.importer.tabular.Mapping.ColumnRef;
import org.quartermaster.app.importer.tabular.Mapping.Layout;

/**
 * Reads and checks a YAML mapping, collecting every problem with its path in the mapping
 * ({@code columns.amount}, {@code wide.key_field}, {@code constants.year}): unknown keys and fields
 * (with the closest known one), an unknown table, required fields neither mapped nor constant, a
 * field both mapped and constant, constants that are not what their field takes. The problems are
 * {@link ImportProblem}s whose file is the mapping's name and whose column is the path. Thread-safe.
 */
public final class MappingReader {
  private static final List<String> KEYS = List.of("description", "table", "columns", "constants", "layout", "wide",
      "sheet", "header_row", "institutions", "missing_values", "skip_rows_matching", "delimiter", "decimal",
      "other_columns");

  private MappingReader() {}

  /** A mapping, or (null and) every problem that keeps it from being used. */
  public record Result(Mapping mapping, List<ImportProblem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  /** Reads the YAML text of the mapping called {@code name} (its path or shipped name, for problems). */
  public static Result read(String yaml, String name) {
    MappingNodes nodes = new MappingNodes(name);
    JsonNode root;
    try {
      root = YamlTree.read(yaml);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      return new Result(null, List.of(new ImportProblem(name, at == null ? 0 : at.getLineNr(), null, null,
          "not valid YAML: " + e.getOriginalMessage())));
    }
    if (root == null || !root.isObject()) {
      nodes.problem("", root == null ? null : root.toString(), "a mapping is a YAML map with table and columns");
      return new Result(null, nodes.problems());
    }
    root.properties().stream().map(Map.Entry::getKey).filter(key -> !KEYS.contains(key)).forEach(key -> nodes
        .problem(key, null, "unknown key" + Suggestions.hint(key, KEYS) + "; the keys are " + String.join(", ", KEYS)));
    Table table = table(root.get("table"), nodes);
    if (table == null) {
      return new Result(null, nodes.problems());
    }
    Target target = Target.of(table);
    Map<String, Mapping.DateColumns> dateColumns = new LinkedHashMap<>();
    Map<String, ColumnRef> columns = columns(root.get("columns"), target, dateColumns, nodes);
    Map<String, ColumnRef> read = new LinkedHashMap<>(columns);
    JsonNode columnsNode = root.get("columns"); // a date from columns counts as given even when it has problems
    if (columnsNode != null && columnsNode.isObject()) {
      columnsNode.properties().stream().filter(e -> e.getValue().isObject()).forEach(e -> read.put(e.getKey(), null));
    }
    Map<String, String> constants = constants(root.get("constants"), target, read, nodes);
    Layout layout = WideLayouts.read(root.get("layout"), root.get("wide"), target, read, constants, nodes);
    Integer headerRow = nodes.integer(root.get("header_row"), "header_row", 0);
    if (headerRow != null && headerRow == 0 && layout instanceof Layout.Wide) {
      nodes.problem("header_row", "0", "the wide layout reads keys from the header: it needs a header row");
    }
    required(target, read.keySet(), constants, nodes);
    Mapping mapping = new Mapping(table, columns, constants, layout, nodes.sheet(root.get("sheet")), headerRow,
        nodes.texts(root.get("institutions"), "institutions"), nodes.texts(root.get("missing_values"),
            "missing_values"), nodes.patterns(root.get("skip_rows_matching")), nodes.delimiter(root.get("delimiter")),
        nodes.decimal(root.get("decimal")), dateColumns, nodes.refs(root.get("other_columns"), "other_columns"));
    if (nodes.problems().isEmpty()) {
      checkConstants(mapping, target, nodes);
    }
    return nodes.problems().isEmpty() ? new Result(mapping, List.of()) : new Result(null, nodes.problems());
  }

  private static Table table(JsonNode node, MappingNodes nodes) {
    List<String> names = Arrays.stream(Table.values()).filter(Table::mappable).map(Table::cliName).toList();
    if (node == null || !node.isTextual()) {
      nodes.problem("table", node == null ? null : node.toString(), "table is required: one of "
          + String.join(", ", names));
      return null;
    }
    for (Table table : Table.values()) {
      if (table.mappable() && table.cliName().equals(node.asText().trim())) {
        return table;
      }
    }
    nodes.problem("table", node.asText(), "unknown table" + Suggestions.hint(node.asText(), names)
        + "; the tables are " + String.join(", ", names));
    return null;
  }

  /** The columns fields are read from; a date built from a year and a month column goes to {@code dateColumns}. */
  private static Map<String, ColumnRef> columns(JsonNode node, Target target,
      Map<String, Mapping.DateColumns> dateColumns, MappingNodes nodes) {
    Map<String, ColumnRef> columns = new LinkedHashMap<>();
    if (node == null || !nodes.isMap(node, "columns")) {
      return columns;
    }
    node.properties().forEach(entry -> {
      String path = "columns." + entry.getKey();
      if (entry.getValue().isObject() && nodes.knownField(entry.getKey(), path, target)) {
        Mapping.DateColumns date = DateFromColumns.read(entry.getValue(), path, target.field(entry.getKey()), nodes);
        if (date != null) {
          dateColumns.put(entry.getKey(), date);
        }
      } else if (nodes.knownField(entry.getKey(), path, target)) {
        ColumnRef ref = nodes.ref(entry.getValue(), path);
        if (ref != null) {
          columns.put(entry.getKey(), ref);
        }
      }
    });
    return columns;
  }

  private static Map<String, String> constants(JsonNode node, Target target, Map<String, ColumnRef> columns,
      MappingNodes nodes) {
    Map<String, String> constants = new LinkedHashMap<>();
    if (node == null || !nodes.isMap(node, "constants")) {
      return constants;
    }
    node.properties().forEach(entry -> {
      String path = "constants." + entry.getKey();
      if (!nodes.knownField(entry.getKey(), path, target)) {
        return;
      }
      JsonNode value = entry.getValue();
      if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
        nodes.problem(path, value.toString(), "a constant is one value (text or number)");
      } else if (columns.containsKey(entry.getKey())) {
        nodes.problem(path, value.asText(), entry.getKey() + " is also mapped in columns; keep one of the two");
      } else {
        constants.put(entry.getKey(), value.asText());
      }
    });
    return constants;
  }

  private static void required(Target target, java.util.Set<String> columns, Map<String, String> constants,
      MappingNodes nodes) {
    List<String> given = new ArrayList<>(columns);
    given.addAll(constants.keySet());
    given.addAll(nodes.wideFields());
    for (List<TargetField> group : target.required()) {
      if (group.stream().noneMatch(f -> given.contains(f.fieldName()))) {
        String first = group.getFirst().fieldName();
        String alternatives = String.join(" or ", group.stream().map(TargetField::fieldName).toList());
        nodes.problem("columns." + first, null, alternatives + " is required for table " + target.table().cliName()
            + ": map it to a column here or give it in constants");
      }
    }
  }

  /** Constants read as their fields' types, the same way cells are (a bad one is reported once, here). */
  private static void checkConstants(Mapping mapping, Target target, MappingNodes nodes) {
    Problems found = new Problems(nodes.name());
    RowValues values = new RowValues(nodes.name(), ColumnPlan.constants(mapping, target, null, null),
        RowConverter.MISSING_VALUES, Boolean.TRUE.equals(mapping.decimalComma()), false,
        new CountryResolver(Countries.standard(), mapping.institutions()), found);
    values.startRow(0, new String[0], 0);
    for (String field : mapping.constants().keySet()) {
      values.check(target, target.field(field));
    }
    nodes.problems().addAll(found.kept());
  }
}
