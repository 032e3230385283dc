package org.quartermaster.app.query;

import java.util.Locale;

/** Small lexical helpers for user SQL: what it starts with, and a one-line form for titles. */
final class SqlText {
  private static final int TITLE_LENGTH = 80;

  private SqlText() {}

  /** The first word, upper-case, after whitespace, comments (line and block) and opening brackets; "" if none. */
  static String firstWord(String sql) {
    int i = 0;
    int n = sql == null ? 0 : sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    if (i == start && start < n) {
      return sql.substring(start, start + 1);
    }
    return sql == null ? "" : sql.substring(start, i).toUpperCase(Locale.ROOT);
  }

  static String oneLine(String sql) {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "…";
  }
}
