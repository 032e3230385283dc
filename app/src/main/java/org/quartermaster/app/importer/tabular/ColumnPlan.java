package org.quartermaster.app.importer.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartermaster.app.importer.ImportOption;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.tabular.Mapping.ColumnRef;
import org.quartermaster.app.importer.tabular.Mapping.Layout;

/**
 * A mapping applied to one header row, once: which column each field is read from (or its constant),
 * and for the wide layout the value columns with the key texts their headers give. Headers are matched
 * without case and surrounding spaces. Every column the mapping names but the header lacks is a problem.
 */
final class ColumnPlan {
  private final Binding binding;
  private final List<ValueColumn> valueColumns;
  private final int valueField;
  private final int[] keyFields;
  private final boolean estimatesMarked;
  private final List<ImportProblem> problems;
  private final List<BuiltDate> builtDates;

  /**
   * Per field ordinal: the 0-based column it is read from (-1: none), the name problems give it (the
   * header, or {@code constants.<field>}), and its constant text (null: none).
   */
  record Binding(int[] columnByField, String[] labelByField, String[] constantByField) {}

  /** A date field built from a year and a month column (0-based), named {@code label} in problems. */
  record BuiltDate(int field, int yearColumn, int monthColumn, String label) {}

  /** Wide layout: a value column and the texts its header gives the key fields, in key order. */
  record ValueColumn(int index, String header, String[] keyTexts) {}

  private ColumnPlan(Binding binding, List<ValueColumn> valueColumns, int valueField, int[] keyFields,
      boolean estimatesMarked, List<ImportProblem> problems, List<BuiltDate> builtDates) {
    this.binding = binding;
    this.builtDates = List.copyOf(builtDates);
    this.valueColumns = valueColumns;
    this.valueField = valueField;
    this.keyFields = keyFields;
    this.estimatesMarked = estimatesMarked;
    this.problems = problems;
  }

  Binding binding() {
    return binding;
  }

  List<ValueColumn> valueColumns() {
    return valueColumns;
  }

  int valueField() {
    return valueField;
  }

  int[] keyFields() {
    return keyFields;
  }

  boolean estimatesMarked() {
    return estimatesMarked;
  }

  List<ImportProblem> problems() {
    return problems;
  }

  /** The date fields built from a year and a month column (mapping {@code columns.date: {year, month}}). */
  List<BuiltDate> builtDates() {
    return builtDates;
  }

  /** Every column reference of the mapping, by its path in the mapping (columns.amount, wide.id_columns[0]). */
  static Map<String, ColumnRef> references(Mapping mapping) {
    Map<String, ColumnRef> refs = new LinkedHashMap<>();
    mapping.columns().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> refs.put("columns." + e.getKey(), e.getValue()));
    mapping.dateColumns().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      refs.put("columns." + e.getKey() + ".year", e.getValue().year());
      refs.put("columns." + e.getKey() + ".month", e.getValue().month());
    });
    if (mapping.layout() instanceof Layout.Wide wide) {
      for (int i = 0; i < wide.idColumns().size(); i++) {
        refs.put("wide.id_columns[" + i + "]", wide.idColumns().get(i));
      }
      for (int i = 0; i < wide.valueColumns().size(); i++) {
        refs.put("wide.value_columns[" + i + "]", wide.valueColumns().get(i));
      }
    }
    return refs;
  }

  /** How many of the mapping's header names the row has (a header row has all of them). */
  static int headersFound(Mapping mapping, String[] cells, int count) {
    Set<String> present = new HashSet<>();
    for (int i = 0; i < count; i++) {
      if (cells[i] != null) {
        present.add(key(cells[i]));
      }
    }
    int found = 0;
    for (String name : headerNames(mapping)) {
      found += present.contains(name) ? 1 : 0;
    }
    return found;
  }

  /** The mapping's header names (references that are not column numbers or letters), as matched. */
  static Set<String> headerNames(Mapping mapping) {
    Set<String> names = new HashSet<>();
    for (ColumnRef ref : references(mapping).values()) {
      if (ref.isHeaderOnly()) {
        names.add(key(ref.text()));
      }
    }
    return names;
  }

  /** Only the mapping's constants (and the request's), for checking them before any row is read. */
  static Binding constants(Mapping mapping, Target target, String sourceUrl, String vintage) {
    int n = target.fields().size();
    int[] columns = new int[n];
    Arrays.fill(columns, -1);
    String[] labels = new String[n];
    String[] constants = new String[n];
    for (TargetField field : target.fields()) {
      labels[field.ordinal()] = field.fieldName();
    }
    mapping.constants().forEach((name, value) -> {
      int i = target.field(name).ordinal();
      constants[i] = value;
      labels[i] = "constants." + name;
    });
    if (sourceUrl != null) {
      override(target, "source_url", sourceUrl, ImportOption.SOURCE_URL.mark(), labels, constants, mapping);
    }
    if (vintage != null) {
      override(target, "vintage", vintage, ImportOption.VINTAGE.mark(), labels, constants, mapping);
      override(target, "vintage_month", vintage, ImportOption.VINTAGE.mark(), labels, constants, mapping);
    }
    return new Binding(columns, labels, constants);
  }

  /**
   * The plan for a header row ({@code header} null: the file has none, columns are numbers or
   * letters). {@code headerRow} is the row's number, for problems.
   */
  static ColumnPlan resolve(String file, int headerRow, String[] header, int count, Mapping mapping, Target target,
      String sourceUrl, String vintage) {
    List<ImportProblem> problems = new ArrayList<>();
    Binding binding = constants(mapping, target, sourceUrl, vintage);
    HeaderRow headers = new HeaderRow(file, headerRow, header, count, problems);
    Set<Integer> used = new HashSet<>();
    mapping.columns().forEach((name, ref) -> {
      int column = headers.find(ref, "columns." + name);
      int i = target.field(name).ordinal();
      binding.columnByField()[i] = column;
      binding.labelByField()[i] = column < 0 ? name : headers.label(column);
      used.add(column);
    });
    List<BuiltDate> builtDates = new ArrayList<>();
    mapping.dateColumns().forEach((name, date) -> {
      int year = headers.find(date.year(), "columns." + name + ".year");
      int month = headers.find(date.month(), "columns." + name + ".month");
      used.add(year);
      used.add(month);
      if (year >= 0 && month >= 0) {
        builtDates.add(new BuiltDate(target.field(name).ordinal(), year, month,
            headers.label(year) + "+" + headers.label(month)));
      }
    });
    if (!(mapping.layout() instanceof Layout.Wide wide)) {
      return new ColumnPlan(binding, List.of(), -1, new int[0], false, problems, builtDates);
    }
    for (int i = 0; i < wide.idColumns().size(); i++) {
      used.add(headers.find(wide.idColumns().get(i), "wide.id_columns[" + i + "]"));
    }
    List<Integer> valueIndexes = new ArrayList<>();
    for (int i = 0; i < wide.valueColumns().size(); i++) {
      valueIndexes.add(headers.find(wide.valueColumns().get(i), "wide.value_columns[" + i + "]"));
    }
    Set<String> otherColumns = new HashSet<>();
    mapping.otherColumns().forEach(ref -> otherColumns.add(key(ref.text())));
    if (wide.valueColumns().isEmpty()) {
      for (int c = 0; c < count; c++) {
        if (!used.contains(c) && header != null && header[c] != null && !otherColumns.contains(key(header[c])) && header[c] != null && !RowValues.trim(header[c]).isEmpty()) {
          valueIndexes.add(c);
        }
      }
    }
    int[] keyFields = wide.keyFields().stream().mapToInt(k -> target.field(k).ordinal()).toArray();
    List<ValueColumn> valueColumns = new ArrayList<>();
    boolean estimatesMarked = false;
    for (int column : valueIndexes) {
      if (column < 0) {
        continue;
      }
      String text = headers.label(column);
      String[] parts = wide.keySeparator() == null ? new String[] {text}
          : text.split(Pattern.quote(wide.keySeparator()), -1);
      String trouble = keyTrouble(parts, wide, target);
      if (trouble != null) {
        problems.add(new ImportProblem(file, headerRow, text, text, trouble
            + "; list the value columns under wide.value_columns to leave this one out"));
        continue;
      }
      for (int k = 0; k < parts.length; k++) {
        parts[k] = RowValues.trim(parts[k]);
        estimatesMarked |= target.fields().get(keyFields[k]).type() == FieldType.YEAR
            && Periods.markedEstimate(parts[k]);
      }
      valueColumns.add(new ValueColumn(column, text, parts));
    }
    int valueField = target.field(wide.valueField()).ordinal();
    return new ColumnPlan(binding, List.copyOf(valueColumns), valueField, keyFields, estimatesMarked, problems,
        builtDates);
  }

  private static String keyTrouble(String[] parts, Layout.Wide wide, Target target) {
    if (parts.length != wide.keyFields().size()) {
      return "the header does not split at '" + wide.keySeparator() + "' into " + String.join(" and ",
          wide.keyFields());
    }
    for (int k = 0; k < parts.length; k++) {
      String part = RowValues.trim(parts[k]);
      TargetField field = target.field(wide.keyFields().get(k));
      if (part.isEmpty()) {
        return "the header gives no " + field.fieldName();
      }
      if (field.type() == FieldType.YEAR && Periods.year(part) < 0) {
        return "the header is not a year (" + field.fieldName() + "): write YYYY, or 2023e for an estimate";
      }
    }
    return null;
  }

  /** A value given with the import (--source-url, --vintage): it replaces the mapping's constant. */
  private static void override(Target target, String name, String value, String label, String[] labels,
      String[] constants, Mapping mapping) {
    if (!mapping.columns().containsKey(name)) {
      int i = target.field(name).ordinal();
      constants[i] = value;
      labels[i] = label;
    }
  }

  static String key(String header) {
    return RowValues.trim(header).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Spreadsheet letters of 0-based columns: 0 → A, 26 → AA. */
  static String letters(List<Integer> columns) {
    List<String> out = new ArrayList<>();
    for (int column : columns) {
      StringBuilder b = new StringBuilder();
      for (int c = column + 1; c > 0; c = (c - 1) / 26) {
        b.insert(0, (char) ('A' + (c - 1) % 26));
      }
      out.add(b.toString());
    }
    return String.join(", ", out);
  }
}
