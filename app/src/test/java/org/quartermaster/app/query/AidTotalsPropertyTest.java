package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.app.data.AidBasis;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.query.AidQuery.By;
import org.quartermaster.app.store.RowWriter;
import org.quartermaster.app.store.Store;

/**
 * The aid totals rule over random stores: several publishers and releases (some without a data-through
 * date), releases imported twice, both bases, two currencies and units, overlapping categories and
 * measures, and a group of donors. Every answer is checked against a plain reference written here:
 * either the sums equal the reference's, line for line, or the query is refused because a line would
 * add overlapping categories or measures.
 */
class AidTotalsPropertyTest {
  private static final List<String> DONORS = List.of("Germany", "France", "United States", "Norway", "Japan",
      "EU (Commission and Council)", "Europe");
  private static final Map<String, String> GROUP = Map.of("Germany", "EU member states", "France", "EU member states",
      "United States", "United States", "Norway", "other Europe", "Japan", "others",
      "EU (Commission and Council)", "EU institutions");
  private static final Set<String> EUROPEAN = Set.of("EU member states", "EU institutions", "other Europe");

  static Stream<Long> seeds() {
    return LongStream.range(0, 60).boxed();
  }

  /** One generated release: its rows per dataset (the last dataset is the latest import). */
  private record Release(String publisher, String name, String dataThrough, List<Integer> datasets) {}

  private record Figure(int dataset, String donor, String category, String measure, double amount, String currency,
      String unit, String basis, Release release) {}

  @ParameterizedTest
  @MethodSource("seeds")
  void sums_equalTheReferenceOrAreRefusedForOverlaps(long seed) {
    Random random = new Random(seed);
    List<Release> releases = new ArrayList<>();
    List<Figure> figures = new ArrayList<>();
    int dataset = 1;
    for (String publisher : List.of("Kiel Institute", "US Department of State")) {
      List<Integer> months = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
      java.util.Collections.shuffle(months, random);
      int count = 1 + random.nextInt(3);
      for (int r = 0; r < count; r++) {
        String through = random.nextInt(6) == 0 ? "unknown" : "2025-0" + months.get(r) + (random.nextBoolean() ? "" : "-15");
        List<Integer> datasets = new ArrayList<>();
        int copies = random.nextInt(4) == 0 ? 2 : 1;
        for (int c = 0; c < copies; c++) {
          datasets.add(dataset++);
        }
        releases.add(new Release(publisher, publisher + " release " + r, through, datasets));
      }
    }
    for (Release release : releases) {
      for (int id : release.datasets()) {
        int rows = 3 + random.nextInt(25);
        for (int i = 0; i < rows; i++) {
          figures.add(new Figure(id, pick(random, DONORS), pick(random, List.of("military", "financial", "total")),
              pick(random, List.of("commitment", "allocation")), Math.round(random.nextDouble() * 1000) / 100.0,
              pick(random, List.of("EUR", "USD")), pick(random, List.of("billion", "million")),
              pick(random, List.of("cumulative", "period")), release));
        }
      }
    }
    try (Store store = store(figures)) {
      for (int query = 0; query < 6; query++) {
        By by = pick(random, Arrays.asList(By.values()));
        String category = random.nextBoolean() ? null : pick(random, List.of("military", "financial", "total"));
        String measure = random.nextBoolean() ? null : pick(random, List.of("commitment", "allocation"));
        String release = random.nextBoolean() ? null : "all";
        check(store, figures, releases, by, category, measure, release);
      }
    }
  }

  private static void check(Store store, List<Figure> figures, List<Release> releases, By by, String category,
      String measure, String release) {
    Set<Release> asked = new HashSet<>();
    for (Figure f : figures) {
      if ((category == null || category.equals(f.category())) && (measure == null || measure.equals(f.measure()))) {
        asked.add(f.release());
      }
    }
    List<Release> candidates = releases.stream().filter(asked::contains).toList();
    Set<Release> chosen = new HashSet<>(release == null ? latest(candidates) : candidates);
    // a release imported twice: each figure from the latest import that holds it
    Map<List<Object>, Integer> latestImport = new HashMap<>();
    for (Figure f : figures) {
      latestImport.merge(figureKey(f), f.dataset(), Math::max);
    }
    Map<List<Object>, double[]> expected = new HashMap<>();
    Map<List<Object>, Set<String>> categories = new HashMap<>();
    Map<List<Object>, Set<String>> measures = new HashMap<>();
    for (Figure f : figures) {
      if (!chosen.contains(f.release()) || f.dataset() != latestImport.get(figureKey(f))
          || category != null && !category.equals(f.category()) || measure != null && !measure.equals(f.measure())) {
        continue;
      }
      String group = switch (by) {
        case DONOR -> f.donor();
        case DONOR_GROUP -> GROUP.get(f.donor());
        case CATEGORY -> f.donor().equals("Europe") ? null : f.category();
        case MEASURE -> f.donor().equals("Europe") ? null : f.measure();
        case RELEASE -> f.donor().equals("Europe") ? null : f.release().name();
      };
      if (group == null) {
        continue;
      }
      List<Object> key = List.of(group, f.release().name(), f.basis(), f.currency(), f.unit());
      add(expected, key, f.amount());
      categories.computeIfAbsent(key, k -> new HashSet<>()).add(f.category());
      measures.computeIfAbsent(key, k -> new HashSet<>()).add(f.measure());
      if (by == By.DONOR_GROUP && EUROPEAN.contains(group)) {
        add(expected, List.of(AidSums.EUROPE, f.release().name(), f.basis(), f.currency(), f.unit()), f.amount());
      }
    }
    boolean overlaps = categories.values().stream().anyMatch(s -> by != By.CATEGORY && s.size() > 1)
        || measures.values().stream().anyMatch(s -> by != By.MEASURE && s.size() > 1);
    AidQuery.Options options = new AidQuery.Options(by, null, category, measure, release, null);
    String what = by + " category=" + category + " measure=" + measure + " release=" + release;
    if (overlaps) {
      assertThatThrownBy(() -> AidQuery.run(store, options)).as(what).isInstanceOf(QueryException.class)
          .hasMessageContaining("a sum by " + by.cliName() + " would add, within one release, several");
      return;
    }
    QueryResult result = AidQuery.run(store, options);
    int release0 = by == By.RELEASE ? 0 : 1;
    Map<List<Object>, double[]> actual = new HashMap<>();
    for (List<Object> row : result.rows()) {
      List<Object> key = List.of(row.get(0), row.get(release0), String.valueOf(row.get(release0 + 1)),
          row.get(release0 + 2), row.get(release0 + 3));
      assertThat(actual.put(key, new double[] {(Double) row.get(release0 + 4),
          ((Number) row.get(release0 + 5)).doubleValue()})).as("one line per %s (%s)", key, what).isNull();
    }
    assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
    expected.forEach((key, sum) -> {
      assertThat(actual.get(key)[0]).as("%s: %s", what, key).isCloseTo(sum[0], offset(1e-6));
      assertThat(actual.get(key)[1]).as("%s: records of %s", what, key).isEqualTo(sum[1]);
    });
  }

  private static List<Object> figureKey(Figure f) {
    return List.of(f.release().name(), f.donor(), f.category(), f.measure(), f.basis(), f.currency(), f.unit());
  }

  private static void add(Map<List<Object>, double[]> sums, List<Object> key, double amount) {
    double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
    sum[0] += amount;
    sum[1] += 1;
  }

  /**
   * The reference's latest: per publisher, of the releases with figures for what was asked, the one with the
   * latest dated data-through.
   */
  private static List<Release> latest(List<Release> releases) {
    Map<String, Release> latest = new HashMap<>();
    for (Release r : releases) {
      if (r.dataThrough().equals("unknown")) {
        continue;
      }
      Release seen = latest.get(r.publisher());
      if (seen == null || end(r.dataThrough()).compareTo(end(seen.dataThrough())) > 0) {
        latest.put(r.publisher(), r);
      }
    }
    return List.copyOf(latest.values());
  }

  private static String end(String through) {
    return through.length() == 7 ? java.time.YearMonth.parse(through).atEndOfMonth().toString() : through;
  }

  private static Store store(List<Figure> figures) {
    Store store = Store.inMemory();
    Countries countries = Countries.standard();
    store.write(connection -> {
      Map<Integer, List<AidRow>> byDataset = new HashMap<>();
      for (Figure f : figures) {
        Provenance provenance = new Provenance("https://example.org/" + f.release().name().replace(' ', '-'), null,
            f.release().name(), null, f.release().publisher(), null, SourceGrade.OFFICIAL, null);
        String iso3 = countries.find(f.donor()).map(org.quartermaster.app.data.Country::iso3).orElse(null);
        List<AidRow> rows = byDataset.computeIfAbsent(f.dataset(), k -> new ArrayList<>());
        rows.add(new AidRow(rows.size() + 2, f.donor(), iso3, "Ukraine", null, f.category(), f.measure(), f.amount(),
            f.currency(), f.unit(), null, null, f.release().dataThrough(), provenance, null,
            AidBasis.byName(f.basis()).orElseThrow()));
      }
      for (Map.Entry<Integer, List<AidRow>> e : byDataset.entrySet()) {
        RowWriter.append(connection, "aid_rows", e.getKey(), e.getValue());
      }
      return null;
    });
    return store;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
