package org.quartermaster.app.munitions;

import java.util.Locale;
import java.util.Optional;

/**
 * A dated production figure of one producer country, as a rate per year.
 *
 * @param country      the producer country as the row gives it (USA, DEU, EU, RUS …)
 * @param span         the stretch of time the figure's date covers ({@link Span})
 * @param lowPerYear   the rate per year (the low end of a range)
 * @param highPerYear  the high end of a range, else equal to {@code lowPerYear}
 * @param kind         the row's kind: actual, estimate, capacity, target
 * @param asWritten    the figure as written: {@code 24000/month}
 * @param targetDate   when a target is to be met, as written, or null
 * @param row          the row it came from
 */
record RateObservation(String country, Span span, double lowPerYear, double highPerYear, String kind,
    String asWritten, String targetDate, RowRef row) {

  /** How many of a period make a year; empty for periods that are not rates (cumulative, 3 fiscal years …). */
  static Optional<Double> perYear(String period) {
    if (period == null) {
      return Optional.empty();
    }
    return switch (period.strip().toLowerCase(Locale.ROOT)) {
      case "year" -> Optional.of(1.0);
      case "month" -> Optional.of(12.0);
      case "day" -> Optional.of(365.0);
      default -> Optional.empty();
    };
  }
}
