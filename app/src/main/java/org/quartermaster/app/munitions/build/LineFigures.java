package org.quartermaster.app.munitions.build;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.app.munitions.RateBasis;
import org.quartermaster.app.munitions.ScenarioFigures.Part;
import org.quartermaster.app.munitions.ScenarioFigures.Rate;
import org.quartermaster.app.munitions.build.Provenance.Assumed;
import org.quartermaster.app.munitions.build.Provenance.Citation;
import org.quartermaster.app.munitions.build.Provenance.Sourced;

/**
 * The numbers of one producer country's line, from its rate history: {@code base_per_month} is the
 * latest rate at the basis dated by the start month (the low end of a range); the ramp goes to the
 * latest target announced by then whose date falls after the start and which is above that rate, linear
 * from t = 0 to the target's month; {@code ramp_delay_months} reads the target's announced slips: each
 * earlier announcement of a target at least as high, due earlier, slipped by the months between the two
 * dates; the mode is the most recent slip, the max the largest, the min 0 (met on time).
 */
final class LineFigures {
  private LineFigures() {}

  static void add(Map<String, Figure> figures, String lineId, String country, List<Rate> rates, List<Part> parts,
      RateBasis basis, YearMonth start) {
    LocalDate inForceBy = start.plusMonths(1).atDay(1);
    String at = basis.wireName();
    List<Rate> base = latest(rates.stream().filter(r -> r.readAt(basis) && r.from().isBefore(inForceBy)).toList());
    double basePerMonth = 0;
    Provenance baseSource;
    if (base.isEmpty()) {
      baseSource = new Assumed("the store has no " + at + " rate of " + country + " dated by " + start
          + ": no output until the ramp", false);
    } else {
      basePerMonth = Numbers.kept(base.stream().mapToDouble(Rate::lowPerYear).min().orElseThrow() / 12);
      baseSource = new Sourced("the latest " + at + " rate of " + country + " dated by " + start + ", "
          + describe(base) + ", per month" + (base.size() > 1 || base.getFirst().highPerYear() > base.getFirst()
              .lowPerYear() ? " (the low end of the range)" : ""), citations(base));
    }
    if (!parts.isEmpty() && basis != RateBasis.TARGET) {
      Capped capped = capped(parts, country, basis, inForceBy, base, basePerMonth, baseSource);
      basePerMonth = capped.perMonth();
      baseSource = capped.source();
    }
    put(figures, lineId, "base_per_month", basePerMonth, baseSource);
    double baseNow = basePerMonth;
    Optional<Rate> target = basis == RateBasis.TARGET ? Optional.empty() : target(rates, start, inForceBy)
        .filter(t -> Numbers.kept(t.lowPerYear() / 12) > baseNow);
    if (target.isEmpty()) {
      String why = basis == RateBasis.TARGET ? "read at the target basis: the target counts as met from t = 0"
          : "no target above it announced by " + start + " and due after it";
      put(figures, lineId, "surge_per_month", basePerMonth, baseSource instanceof Sourced s
          ? new Sourced(s.how() + "; " + why, s.citations()) : new Assumed("as base_per_month; " + why, false));
      Assumed noRamp = new Assumed("no ramp: " + why, false);
      put(figures, lineId, "ramp_start_month", 0, noRamp);
      put(figures, lineId, "ramp_months", 0, noRamp);
      delay(figures, lineId, 0, 0, null);
      return;
    }
    Rate t = target.get();
    YearMonth due = TargetDates.month(t.targetDate()).orElseThrow();
    List<Citation> targetRow = citations(List.of(t));
    put(figures, lineId, "surge_per_month", Numbers.kept(t.lowPerYear() / 12), new Sourced("the latest target of "
        + country + " announced by " + start + ": " + t.asWritten() + " by " + t.targetDate() + " (announced "
        + t.from() + "), per month" + (parts.isEmpty() ? "" : "; ASSUMPTION: it counts complete rounds, the"
            + " components growing in step (the store has no component target to check it)"), targetRow));
    put(figures, lineId, "ramp_start_month", 0, new Assumed("the ramp starts at t = 0, linear from the rate in force"
        + " to the target, as announced", false));
    put(figures, lineId, "ramp_months", months(start, due), new Sourced("from " + start + " to the target's date, "
        + t.targetDate() + " read as " + due, targetRow));
    slips(figures, lineId, rates, t, due);
  }

  /** A base rate after the components' cap. */
  private record Capped(double perMonth, Provenance source) {}

  /**
   * A complete round's base: the smallest of its components' rates in force (in rounds: rate ÷ number per
   * round) when that is below the round's own figure, or when the round has none.
   */
  private static Capped capped(List<Part> parts, String country, RateBasis basis, LocalDate inForceBy, List<Rate> base,
      double basePerMonth, Provenance baseSource) {
    Part binding = null;
    List<Rate> bindingRates = List.of();
    double least = Double.POSITIVE_INFINITY;
    List<String> none = new ArrayList<>();
    for (Part p : parts) {
      List<Rate> r = latest(p.rates().stream().filter(x -> x.country().equals(country) && x.readAt(basis)
          && x.from().isBefore(inForceBy)).toList());
      if (r.isEmpty()) {
        none.add(p.component().id());
        continue;
      }
      double rounds = r.stream().mapToDouble(Rate::lowPerYear).min().orElseThrow() / 12 / p.perRound();
      if (rounds < least) {
        least = rounds;
        binding = p;
        bindingRates = r;
      }
    }
    String unknown = none.isEmpty() ? "" : "; no " + basis.wireName() + " figure of " + String.join(", ", none)
        + " in the store: it may bind too";
    if (binding == null || (!base.isEmpty() && least >= basePerMonth)) {
      return new Capped(basePerMonth, baseSource instanceof Sourced s ? new Sourced(s.how() + unknown, s.citations())
          : baseSource);
    }
    List<Citation> cited = new ArrayList<>(citations(bindingRates));
    cited.addAll(citations(base));
    return new Capped(Numbers.kept(least), new Sourced("complete rounds capped by the scarcest component dated by "
        + YearMonth.from(inForceBy.minusDays(1)) + ": " + binding.component().id() + " " + describe(bindingRates)
        + " ÷ " + Numbers.plain(binding.perRound()) + " per round" + (base.isEmpty() ? ""
            : ", below the round's own figure " + describe(base)) + unknown, cited));
  }

  /** The announced slips of {@code target}: earlier announcements of a target at least as high, due earlier. */
  private static void slips(Map<String, Figure> figures, String lineId, List<Rate> rates, Rate target, YearMonth due) {
    List<Rate> earlier = rates.stream().filter(r -> isTarget(r) && r.from().isBefore(target.from())
        && r.highPerYear() >= target.lowPerYear()).filter(r -> TargetDates.month(r.targetDate())
            .map(m -> m.isBefore(due)).orElse(false)).sorted(Comparator.comparing(Rate::from)).toList();
    if (earlier.isEmpty()) {
      delay(figures, lineId, 0, 0, null);
      return;
    }
    List<String> each = new ArrayList<>();
    int largest = 0;
    int latest = 0;
    for (Rate r : earlier) {
      YearMonth was = TargetDates.month(r.targetDate()).orElseThrow();
      int slip = months(was, due);
      each.add(r.asWritten() + " by " + r.targetDate() + " (announced " + r.from() + ", " + r.row() + "): "
          + slip + " months");
      largest = Math.max(largest, slip);
      latest = slip;
    }
    List<Rate> cited = new ArrayList<>(earlier);
    cited.add(target);
    delay(figures, lineId, latest, largest, new Sourced("announced slips of the target now due " + due + ": "
        + String.join("; ", each) + ". Mode: the most recent slip; max: the largest", citations(cited)));
  }

  private static void delay(Map<String, Figure> figures, String lineId, int mode, int max, Sourced slips) {
    String path = "ramp_delay_months.";
    if (slips == null) {
      Assumed none = new Assumed("no earlier announcement of the target in the store: no slip to read", false);
      put(figures, lineId, path + "min", 0, none);
      put(figures, lineId, path + "mode", 0, none);
      put(figures, lineId, path + "max", 0, none);
      return;
    }
    put(figures, lineId, path + "min", 0, new Assumed("the target may yet be met on time", false));
    put(figures, lineId, path + "mode", mode, slips);
    put(figures, lineId, path + "max", max, slips);
  }

  /** The latest target announced by the start month and due after it; the highest among those announced together. */
  private static Optional<Rate> target(List<Rate> rates, YearMonth start, LocalDate inForceBy) {
    return rates.stream().filter(r -> isTarget(r) && r.from().isBefore(inForceBy))
        .filter(r -> TargetDates.month(r.targetDate()).map(m -> m.isAfter(start)).orElse(false))
        .max(Comparator.comparing(Rate::from).thenComparing(Rate::lowPerYear));
  }

  private static boolean isTarget(Rate r) {
    return r.kind() != null && "target".equals(r.kind().strip().toLowerCase(Locale.ROOT));
  }

  /** The figures of the latest date (several when two sources give one date: a range). */
  private static List<Rate> latest(List<Rate> rates) {
    Optional<LocalDate> last = rates.stream().map(Rate::from).max(Comparator.naturalOrder());
    return last.map(d -> rates.stream().filter(r -> r.from().equals(d)).toList()).orElse(List.of());
  }

  private static String describe(List<Rate> rates) {
    return String.join(" or ", rates.stream().map(r -> r.asWritten() + " from " + r.from()).distinct().toList());
  }

  static List<Citation> citations(List<Rate> rates) {
    return rates.stream().map(r -> new Citation(r.row(), r.source())).toList();
  }

  static int months(YearMonth from, YearMonth to) {
    return (int) ChronoUnit.MONTHS.between(from, to);
  }

  private static void put(Map<String, Figure> figures, String lineId, String field, double value, Provenance p) {
    String path = Paths.line(lineId, field);
    figures.put(path, new Figure(path, value, p));
  }
}
