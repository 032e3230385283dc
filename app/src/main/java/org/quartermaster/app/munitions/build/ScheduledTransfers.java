package org.quartermaster.app.munitions.build;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.munitions.ScenarioFigures.Delivery;
import org.quartermaster.app.munitions.build.Provenance.Citation;
import org.quartermaster.app.munitions.build.Provenance.Sourced;

/**
 * The transfers between holders that fall inside the horizon. For each supplier → recipient pair one
 * series is read (running totals and window figures of one flow are never added up): the first of
 * delivered running totals, delivered windows, pledged running totals, pledged windows that has a
 * figure inside the horizon. From running totals, a transfer is the rise over the largest earlier total,
 * in the month of the later figure (a first total says nothing of when it was sent: left out). From a
 * window, the part of its quantity inside the horizon (by days), in the last month of that part.
 */
final class ScheduledTransfers {
  private ScheduledTransfers() {}

  /** A transfer found: month index, quantity and where it came from. */
  record Found(String from, String to, int month, double quantity, Sourced source) {}

  private static final List<String> PREFERENCE = List.of("delivered cumulative", "delivered period",
      "pledged cumulative", "pledged period");

  static List<Found> of(List<Delivery> deliveries, Set<String> holders, YearMonth start, int horizon,
      List<String> notes) {
    LocalDate first = start.atDay(1);
    LocalDate end = start.plusMonths(horizon).atDay(1);
    Map<String, Map<String, List<Delivery>>> byPair = new LinkedHashMap<>();
    for (Delivery d : deliveries) {
      if (d.recipient() == null || !holders.contains(d.supplier()) || !holders.contains(d.recipient())
          || d.supplier().equals(d.recipient())) {
        continue;
      }
      byPair.computeIfAbsent(d.supplier() + "->" + d.recipient(), k -> new LinkedHashMap<>())
          .computeIfAbsent(d.status() + " " + d.basis(), k -> new ArrayList<>()).add(d);
    }
    List<Found> found = new ArrayList<>();
    byPair.forEach((pair, series) -> {
      for (String kind : PREFERENCE) {
        List<Delivery> figures = series.getOrDefault(kind, List.of());
        List<Found> inside = kind.endsWith("cumulative") ? fromTotals(figures, start, first, end, notes)
            : fromWindows(figures, start, first, end);
        if (!inside.isEmpty()) {
          found.addAll(inside);
          series.keySet().stream().filter(k -> !k.equals(kind)).forEach(other -> notes.add(pair + " " + other
              + " figures not used: the " + kind + " series of the same flow is read instead (two series of one flow"
              + " are never added)"));
          return;
        }
      }
    });
    found.sort(Comparator.comparingInt(Found::month));
    return found;
  }

  private static List<Found> fromTotals(List<Delivery> figures, YearMonth start, LocalDate first, LocalDate end,
      List<String> notes) {
    List<Found> found = new ArrayList<>();
    List<Delivery> sorted = figures.stream().sorted(Comparator.comparing(Delivery::from)).toList();
    for (Delivery d : sorted) {
      if (d.from().isBefore(first) || !d.from().isBefore(end)) {
        continue;
      }
      Delivery before = sorted.stream().filter(e -> e.from().isBefore(d.from()))
          .max(Comparator.comparingDouble(Delivery::low)).orElse(null);
      if (before == null) {
        notes.add(d.row() + " (running total " + Numbers.plain(d.low()) + " by " + d.from() + "): the first total,"
            + " it says nothing of when its quantity was sent; left out");
        continue;
      }
      double rise = Numbers.kept(d.low() - before.low());
      if (rise <= 0) {
        continue;
      }
      found.add(new Found(d.supplier(), d.recipient(), month(start, d.from()), rise, new Sourced("running total "
          + Numbers.plain(d.low()) + " by " + d.from() + " less " + Numbers.plain(before.low()) + " by " + before.from()
          + " (" + d.status() + "), in the month of the later figure", List.of(new Citation(d.row(), d.source()),
              new Citation(before.row(), before.source())))));
    }
    return found;
  }

  private static List<Found> fromWindows(List<Delivery> figures, YearMonth start, LocalDate first, LocalDate end) {
    List<Found> found = new ArrayList<>();
    for (Delivery d : figures) {
      LocalDate a = d.from().isAfter(first) ? d.from() : first;
      LocalDate b = d.until().isBefore(end) ? d.until() : end;
      if (!b.isAfter(a)) {
        continue;
      }
      long days = ChronoUnit.DAYS.between(d.from(), d.until());
      long inside = ChronoUnit.DAYS.between(a, b);
      double quantity = Numbers.kept(d.low() * inside / days);
      if (quantity <= 0) {
        continue;
      }
      found.add(new Found(d.supplier(), d.recipient(), month(start, b.minusDays(1)), quantity, new Sourced(
          Numbers.plain(d.low()) + " in the window " + d.from() + " .. " + d.until().minusDays(1) + " (" + d.status()
              + "), " + (inside == days ? "all of it" : inside + " of its " + days + " days") + " inside the horizon,"
              + " in the last month of that part", List.of(new Citation(d.row(), d.source())))));
    }
    return found;
  }

  private static int month(YearMonth start, LocalDate date) {
    return (int) ChronoUnit.MONTHS.between(start, YearMonth.from(date));
  }
}
