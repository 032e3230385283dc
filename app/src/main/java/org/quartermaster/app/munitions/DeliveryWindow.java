package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a contract's quantity is to be delivered, as the data state it ({@code delivery_windows.csv}: the
 * words of the contract row's note, read into a window), and how it was read.
 *
 * @param contractId the contract's id, as its rows give it
 * @param window     from the first day of deliveries to the day after the last
 * @param asWritten  the words of the data the window was read from
 * @param reading    how the words were read into the window, with every ASSUMPTION named
 * @param fileRow    the row of {@code delivery_windows.csv}
 */
record DeliveryWindow(String contractId, Span window, String asWritten, String reading, int fileRow) {
  DeliveryWindow {
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(window, "window");
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
