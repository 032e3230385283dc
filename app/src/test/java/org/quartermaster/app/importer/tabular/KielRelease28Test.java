package org.quartermaster.app.importer.tabular;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingDouble;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.AidBasis;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Table;

/**
 * The real Kiel Release 28 files (test resources, see their ORIGIN.md) through the shipped mappings,
 * and what holds between the bilateral rows and the per-donor summary.
 */
class KielRelease28Test {
  private static final String KIEL = "https://www.kielinstitut.de/fileadmin/Dateiverwaltung/IfW-Publications/"
      + "fis-import/c80bbebb-b4e7-4581-8f32-e32a1da7ecfa-Ukraine_Support_Tracker_Release_28.xlsx";
  /**
   * The shipped mappings cite Release 28 as the bundled rows do (publisher, release name, data-through date),
   * so the two are one release, never summed (issue 9).
   */
  private static final Provenance RELEASE_28 = new Provenance(KIEL, null, "Kiel UST Release 28", "2026-04",
      "Kiel Institute for the World Economy", "Kiel Institute, Ukraine Support Tracker, Release 28 (data to 2026-02-28)",
      SourceGrade.OFFICIAL, "https://github.com/marhip97/ukrainastotte");
  private static final double BILLION = 1e9;

  static Path kielFile(String name) {
    try {
      return Path.of(Objects.requireNonNull(KielRelease28Test.class.getResource("/third_party/kiel_release28/" + name),
          name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ParsedFile importKiel(String name, Path mapping) throws IOException {
    return new CsvImporter().read(new ImportRequest(kielFile(name), null, mapping, null, null, false, false),
        Countries.standard());
  }

  private static List<AidRow> aidRows(ParsedFile parsed) {
    return parsed.rows().stream().map(AidRow.class::cast).toList();
  }

  @Test
  void read_bilateralWithoutMapping_readsEveryActivityAsTheMetadataCounts() throws IOException {
    int expected = new ObjectMapper().readTree(kielFile("metadata.json").toFile()).get("antall_bilateral_rader")
        .asInt();

    ParsedFile parsed = importKiel("bilateral_activities.csv", null);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.table()).isEqualTo(Table.AID);
    assertThat(expected).isEqualTo(5_565);
    assertThat(parsed.rows()).hasSize(expected);
    assertThat(parsed.rowsRead()).isEqualTo(expected);
    assertThat(parsed.badRows()).isEmpty();
  }

  @Test
  void read_bilateralFirstRow_hasEveryFieldAndTheKielProvenance() throws IOException {
    AidRow first = aidRows(importKiel("bilateral_activities.csv", Path.of("kiel-r28-bilateral"))).getFirst();

    assertThat(first).isEqualTo(new AidRow(2, "Australia", "AUS", "Ukraine", "2022-03-01", "humanitarian",
        "allocation", 23417159.978473667, "EUR", "unit", null, null, "2026-02-28", RELEASE_28, null, AidBasis.PERIOD));
  }

  @Test
  void read_bilateral_institutionsHaveNoCountryCodeAndEveryOtherDonorHasOne() throws IOException {
    List<AidRow> rows = aidRows(importKiel("bilateral_activities.csv", null));

    Set<String> withoutCode = new TreeSet<>();
    rows.stream().filter(r -> r.donorIso3() == null).forEach(r -> withoutCode.add(r.donor()));
    assertThat(withoutCode)
        .containsExactly("EU (Commission and Council)", "European Investment Bank", "European Peace Facility");
    assertThat(rows).filteredOn(r -> r.donor().equals("Turkiye")).allMatch(r -> r.donorIso3().equals("TUR"));
    assertThat(rows).filteredOn(r -> r.donor().equals("Taiwan")).allMatch(r -> r.donorIso3().equals("TWN"));
    assertThat(rows).filteredOn(r -> r.date() == null).hasSize(284);
  }

  @Test
  void read_countrySummary_givesEightRowsPerDonor() throws IOException {
    ParsedFile parsed = importKiel("country_summary.csv", null);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rowsRead()).isEqualTo(42);
    assertThat(parsed.rows()).hasSize(42 * 8);
    AidRow first = aidRows(parsed).getFirst();
    assertThat(first.donor()).isEqualTo("Australia");
    assertThat(first.category()).isEqualTo("financial");
    assertThat(first.measure()).isEqualTo("allocation");
    assertThat(first.unit()).isEqualTo("billion");
    assertThat(first.fileRow()).isEqualTo(2);
  }

  /** The summary's own total column is the sum of its three categories, for both measures. */
  @Test
  void read_countrySummary_totalIsFinancialPlusHumanitarianPlusMilitary() throws IOException {
    Map<String, Double> byKey = summary();
    Set<String> donors = new TreeSet<>();
    byKey.keySet().forEach(k -> donors.add(k.split("\\|")[0]));

    assertThat(donors).hasSize(42);
    for (String donor : donors) {
      for (String measure : List.of("allocation", "commitment")) {
        double parts = byKey.get(donor + "|financial|" + measure) + byKey.get(donor + "|humanitarian|" + measure)
            + byKey.get(donor + "|military|" + measure);
        assertThat(byKey.get(donor + "|total|" + measure)).as("%s total %s", donor, measure)
            .isCloseTo(parts, within(1e-9));
      }
    }
  }

  /**
   * The summary's {category}_allocation is the sum of the bilateral Allocation rows of the donor and
   * category, in EUR billion: for all 42 donors × 3 categories but two, which this release documents
   * differently (see ORIGIN.md): the EU's financial allocation also counts the European Investment
   * Bank's rows, and Slovenia's humanitarian rows sum to EUR 6.7 million more than the summary.
   */
  @Test
  void read_kielFiles_countryAllocationsMatchTheSummedBilateralRows() throws IOException {
    Map<String, Double> summary = summary();
    Map<String, Double> bilateral = aidRows(importKiel("bilateral_activities.csv", null)).stream()
        .filter(r -> r.measure().equals("allocation"))
        .collect(groupingBy(r -> r.donor() + "|" + r.category(), summingDouble(r -> r.amount() / BILLION)));
    int matching = 0;
    for (String key : summary.keySet()) {
      String[] parts = key.split("\\|");
      if (parts[1].equals("total") || !parts[2].equals("allocation")) {
        continue;
      }
      String bilateralKey = parts[0] + "|" + parts[1];
      double summed = bilateral.getOrDefault(bilateralKey, 0.0);
      if (bilateralKey.equals("EU (Commission and Council)|financial")) {
        summed += bilateral.get("European Investment Bank|financial");
      } else if (bilateralKey.equals("Slovenia|humanitarian")) {
        summed -= 0.0067;
      } else {
        matching++;
      }
      assertThat(summary.get(key)).as(key).isCloseTo(summed, within(1e-9));
    }
    assertThat(matching).isEqualTo(42 * 3 - 2);
  }

  /**
   * 2,842 bilateral rows share their {@link AidRow#key()} with another row (2,739 are identical lines:
   * the export dropped the columns that tell those activities apart), yet the summary counts every one
   * of them: dropping the repeats would break the totals, e.g. Austria's humanitarian allocation.
   */
  @Test
  void read_bilateral_rowsWithTheSameKeyAreSeparateActivities() throws IOException {
    List<AidRow> rows = aidRows(importKiel("bilateral_activities.csv", null));
    Map<String, Long> rowsByKey = rows.stream().collect(groupingBy(KielRelease28Test::sameFields, counting()));

    assertThat(rowsByKey.values().stream().filter(n -> n > 1).mapToLong(Long::longValue).sum()).isEqualTo(2_842);
    List<AidRow> austria = rows.stream().filter(r -> r.donor().equals("Austria") && r.category().equals("humanitarian")
        && r.measure().equals("allocation")).toList();
    double all = austria.stream().mapToDouble(AidRow::amount).sum() / BILLION;
    double distinct = austria.stream().collect(toMap(KielRelease28Test::sameFields, AidRow::amount, (first, repeat) -> first))
        .values().stream().mapToDouble(Double::doubleValue).sum() / BILLION;
    double summary = summary().get("Austria|humanitarian|allocation");
    assertThat(all).isCloseTo(summary, within(1e-9));
    assertThat(distinct).isLessThan(summary - 0.001);
  }

  /** What two identical activity lines share (aid rows have no key: such lines are separate activities). */
  private static String sameFields(AidRow r) {
    return String.join("|", r.donor(), r.recipient(), String.valueOf(r.date()), r.category(), r.measure(),
        String.valueOf(r.item()), String.valueOf(r.amount()), r.currency());
  }

  @Test
  void read_bilateral_commitmentRowsCarryNoValue() throws IOException {
    List<AidRow> commitments = aidRows(importKiel("bilateral_activities.csv", null)).stream()
        .filter(r -> r.measure().equals("commitment")).toList();

    assertThat(commitments).hasSize(283).allMatch(r -> r.amount() == 0.0);
  }

  /** financial_disbursements.csv is recognised: one aid row per donor and month, dated YYYY-MM from aar and maaned. */
  @Test
  void read_financialDisbursementsWithoutMapping_datesEveryRowByYearAndMonth() throws IOException {
    ParsedFile parsed = importKiel("financial_disbursements.csv", null);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).hasSize(131);
    assertThat(aidRows(parsed).getFirst()).isEqualTo(new AidRow(2, "Austria", "AUT", "Ukraine", "2022-05", "financial",
        "disbursement", 0.010398449685683226, "EUR", "billion", null, null, "2026-02-28", RELEASE_28, null,
        AidBasis.PERIOD));
    assertThat(aidRows(parsed)).allSatisfy(row -> assertThat(row.date()).matches("20\\d\\d-(0[1-9]|1[0-2])"));
  }

  /**
   * A per-year table whose columns are the summary's plus a year is not the summary: recognising it
   * would store yearly figures as totals. Detection names the column instead.
   */
  @Test
  void shippedMappingFor_summaryWithAYearColumn_isNoneAndTheNearMissNamesTheColumn() throws IOException {
    List<String> perYear = new java.util.ArrayList<>(header("country_summary.csv"));
    perYear.add(1, "aar");

    assertThat(Mappings.shippedMappingFor(perYear)).isEmpty();
    assertThat(Mappings.nearMiss(perYear)).get().asString().startsWith(
        "has every column the shipped mapping kiel-r28-country-summary reads, and also aar, which it does not know");
    assertThat(Mappings.nearMiss(header("country_summary.csv"))).isEmpty();
  }

  @Test
  void shippedMappingFor_kielHeaders_namesTheirMappingsAndNothingElse() throws IOException {
    assertThat(Mappings.shippedMappingFor(header("bilateral_activities.csv"))).contains("kiel-r28-bilateral");
    assertThat(Mappings.shippedMappingFor(header("country_summary.csv"))).contains("kiel-r28-country-summary");
    assertThat(Mappings.shippedMappingFor(header("financial_disbursements.csv")))
        .contains("kiel-r28-financial-disbursements");
    assertThat(new CsvImporter().looksLike(header("bilateral_activities.csv"))).isTrue();
    assertThat(new CsvImporter().looksLike(List.of("country", "year", "pct_gdp"))).isFalse();
  }

  private static List<String> header(String name) throws IOException {
    return List.of(Files.readAllLines(kielFile(name)).getFirst().split(","));
  }

  /** donor|category|measure → EUR billion, from country_summary.csv. */
  private static Map<String, Double> summary() throws IOException {
    return aidRows(importKiel("country_summary.csv", Path.of("kiel-r28-country-summary"))).stream()
        .collect(groupingBy(r -> r.donor() + "|" + r.category() + "|" + r.measure(), summingDouble(AidRow::amount)));
  }
}
