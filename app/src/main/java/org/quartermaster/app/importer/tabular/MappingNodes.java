package org.quartermaster.app.importer.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.tabular.Mapping.ColumnRef;

/**
 * The checks of one mapping's YAML nodes: each reader returns the value or null, and adds a problem
 * at the node's path in the mapping ({@code columns.amount}) to the one list of the reading.
 */
final class MappingNodes {
  private static final Pattern COLUMN_LETTERS = Pattern.compile("[A-Z]{1,3}");

  private final String name;
  private final List<ImportProblem> problems = new ArrayList<>();
  /** The fields the wide block fills, also when it has problems (so they are not reported as missing). */
  private final List<String> wideFields = new ArrayList<>();

  MappingNodes(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  List<ImportProblem> problems() {
    return problems;
  }

  List<String> wideFields() {
    return wideFields;
  }

  ColumnRef ref(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.asInt() >= 1) {
      return new ColumnRef(node.asText(), node.asInt());
    }
    if (!node.isValueNode() || node.isNull() || node.isNumber() || node.asText().isBlank()) {
      problem(path, node.toString(), "a column is its header, its letter (C) or its 1-based number");
      return null;
    }
    String text = node.asText().trim();
    return new ColumnRef(text, COLUMN_LETTERS.matcher(text).matches() ? letterPosition(text) : 0);
  }

  List<ColumnRef> refs(JsonNode node, String path) {
    List<ColumnRef> refs = new ArrayList<>();
    if (node != null && !node.isArray()) {
      problem(path, node.toString(), "a list of columns is required here, e.g. [Country]");
    } else if (node != null) {
      for (int i = 0; i < node.size(); i++) {
        ColumnRef ref = ref(node.get(i), path + "[" + i + "]");
        if (ref != null) {
          refs.add(ref);
        }
      }
    }
    return refs;
  }

  String sheet(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isValueNode() || node.asText().isBlank() || node.isNumber() && node.asInt() < 1) {
      problem("sheet", node.toString(), "the sheet is its name or its 1-based position");
      return null;
    }
    return node.asText();
  }

  Integer integer(JsonNode node, String path, int min) {
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || node.asInt() < min) {
      problem(path, node.asText(), path + " is a whole number of at least " + min);
      return null;
    }
    return node.asInt();
  }

  List<String> texts(JsonNode node, String path) {
    List<String> texts = new ArrayList<>();
    if (node != null && !node.isArray()) {
      problem(path, node.toString(), "a list is required here, e.g. [a, b]");
    } else if (node != null) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (!item.isValueNode() || item.isNull()) {
          problem(path + "[" + i + "]", item.toString(), "a text is required here");
        } else {
          texts.add(item.asText());
        }
      }
    }
    return texts;
  }

  List<Pattern> patterns(JsonNode node) {
    List<Pattern> patterns = new ArrayList<>();
    List<String> texts = texts(node, "skip_rows_matching");
    for (int i = 0; i < texts.size(); i++) {
      try {
        patterns.add(Pattern.compile(texts.get(i)));
      } catch (PatternSyntaxException e) {
        problem("skip_rows_matching[" + i + "]", texts.get(i), "not a regular expression: " + e.getDescription());
      }
    }
    return patterns;
  }

  Character delimiter(JsonNode node) {
    if (node == null) {
      return null;
    }
    String text = node.asText();
    if (text.equals("tab") || text.equals("\t")) {
      return '\t';
    }
    if (text.length() != 1 || Character.isLetterOrDigit(text.charAt(0)) || text.equals("\"")) {
      problem("delimiter", text, "the delimiter is one character: , ; | or tab");
      return null;
    }
    return text.charAt(0);
  }

  Boolean decimal(JsonNode node) {
    if (node == null) {
      return null;
    }
    return switch (node.asText()) {
      case "comma", "," -> true;
      case "point", "." -> false;
      default -> {
        problem("decimal", node.asText(), "decimal is comma or point");
        yield null;
      }
    };
  }

  boolean isMap(JsonNode node, String path) {
    if (!node.isObject()) {
      problem(path, node.toString(), path + " is a map of field: value");
      return false;
    }
    return true;
  }

  void problem(String path, String value, String message) {
    problems.add(new ImportProblem(name, 0, path.isEmpty() ? null : path, value, message));
  }

  boolean knownField(String field, String path, Target target) {
    if (target.field(field) != null) {
      return true;
    }
    List<String> names = target.fields().stream().map(TargetField::fieldName).toList();
    problem(path, field, "unknown field for table " + target.table().cliName() + Suggestions.hint(field, names)
        + "; the fields are " + String.join(", ", names));
    return false;
  }

  private static int letterPosition(String letters) {
    int position = 0;
    for (int i = 0; i < letters.length(); i++) {
      position = position * 26 + (letters.charAt(i) - 'A' + 1);
    }
    return position;
  }
}
