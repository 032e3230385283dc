package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Transfers per year and over a window, from figures of one supplier and one status. Running totals and
 * window figures are separate series, never added together: a year's transfers from running totals is the
 * total by the year's end less the total by the year before's end, where the total by a date is the
 * largest running total dated by then (a smaller later figure is another source's lower bound, not a
 * return); from window figures it is the sum of the windows that fall in the year.
 */
final class TransferSeries {
  private TransferSeries() {}

  /** A quantity over a window, with the figures it came from. */
  record Quantity(double low, double high, List<TransferFigure> from, String how) {}

  static List<ChainLine> perYear(List<TransferFigure> figures, int fromYear, int toYear) {
    List<ChainLine> lines = new ArrayList<>();
    if (figures.isEmpty()) {
      return lines;
    }
    TransferFigure first = figures.getFirst();
    String series = first.status() + ", " + first.basis();
    for (int year = fromYear; year <= toYear; year++) {
      Optional<Quantity> q = overWindow(figures, year, year);
      if (q.isPresent()) {
        lines.add(new ChainLine(year, first.supplier(), "transferred", series, q.get().low(), q.get().high(),
            q.get().how(), q.get().from().stream().map(TransferFigure::row).toList(), false));
      }
    }
    return lines;
  }

  /**
   * The quantity transferred from the start of {@code fromYear} to the end of {@code toYear}, or empty when no
   * figure tells (no running total dated in or before the window's last year; no window inside it).
   */
  static Optional<Quantity> overWindow(List<TransferFigure> figures, int fromYear, int toYear) {
    LocalDate start = LocalDate.of(fromYear, 1, 1);
    LocalDate end = LocalDate.of(toYear + 1, 1, 1);
    if (figures.getFirst().cumulative()) {
      Optional<TransferFigure> byEnd = largestBy(figures, end);
      if (byEnd.isEmpty() || !byEnd.get().span().end().isAfter(start)) {
        return Optional.empty(); // no running total dated within the window: nothing new is known
      }
      Optional<TransferFigure> before = largestBy(figures, start);
      double low = byEnd.get().low() - before.map(TransferFigure::low).orElse(0.0);
      double high = byEnd.get().high() - before.map(TransferFigure::high).orElse(0.0);
      List<TransferFigure> from = new ArrayList<>(List.of(byEnd.get()));
      before.ifPresent(from::add);
      String how = "running total " + number(byEnd.get().low()) + " by " + byEnd.get().span().start()
          + before.map(b -> " less " + number(b.low()) + " by " + b.span().start()).orElse(" (the first one)");
      return Optional.of(new Quantity(Math.max(0, low), Math.max(0, high), from, how));
    }
    List<TransferFigure> inside = figures.stream()
        .filter(f -> !f.span().start().isBefore(start) && !f.span().end().isAfter(end)).toList();
    if (inside.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Quantity(inside.stream().mapToDouble(TransferFigure::low).sum(),
        inside.stream().mapToDouble(TransferFigure::high).sum(), inside,
        "sum of " + inside.size() + " window figure" + (inside.size() == 1 ? "" : "s")));
  }

  /** The largest running total whose date ends by {@code date}. */
  private static Optional<TransferFigure> largestBy(List<TransferFigure> figures, LocalDate date) {
    return figures.stream().filter(f -> !f.span().end().isAfter(date))
        .max(Comparator.comparingDouble(TransferFigure::low).thenComparing(f -> f.span().start()));
  }

  static String number(double value) {
    return value == Math.rint(value) ? String.format(java.util.Locale.ROOT, "%,d", (long) value)
        : String.format(java.util.Locale.ROOT, "%,.1f", value);
  }
}
