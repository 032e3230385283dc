package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Production per calendar year from dated rate observations of one producer country at one basis. Each
 * observation holds over the stretch its date covers; between two observations the rate steps (the
 * earlier holds until the later) or moves linearly; before the first there is no figure; past the last
 * the rate is held only when asked, and every year that uses it says so ({@link ChainLine#extrapolated}).
 * Observations with the same start (two sources for one date) are read as a range: lowest to highest.
 */
final class AnnualProduction {
  private AnnualProduction() {}

  /** Observations sharing a start date, read as one range. */
  private record Level(LocalDate start, LocalDate end, double low, double high, List<RateObservation> from) {}

  static List<ChainLine> perYear(List<RateObservation> observations, String series, int fromYear, int toYear,
      Interpolation interpolation, boolean holdLast) {
    List<Level> levels = levels(observations);
    List<ChainLine> lines = new ArrayList<>();
    if (levels.isEmpty()) {
      return lines;
    }
    String country = observations.getFirst().country();
    Level last = levels.getLast();
    for (int year = fromYear; year <= toYear; year++) {
      LocalDate yearStart = LocalDate.of(year, 1, 1);
      LocalDate yearEnd = yearStart.plusYears(1);
      double days = yearStart.lengthOfYear();
      double low = 0;
      double high = 0;
      long covered = 0;
      boolean held = false;
      List<RowRef> rows = new ArrayList<>();
      List<String> used = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        Level level = levels.get(i);
        boolean isLast = i == levels.size() - 1;
        Level next = isLast ? null : levels.get(i + 1);
        LocalDate segmentEnd = isLast ? level.end() : next.start();
        long overlap = new Span(level.start(), segmentEnd).overlapDays(yearStart, yearEnd);
        if (overlap > 0) {
          LocalDate a = level.start().isAfter(yearStart) ? level.start() : yearStart;
          LocalDate b = a.plusDays(overlap);
          double[] mean = mean(level, next, a, b, interpolation);
          low += mean[0] * overlap / days;
          high += mean[1] * overlap / days;
          covered += overlap;
          level.from().forEach(o -> rows.add(o.row()));
          used.add(describe(level));
        }
      }
      if (holdLast && yearEnd.isAfter(last.end())) {
        long overlap = new Span(last.end(), yearEnd).overlapDays(yearStart, yearEnd);
        if (overlap > 0) {
          low += last.low() * overlap / days;
          high += last.high() * overlap / days;
          covered += overlap;
          held = true;
          last.from().forEach(o -> rows.add(o.row()));
          if (!used.contains(describe(last))) {
            used.add(describe(last));
          }
        }
      }
      if (covered == 0) {
        continue;
      }
      String how = interpolation.wireName() + ": " + String.join("; ", used) + "; "
          + Math.round(100.0 * covered / days) + "% of the year covered"
          + (held ? "; held past " + last.end().minusDays(1) + ", the end of the last observation (extrapolated)" : "");
      lines.add(new ChainLine(year, country, "produced", series, low, high, how, rows, held));
    }
    return lines;
  }

  /** The mean rate per year (low, high) over [a, b) of a level, stepping or moving towards the next. */
  private static double[] mean(Level level, Level next, LocalDate a, LocalDate b, Interpolation interpolation) {
    if (interpolation == Interpolation.STEP || next == null) {
      return new double[] {level.low(), level.high()};
    }
    double length = java.time.temporal.ChronoUnit.DAYS.between(level.start(), next.start());
    double fa = java.time.temporal.ChronoUnit.DAYS.between(level.start(), a) / length;
    double fb = java.time.temporal.ChronoUnit.DAYS.between(level.start(), b) / length;
    double f = (fa + fb) / 2;
    return new double[] {level.low() + (next.low() - level.low()) * f, level.high() + (next.high() - level.high()) * f};
  }

  private static String describe(Level level) {
    List<String> texts = level.from().stream().map(RateObservation::asWritten).distinct().toList();
    return String.join(" or ", texts) + " from " + level.from().getFirst().span().start();
  }

  private static List<Level> levels(List<RateObservation> observations) {
    TreeMap<LocalDate, List<RateObservation>> byStart = new TreeMap<>();
    for (RateObservation o : observations) {
      byStart.computeIfAbsent(o.span().start(), k -> new ArrayList<>()).add(o);
    }
    List<Level> levels = new ArrayList<>();
    byStart.forEach((start, group) -> levels.add(new Level(start,
        group.stream().map(o -> o.span().end()).max(LocalDate::compareTo).orElseThrow(),
        group.stream().mapToDouble(RateObservation::lowPerYear).min().orElseThrow(),
        group.stream().mapToDouble(RateObservation::highPerYear).max().orElseThrow(), List.copyOf(group))));
    return levels;
  }
}
