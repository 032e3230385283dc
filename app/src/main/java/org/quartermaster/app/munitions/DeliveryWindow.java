package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a contract's quantity is to be delivered, as the data state it: in the contract row itself
 * ({@code delivery_start}, {@code delivery_end} of an imported contracts file), or in
 * {@code delivery_windows.csv} (the words of the bundled contract row's note, read into a window), and how
 * it was read.
 *
 * @param contractId the contract's id, as its rows give it (a contract without one: its row, {@code d3:r7})
 * @param window     from the first day of deliveries to the day after the last
 * @param asWritten  the words of the data the window was read from
 * @param reading    how the words were read into the window, with every ASSUMPTION named
 * @param where      where the window is stated: {@code delivery_windows.csv row 3}, or the contract's row
 */
record DeliveryWindow(String contractId, Span window, String asWritten, String reading, String where) {
  DeliveryWindow {
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(where, "where");
  }

  /** A window of row {@code fileRow} of {@code delivery_windows.csv}. */
  DeliveryWindow(String contractId, Span window, String asWritten, String reading, int fileRow) {
    this(contractId, window, asWritten, reading, "delivery_windows.csv row " + fileRow);
  }

  /**
   * The window a contract row states ({@code delivery_start}, {@code delivery_end}: YYYY or YYYY-MM, checked at
   * import), from the first day of the start to the last day of the end; empty when the row states none.
   */
  static java.util.Optional<DeliveryWindow> stated(String contractKey, String start, String end, RowRef row) {
    java.util.Optional<Span> first = Span.of(start);
    java.util.Optional<Span> last = Span.of(end);
    if (first.isEmpty() || last.isEmpty() || !last.get().end().isAfter(first.get().start())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new DeliveryWindow(contractKey, new Span(first.get().start(), last.get().end()),
        "delivery_start " + start + ", delivery_end " + end, "as the contract row states it (" + row + "), from the"
            + " start of " + start + " to the end of " + end, "contract row " + row));
  }

  /**
   * The share of the quantity delivered by {@code date} when deliveries are spread evenly over the window
   * (the data give the window, not the deliveries): 0 before it starts, 1 once it has ended.
   */
  double deliveredShareBy(LocalDate date) {
    if (!date.isAfter(window.start())) {
      return 0;
    }
    if (!date.isBefore(window.end())) {
      return 1;
    }
    return (double) ChronoUnit.DAYS.between(window.start(), date)
        / ChronoUnit.DAYS.between(window.start(), window.end());
  }

  /** {@code 2022-05-27..2026-06} as the table shows it. */
  String span() {
    return window.start() + ".." + window.end().minusDays(1);
  }
}
