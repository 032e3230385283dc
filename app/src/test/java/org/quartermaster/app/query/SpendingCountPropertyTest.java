package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.query.SpendingFixtures.Figure;
import org.quartermaster.app.store.Store;

/**
 * The guideline count's rule, checked on random stores (several NATO releases covering random years
 * and countries, a release that repeats a figure in a second dataset, a SIPRI series without release
 * month, random accession dates): a count names one source and one release, the latest covering the
 * year by a reference written here; each country is counted at most once; the allies are the members
 * on 31 December of the year, and every one of them has a row.
 */
class SpendingCountPropertyTest {
  private static final List<String> CODES = List.of("BEL", "CAN", "DEU", "FRA", "POL", "FIN", "SWE", "AUT", "CHE",
      "IRL", "NOR", "ESP");

  static LongStream seeds() {
    return LongStream.range(1, 31);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void count_randomStore_usesOneReleaseCountsEachCountryOnceAndTheAlliesOf31December(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Country> countries = members(random);
    List<Figure> figures = new ArrayList<>();
    try (Store store = Store.inMemory()) {
      int dataset = 1;
      for (String month : releaseMonths(random)) {
        List<Figure> release = release(random, "nato", month);
        SpendingFixtures.add(store, dataset++, release);
        figures.addAll(release);
        if (random.nextInt(3) == 0 && !release.isEmpty()) {
          Figure again = release.get(random.nextInt(release.size()));
          Figure repeated = new Figure("nato", month, again.iso3(), again.year(), 0.5 + random.nextInt(40) / 10.0);
          SpendingFixtures.add(store, dataset++, List.of(repeated));
          figures.add(repeated);
        }
      }
      List<Figure> sipri = release(random, "sipri", null);
      SpendingFixtures.add(store, dataset, sipri);
      figures.addAll(sipri);

      int year = 2015 + random.nextInt(11);
      String source = List.of("", "nato", "sipri").get(random.nextInt(3));
      boolean allies = random.nextBoolean();
      double threshold = List.of(1.5, 2.0, 3.5).get(random.nextInt(3));
      QueryResult result = SpendingQuery.run(store, new SpendingQuery.Options(year, null, threshold,
          source.isEmpty() ? null : source, null, allies), new Allies(countries));

      String counted = source.isEmpty() ? "nato" : source;
      boolean alliesOnly = allies || counted.equals("nato");
      check(result, figures, countries, counted, year, alliesOnly);
    }
  }

  private static void check(QueryResult result, List<Figure> figures, List<Country> countries, String source,
      int year, boolean alliesOnly) {
    List<Figure> ofYear = figures.stream().filter(f -> f.source().equals(source) && f.year() == year).toList();
    if (ofYear.isEmpty()) {
      assertThat(result.rows()).isEmpty();
      return;
    }
    String release = latestCovering(ofYear);
    assertThat(new HashSet<>(result.column("source"))).as("one source").containsOnly(source);
    Set<Object> months = new HashSet<>(result.column("vintage_month"));
    assertThat(months).as("one release").hasSizeLessThanOrEqualTo(1);
    if (!result.rows().isEmpty()) {
      assertThat(months.iterator().next()).as("the latest release covering the year").isEqualTo(release);
    }
    assertThat(result.vintages()).hasSizeLessThanOrEqualTo(1);
    assertThat(result.notes()).anySatisfy(note -> assertThat(note)
        .startsWith(year + ": counted from one release, " + source + " " + (release == null
            ? "(no release month)" : release)));

    List<Object> iso3 = result.column("iso3");
    assertThat(iso3).as("each country at most once").doesNotHaveDuplicates();

    Map<String, Set<Double>> values = new HashMap<>();
    ofYear.stream().filter(f -> Objects.equals(f.vintageMonth(), release))
        .forEach(f -> values.computeIfAbsent(f.iso3(), k -> new HashSet<>()).add(f.pctGdp()));
    for (List<Object> row : result.rows()) {
      Object pct = row.get(result.columnIndex("pct_gdp"));
      String code = (String) row.get(result.columnIndex("iso3"));
      if (pct != null) {
        assertThat(values.get(code)).as("%s from the release", code).contains((Double) pct);
      }
    }

    if (alliesOnly) {
      LocalDate end = LocalDate.of(year, 12, 31);
      Set<String> allies = new TreeSet<>();
      countries.stream().filter(c -> c.natoMemberOn(end)).forEach(c -> allies.add(c.iso3()));
      assertThat(new TreeSet<>(iso3)).as("the allies on " + end).isEqualTo(allies);
      if (!allies.isEmpty()) {
        assertThat(result.notes()).anySatisfy(note -> assertThat(note)
            .contains("allies: the NATO members on " + end + ", " + allies.size() + " in all)"));
      }
    } else {
      Set<String> withFigure = new TreeSet<>();
      ofYear.stream().filter(f -> Objects.equals(f.vintageMonth(), release)).forEach(f -> withFigure.add(f.iso3()));
      assertThat(new TreeSet<>(iso3)).isEqualTo(withFigure);
    }
  }

  /** The reference: the latest release with figures for at least half as many countries as the fullest. */
  private static String latestCovering(List<Figure> ofYear) {
    Map<String, Set<String>> countriesByRelease = new HashMap<>();
    for (Figure f : ofYear) {
      Set<String> set = countriesByRelease.computeIfAbsent(f.vintageMonth() == null ? "" : f.vintageMonth(),
          k -> new HashSet<>());
      if (f.pctGdp() != null) {
        set.add(f.iso3());
      }
    }
    int fullest = countriesByRelease.values().stream().mapToInt(Set::size).max().orElse(0);
    String latest = null;
    for (Map.Entry<String, Set<String>> release : countriesByRelease.entrySet()) {
      if (2 * release.getValue().size() >= fullest && (latest == null || release.getKey().compareTo(latest) > 0)) {
        latest = release.getKey();
      }
    }
    return latest == null || latest.isEmpty() ? null : latest;
  }

  private static List<Country> members(SplittableRandom random) {
    List<Country> countries = new ArrayList<>();
    for (String code : CODES) {
      LocalDate since = random.nextInt(4) == 0 ? null
          : LocalDate.of(2012, 1, 1).plusDays(random.nextInt(15 * 365));
      countries.add(new Country(code, Countries.standard().byIso3(code).orElseThrow().name(), since, null, null));
    }
    return countries;
  }

  private static List<String> releaseMonths(SplittableRandom random) {
    Set<String> months = new TreeSet<>();
    int releases = 2 + random.nextInt(3);
    while (months.size() < releases) {
      months.add(String.format("%d-%02d", 2016 + random.nextInt(11), 1 + random.nextInt(12)));
    }
    return List.copyOf(months);
  }

  /** Figures for random years up to the release's year and random countries; some without a figure. */
  private static List<Figure> release(SplittableRandom random, String source, String month) {
    int lastYear = month == null ? 2025 : Integer.parseInt(month.substring(0, 4));
    double share = 0.2 + random.nextDouble() * 0.8;
    List<Figure> figures = new ArrayList<>();
    for (int year = 2015; year <= lastYear; year++) {
      if (random.nextInt(3) == 0) {
        continue;
      }
      for (String code : CODES) {
        if (random.nextDouble() < share) {
          Double pct = random.nextInt(15) == 0 ? null : 0.8 + random.nextInt(40) / 10.0;
          figures.add(new Figure(source, month, code, year, pct));
        }
      }
    }
    return figures;
  }
}
