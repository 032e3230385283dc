package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretch of time a date as written covers: {@code 2025} the year, {@code 2023-08} the month,
 * {@code 2023-08-11} the day. A figure dated so is taken to hold over that stretch, no longer.
 *
 * @param start the first day
 * @param end   the day after the last (exclusive)
 */
record Span(LocalDate start, LocalDate end) {
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  Span {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a span ends after it starts: " + start + ".." + end);
    }
  }

  /** The span of a date as written, or empty when it is not YYYY, YYYY-MM or YYYY-MM-DD (FY2020-FY2022, "2023 (…)"). */
  static Optional<Span> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        return Optional.of(new Span(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
      }
      YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
      if (m.group(3) == null) {
        return Optional.of(new Span(month.atDay(1), month.plusMonths(1).atDay(1)));
      }
      LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
      return Optional.of(new Span(day, day.plusDays(1)));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  static Span year(int year) {
    return new Span(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
  }

  /** Whether this span is exactly one calendar year. */
  boolean isCalendarYear() {
    return start.getDayOfYear() == 1 && end.equals(start.plusYears(1));
  }

  /** The days this span and [from, to) share. */
  long overlapDays(LocalDate from, LocalDate to) {
    LocalDate a = start.isAfter(from) ? start : from;
    LocalDate b = end.isBefore(to) ? end : to;
    return b.isAfter(a) ? java.time.temporal.ChronoUnit.DAYS.between(a, b) : 0;
  }
}
