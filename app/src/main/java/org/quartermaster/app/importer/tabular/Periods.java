package org.quartermaster.app.importer.tabular;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Years, dates and months as files write them. Every method takes trimmed, non-blank text. */
final class Periods {
  /** A year with an estimate marker: 2023e, 2023 E, 2023*, 2023 (e), 2023 est. */
  private static final Pattern MARKED_YEAR =
      Pattern.compile("(\\d{4})\\s*(?:\\*|\\(?\\s*(?:e|est\\.?|estimate)\\s*\\)?)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FLOAT_YEAR = Pattern.compile("(\\d{4})\\.0+");

  private Periods() {}

  /** The year of "2023", "2023e", "2023.0", or -1 when the text is not a year. */
  static int year(String text) {
    if (text.length() == 4 && allDigits(text, 0, 4)) {
      return Integer.parseInt(text);
    }
    Matcher marked = MARKED_YEAR.matcher(text);
    if (marked.matches()) {
      return Integer.parseInt(marked.group(1));
    }
    Matcher floating = FLOAT_YEAR.matcher(text);
    return floating.matches() ? Integer.parseInt(floating.group(1)) : -1;
  }

  /** Whether a year carries an estimate marker (2023e, 2023*). */
  static boolean markedEstimate(String text) {
    return text.length() > 4 && MARKED_YEAR.matcher(text).matches();
  }

  /**
   * YYYY, YYYY-MM or YYYY-MM-DD as written (a time after a full date, "2022-03-01 00:00:00" or
   * "2022-03-01T…", is dropped), or null when the text is none of these or not a real date.
   */
  static String date(String text) {
    String date = text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 'T') ? text.substring(0, 10)
        : text;
    int n = date.length();
    if (n != 4 && n != 7 && n != 10 || !allDigits(date, 0, 4)) {
      return null;
    }
    if (n == 4) {
      return date;
    }
    if (date.charAt(4) != '-' || !allDigits(date, 5, 7)) {
      return null;
    }
    int month = Integer.parseInt(date, 5, 7, 10);
    if (month < 1 || month > 12) {
      return null;
    }
    if (n == 7) {
      return date;
    }
    if (date.charAt(7) != '-' || !allDigits(date, 8, 10)) {
      return null;
    }
    int day = Integer.parseInt(date, 8, 10, 10);
    int year = Integer.parseInt(date, 0, 4, 10);
    return day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth() ? date : null;
  }

  /** Whether the text is a month, YYYY-MM. */
  static boolean isMonth(String text) {
    return text.length() == 7 && date(text) != null;
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
