package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Years to replace: a quantity transferred over a window ÷ the supplier country's annual production at a
 * stated basis: the rate in force at the window's end (the latest actual figure dated by then), the
 * latest stated capacity, or the latest announced target. Every pairing is a line, with its inputs named,
 * so the range across bases shows rather than one number chosen silently.
 */
final class YearsToReplace {
  private YearsToReplace() {}

  /**
   * One pairing.
   *
   * @param quantity the quantity transferred and how it was read
   * @param rate     the observations read as the annual rate (several when they share a date: a range)
   */
  record Line(String supplier, String series, int fromYear, int toYear, TransferSeries.Quantity quantity,
      RateBasis basis, List<RateObservation> rate, double rateLow, double rateHigh) {
    double yearsMin() {
      return quantity.low() / rateHigh;
    }

    double yearsMax() {
      return quantity.high() / rateLow;
    }
  }

  /**
   * @param series       transfer figures, one list per series (supplier, status, basis)
   * @param observations production observations of every country (only the supplier's are paired)
   */
  static List<Line> lines(List<List<TransferFigure>> series, List<RateObservation> observations, int fromYear,
      int toYear, List<RateBasis> bases) {
    LocalDate end = LocalDate.of(toYear + 1, 1, 1);
    List<Line> lines = new ArrayList<>();
    for (List<TransferFigure> figures : series) {
      TransferFigure first = figures.getFirst();
      Optional<TransferSeries.Quantity> quantity = TransferSeries.overWindow(figures, fromYear, toYear);
      if (quantity.isEmpty() || quantity.get().low() <= 0) {
        continue;
      }
      for (RateBasis basis : bases) {
        List<RateObservation> rate = inForce(observations, first.supplier(), basis, end);
        if (rate.isEmpty()) {
          continue;
        }
        double low = rate.stream().mapToDouble(RateObservation::lowPerYear).min().orElseThrow();
        double high = rate.stream().mapToDouble(RateObservation::highPerYear).max().orElseThrow();
        if (low <= 0) {
          continue;
        }
        lines.add(new Line(first.supplier(), first.status() + ", " + first.basis(), fromYear, toYear, quantity.get(),
            basis, rate, low, high));
      }
    }
    return lines;
  }

  /** The country's latest observations at this basis dated before {@code end} (those sharing that date). */
  static List<RateObservation> inForce(List<RateObservation> observations, String country, RateBasis basis,
      LocalDate end) {
    List<RateObservation> candidates = observations.stream()
        .filter(o -> o.country().equals(country) && basis.reads(o.kind()) && o.span().start().isBefore(end))
        .toList();
    Optional<LocalDate> latest = candidates.stream().map(o -> o.span().start()).max(Comparator.naturalOrder());
    return latest.map(d -> candidates.stream().filter(o -> o.span().start().equals(d)).toList()).orElse(List.of());
  }
}
