package org.quartermaster.app.query;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@link ResultFormat#TABLE} layout: title, aligned columns (units in the headers, numbers right
 * aligned, {@link Column.Display#DETAIL} columns left out, source URLs as {@code [n]}), the row count,
 * then the vintages used, the sources and the notes. Text longer than {@value #MAX_TEXT} characters is
 * shortened with an ellipsis in the table only.
 */
final class TextTable {
  static final int MAX_TEXT = 60;
  private static final String NONE = "-";

  private TextTable() {}

  static void write(QueryResult result, Writer out) throws IOException {
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < result.columns().size(); i++) {
      if (result.columns().get(i).display() != Column.Display.DETAIL) {
        shown.add(i);
      }
    }
    List<String[]> cells = new ArrayList<>();
    String[] header = new String[shown.size()];
    for (int c = 0; c < shown.size(); c++) {
      header[c] = result.columns().get(shown.get(c)).header();
    }
    cells.add(header);
    for (List<Object> row : result.rows()) {
      String[] line = new String[shown.size()];
      for (int c = 0; c < shown.size(); c++) {
        line[c] = cell(result, result.columns().get(shown.get(c)), row.get(shown.get(c)));
      }
      cells.add(line);
    }
    int[] width = new int[shown.size()];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        width[c] = Math.max(width[c], line[c].length());
      }
    }
    StringBuilder text = new StringBuilder(result.title()).append('\n').append('\n');
    for (int r = 0; r < cells.size(); r++) {
      appendLine(text, result, shown, cells.get(r), width);
      if (r == 0) {
        String[] rule = new String[width.length];
        for (int c = 0; c < width.length; c++) {
          rule[c] = "-".repeat(width[c]);
        }
        appendLine(text, result, shown, rule, width);
      }
    }
    int n = result.rows().size();
    text.append('\n').append(n).append(n == 1 ? " row.\n" : " rows.\n");
    if (!result.vintages().isEmpty()) {
      text.append(result.vintages().size() == 1 ? "Vintage used:\n" : "Vintages used:\n");
      result.vintages().forEach(v -> text.append("  ").append(v.describe()).append('\n'));
    }
    if (!result.sources().isEmpty()) {
      text.append("Sources:\n");
      for (int i = 0; i < result.sources().size(); i++) {
        text.append("  [").append(i + 1).append("] ").append(result.sources().get(i).describe()).append('\n');
      }
    }
    if (!result.notes().isEmpty()) {
      text.append("Notes:\n");
      result.notes().forEach(note -> text.append("  ").append(note).append('\n'));
    }
    out.write(text.toString());
  }

  private static void appendLine(StringBuilder text, QueryResult result, List<Integer> shown, String[] line,
      int[] width) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < line.length; c++) {
      if (c > 0) {
        out.append("  ");
      }
      boolean right = result.columns().get(shown.get(c)).display() == Column.Display.NUMBER;
      String padding = " ".repeat(width[c] - line[c].length());
      out.append(right ? padding + line[c] : line[c] + padding);
    }
    text.append(out.toString().stripTrailing()).append('\n');
  }

  private static String cell(QueryResult result, Column column, Object value) {
    if (value == null) {
      return NONE;
    }
    return switch (column.display()) {
      case SOURCE -> {
        int index = sourceIndex(result, value.toString());
        yield index < 0 ? shorten(value.toString()) : "[" + (index + 1) + "]";
      }
      case NUMBER -> number(value, column.decimals());
      case TEXT, DETAIL -> shorten(value.toString());
    };
  }

  private static int sourceIndex(QueryResult result, String url) {
    for (int i = 0; i < result.sources().size(); i++) {
      if (url.equals(result.sources().get(i).url())) {
        return i;
      }
    }
    return -1;
  }

  private static String number(Object value, int decimals) {
    if (!(value instanceof Number number)) {
      return shorten(value.toString());
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double x = number.doubleValue();
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        return number.toString();
      }
      if (decimals >= 0) {
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
      }
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return number.toString();
  }

  private static String shorten(String text) {
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT - 1) + "…";
  }
}
