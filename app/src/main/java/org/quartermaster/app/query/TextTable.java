package org.quartermaster.app.query;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ResultFormat#TABLE} layout: title, aligned columns (units in the headers, numbers right
 * aligned, {@link Column.Display#DETAIL} columns left out, source URLs as {@code [n]}), the row count,
 * then the vintages used, the sources and the notes. Text longer than {@value #MAX_TEXT} characters is
 * shortened with an ellipsis in the table only (a file path loses its start, other text its end), and when the columns would still make a line longer
 * than {@value #MAX_LINE} characters the widest text columns are narrowed (never below their header)
 * until it fits. Numbers are written by {@link TableNumbers}.
 */
final class TextTable {
  static final int MAX_TEXT = 60;
  /** A line that fits a terminal beside another window, or a printed page in landscape. */
  static final int MAX_LINE = 160;
  /** Text columns are not narrowed below this (a date, 2024-06-17, stays whole) or below their header. */
  private static final int MIN_TEXT = 10;
  private static final String GAP = "  ";
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
    boolean narrowed = fit(width, result, shown, header);
    if (narrowed) {
      for (String[] line : cells.subList(1, cells.size())) {
        for (int c = 0; c < line.length; c++) {
          line[c] = shorten(line[c], width[c]);
        }
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
    if (!result.notes().isEmpty() || narrowed) {
      text.append("Notes:\n");
      result.notes().forEach(note -> text.append("  ").append(note).append('\n'));
      if (narrowed) {
        text.append("  Cells ending in … are cut to keep lines within ").append(MAX_LINE)
            .append(" characters; CSV and JSON carry every value in full.\n");
      }
    }
    out.write(text.toString());
  }

  /**
   * Narrows the widest text column by one character at a time until a line fits {@value #MAX_LINE}
   * characters or no text column can give more; returns whether any column was narrowed.
   */
  private static boolean fit(int[] width, QueryResult result, List<Integer> shown, String[] header) {
    int total = GAP.length() * (width.length - 1);
    for (int w : width) {
      total += w;
    }
    boolean narrowed = false;
    while (total > MAX_LINE) {
      int widest = -1;
      for (int c = 0; c < width.length; c++) {
        boolean text = result.columns().get(shown.get(c)).display() == Column.Display.TEXT;
        int floor = Math.max(MIN_TEXT, header[c].length());
        if (text && width[c] > floor && (widest < 0 || width[c] > width[widest])) {
          widest = c;
        }
      }
      if (widest < 0) {
        return narrowed;
      }
      width[widest]--;
      total--;
      narrowed = true;
    }
    return narrowed;
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
      case NUMBER -> value instanceof Number number ? TableNumbers.format(number, column.decimals())
          : shorten(value.toString());
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

  private static String shorten(String text) {
    return shorten(text.replace('\n', ' ').replace('\r', ' '), MAX_TEXT);
  }

  /** Cut to {@code width} with an ellipsis: at the end, or at the start of a file path (its name matters most). */
  private static String shorten(String oneLine, int width) {
    if (oneLine.length() <= width) {
      return oneLine;
    }
    boolean path = oneLine.indexOf('/') >= 0 && !oneLine.contains("://") && oneLine.indexOf(' ') < 0;
    return path ? "…" + oneLine.substring(oneLine.length() - width + 1) : oneLine.substring(0, width - 1) + "…";
  }
}
