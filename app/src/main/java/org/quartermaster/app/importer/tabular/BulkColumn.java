package org.quartermaster.app.importer.tabular;

import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A column of the file as the bulk path reads it from the staging table (its cells are {@code c<index>}).
 * A raw column's distinct texts are converted by the Java path itself; a passed-through column's
 * plain cells ({@link Target#passedThrough}) are converted by SQL, and only its other cells by Java.
 *
 * @param index         the 0-based column
 * @param passedThrough the field whose plain cells SQL converts, or null for a raw column
 */
record BulkColumn(int index, TargetField passedThrough) {

  String cell() {
    return "c" + index;
  }

  /** The name of the staging table's column saying whether the cell is plain (passed-through columns only). */
  String plain() {
    return "p" + index;
  }

  /** The name of its column in the signatures table. */
  String signature() {
    return "s" + index;
  }

  /**
   * SQL (over the staging table's cells) telling whether a passed-through cell is plain: it matches
   * the field type's pattern and is none of the {@code missing} texts, which mean "no value"
   * (lower-case). The values of the statement's parameters are appended to {@code parameters}.
   */
  String plainSql(List<String> missing, List<String> parameters) {
    Plain plain = Plain.of(passedThrough.type());
    StringBuilder sql = new StringBuilder();
    if (plain == Plain.NUMBER) {
      sql.append("length(").append(cell()).append(") <= 200 AND ");
    }
    sql.append("regexp_full_match(").append(cell()).append(", '").append(plain.regex).append("')");
    List<String> alike = missing.stream().filter(m -> plain.pattern.matcher(m).matches()).toList();
    if (!alike.isEmpty()) {
      sql.append(" AND lower(").append(cell()).append(") NOT IN (")
          .append(String.join(", ", Collections.nCopies(alike.size(), "?"))).append(')');
      parameters.addAll(alike);
    }
    return sql.toString();
  }

  /**
   * SQL for the cell as the signature holds it: the cell, or for a passed-through column the empty
   * text when the cell is plain (an empty cell is null in the staging table, never empty text).
   */
  String signatureSql(String staging) {
    String cell = staging + "." + cell();
    return passedThrough == null ? cell : "CASE WHEN " + staging + "." + plain() + " THEN '' ELSE " + cell + " END";
  }

  /** SQL for the table column's value: the plain cell converted, else what Java made of the cell. */
  String valueSql(String staging, String converted, String sqlType) {
    String cell = staging + "." + cell();
    String value = passedThrough.type() == FieldType.TEXT ? cell : "CAST(" + cell + " AS " + sqlType + ")";
    return "CASE WHEN " + staging + "." + plain() + " THEN " + value + " ELSE " + converted + "."
        + passedThrough.fieldName() + " END";
  }

  /**
   * What the Java path is given for a plain cell: any plain cell does, as only SQL's value of it is
   * kept; one that is not a missing value.
   */
  String representative(List<String> missing) {
    String value = Plain.of(passedThrough.type()).example;
    while (missing.contains(value)) {
      value = value + "1";
    }
    return value;
  }

  /** What a plain cell is, per field type (SQL and Java regular expressions mean the same here). */
  private enum Plain {
    NUMBER("-?[0-9]+(\\.[0-9]+)?", "1"),
    INTEGER("-?[0-9]{1,9}", "1"),
    YEAR("[0-9]{4}", "2000"),
    /** Printable ASCII, no space at either end: Java's and DuckDB's lower case agree on it. */
    TEXT("[\\x21-\\x7E]([\\x20-\\x7E]*[\\x21-\\x7E])?", "x");

    final String regex;
    final Pattern pattern;
    final String example;

    Plain(String regex, String example) {
      this.regex = regex;
      this.pattern = Pattern.compile(regex);
      this.example = example;
    }

    static Plain of(FieldType type) {
      return switch (type) {
        case NUMBER -> NUMBER;
        case INTEGER -> INTEGER;
        case YEAR -> YEAR;
        case TEXT -> TEXT;
        case WORD, FLAG, ESTIMATE, DATE, MONTH, COUNTRY, ISO3, QUANTITY ->
            throw new IllegalStateException(type + " cells cannot pass through SQL");
      };
    }
  }
}
