package org.quartermaster.app.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.query.AidQuery.By;

/**
 * The rule for adding aid figures, in one place: a sum never adds two releases, a running total to a
 * window's figure (basis), two currencies or units, overlapping categories (a total and its parts) or
 * measures (allocations are part of commitments), nor a group of donors to its own members. Each line
 * is one group within one release, basis, currency and unit; a line that would still add what must
 * not be added is refused, with the option that narrows it.
 */
final class AidSums {
  private AidSums() {}

  /** One aid figure as the rule sees it. */
  record Figure(String donor, String donorIso3, String category, String measure, double amount, String currency,
      String unit, String basis, AidRelease release) {}

  /** One sum: a group's figures within one release, basis, currency and unit. */
  record Line(String group, AidRelease release, String basis, String currency, String unit, double amount,
      long records, TreeSet<String> donors, TreeSet<String> categories, TreeSet<String> measures) {}

  record Sums(List<Line> lines, List<String> notes) {}

  /** The Europe line of {@code --by donor-group}: the groups Kiel counts as Europe, added. */
  static final String EUROPE = "Europe (EU member states + EU institutions + other Europe)";
  private static final java.util.Set<String> EUROPEAN = java.util.Arrays.stream(DonorGroup.values())
      .filter(DonorGroup::european).map(DonorGroup::label).collect(java.util.stream.Collectors.toSet());

  /** @throws QueryException when a line would add overlapping categories or measures */
  static Sums sum(List<Figure> figures, By by, Countries countries) {
    List<String> notes = new ArrayList<>();
    Map<List<Object>, Line> lines = new LinkedHashMap<>();
    Map<List<Object>, Line> europe = new LinkedHashMap<>();
    TreeSet<String> groupsOfDonors = new TreeSet<>();
    for (Figure f : figures) {
      Optional<String> group = group(f, by, countries);
      if (group.isEmpty()) {
        groupsOfDonors.add(f.donor());
        continue;
      }
      add(lines, group.get(), f);
      if (by == By.DONOR_GROUP && EUROPEAN.contains(group.get())) {
        add(europe, EUROPE, f);
      }
    }
    refuseOverlaps(lines.values(), by);
    List<Line> ordered = new ArrayList<>(lines.values());
    if (by == By.DONOR_GROUP) {
      ordered.sort(java.util.Comparator.comparing((Line l) -> l.release().label())
          .thenComparingInt(l -> groupOrder(l.group())));
    }
    ordered.addAll(europe.values());
    if (!europe.isEmpty()) {
      notes.add(EUROPE + " is the total Kiel headlines against the United States; like every line here it adds"
          + " only the donors the release's rows name.");
    }
    if (!groupsOfDonors.isEmpty()) {
      notes.add("Left out of sums across donors, as groups of donors that overlap their members: "
          + String.join(", ", groupsOfDonors) + " (list them with --by donor).");
    }
    notes.add("Each line adds the figures of one " + by.cliName() + " within one release, basis (cumulative"
        + " or period), currency and unit: releases, bases, currencies and units are never added together.");
    return new Sums(List.copyOf(ordered), notes);
  }

  private static Optional<String> group(Figure f, By by, Countries countries) {
    boolean aggregate = f.donorIso3() == null && !DonorGroup.isEuInstitution(f.donor());
    return switch (by) {
      case DONOR -> Optional.of(f.donorIso3() == null ? f.donor()
          : countries.byIso3(f.donorIso3()).map(org.quartermaster.app.data.Country::name).orElse(f.donor()));
      case DONOR_GROUP -> DonorGroup.of(f.donor(), f.donorIso3(), membershipDate(f.release()), countries)
          .map(DonorGroup::label);
      case CATEGORY -> aggregate ? Optional.empty() : Optional.of(f.category());
      case MEASURE -> aggregate ? Optional.empty() : Optional.of(f.measure());
      case RELEASE -> aggregate ? Optional.empty() : Optional.of(String.valueOf(f.release().name()));
    };
  }

  private static int groupOrder(String label) {
    for (DonorGroup group : DonorGroup.values()) {
      if (group.label().equals(label)) {
        return group.ordinal();
      }
    }
    return DonorGroup.values().length;
  }

  private static LocalDate membershipDate(AidRelease release) {
    return release.dataThrough() != null ? release.dataThrough() : LocalDate.now();
  }

  private static void add(Map<List<Object>, Line> lines, String group, Figure f) {
    List<Object> key = java.util.Arrays.asList(group, f.release(), f.basis(), f.currency(), f.unit());
    Line line = lines.computeIfAbsent(key, k -> new Line(group, f.release(), f.basis(), f.currency(), f.unit(), 0, 0,
        new TreeSet<>(), new TreeSet<>(), new TreeSet<>()));
    line.donors().add(f.donor());
    line.categories().add(f.category());
    line.measures().add(f.measure());
    lines.put(key, new Line(group, f.release(), f.basis(), f.currency(), f.unit(), line.amount() + f.amount(),
        line.records() + 1, line.donors(), line.categories(), line.measures()));
  }

  private static void refuseOverlaps(Iterable<Line> lines, By by) {
    TreeSet<String> categories = new TreeSet<>();
    TreeSet<String> measures = new TreeSet<>();
    for (Line line : lines) {
      if (by != By.CATEGORY && line.categories().size() > 1) {
        categories.addAll(line.categories());
      }
      if (by != By.MEASURE && line.measures().size() > 1) {
        measures.addAll(line.measures());
      }
    }
    List<String> problems = new ArrayList<>();
    if (!categories.isEmpty()) {
      problems.add("several categories (" + String.join(", ", categories) + "), which overlap (a total includes its"
          + " parts): choose one with --category");
    }
    if (!measures.isEmpty()) {
      problems.add("several measures (" + String.join(", ", measures) + "), which overlap (allocations are part of"
          + " commitments): choose one with --measure");
    }
    if (!problems.isEmpty()) {
      throw new QueryException("a sum by " + by.cliName() + " would add, within one release, "
          + String.join("; and ", problems) + ". Or list the records: leave out --by.");
    }
  }
}
