package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.app.importer.tabular.KielRelease28Test.kielFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.AidBasis;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ParsedFile;

/**
 * Kiel's relative country summary (aid as % of donor GDP, test resource country_summary_relative.csv, see
 * ORIGIN.md): recognised by its header, each donor's share kept on its total allocation with the GDP year,
 * and never confused with the absolute summary.
 */
class KielRelativeSharesTest {

  private static ParsedFile read(String name, Path mapping) throws IOException {
    return new CsvImporter().read(new ImportRequest(kielFile(name), null, mapping, null, null, false, false),
        Countries.standard());
  }

  private static Map<String, AidRow> byDonor(ParsedFile parsed) {
    return parsed.rows().stream().map(AidRow.class::cast)
        .collect(Collectors.toMap(AidRow::donor, Function.identity()));
  }

  @Test
  void read_relativeWithoutMapping_keepsEveryDonorsShareOfGdp2021OnItsTotalAllocation() throws IOException {
    ParsedFile parsed = read("country_summary_relative.csv", null);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).hasSize(42);
    AidRow germany = byDonor(parsed).get("Germany");
    assertThat(germany.donorIso3()).isEqualTo("DEU");
    assertThat(germany.category()).isEqualTo("total");
    assertThat(germany.measure()).isEqualTo("allocation");
    assertThat(germany.amount()).isEqualTo(25.294509050280748);
    assertThat(germany.currency()).isEqualTo("EUR");
    assertThat(germany.unit()).isEqualTo("billion");
    assertThat(germany.basis()).isEqualTo(AidBasis.CUMULATIVE);
    assertThat(germany.gdpSharePct()).isEqualTo(0.7022838634075417); // exactly as the file gives it
    assertThat(germany.gdpShareYear()).isEqualTo(2021);
    assertThat(germany.provenance().vintage()).isEqualTo("Kiel UST Release 28");
    assertThat(germany.provenance().sourceTitle()).contains("Country Summary", "% of GDP (2021)");
    AidRow eu = byDonor(parsed).get("EU (Commission and Council)");
    assertThat(eu.donorIso3()).isNull();
    assertThat(eu.gdpSharePct()).isEqualTo(0.5813049773616742);
  }

  /** Germany by hand: 25.2945 bn ÷ Kiel's GDP 2021 of 3,601.75 bn (bnp_eur_mrd) × 100 = 0.70228 %. */
  @Test
  void read_relative_shareIsTheTotalOverKielsGdpAndTheTotalIsTheAbsoluteSummarys() throws IOException {
    Map<String, AidRow> relative = byDonor(read("country_summary_relative.csv", null));
    Map<String, Double> absolute = read("country_summary.csv", null).rows().stream().map(AidRow.class::cast)
        .filter(r -> r.category().equals("total") && r.measure().equals("allocation"))
        .collect(Collectors.toMap(AidRow::donor, AidRow::amount));

    assertThat(relative.get("Germany").gdpSharePct()).isCloseTo(25.294509050280748 / 3601.7499999999454 * 100,
        org.assertj.core.api.Assertions.within(1e-12));
    assertThat(relative.keySet()).isEqualTo(absolute.keySet());
    relative.forEach((donor, row) -> assertThat(row.amount()).as(donor).isEqualTo(absolute.get(donor)));
    // the absolute summary carries no share
    assertThat(read("country_summary.csv", null).rows()).allSatisfy(r -> assertThat(((AidRow) r).gdpSharePct())
        .isNull());
  }

  /** Regression: the relative file is not taken for the absolute one, nor the absolute for the relative. */
  @Test
  void shippedMappingFor_relativeAndAbsoluteHeaders_eachNamesItsOwnMapping() throws IOException {
    assertThat(Mappings.shippedMappingFor(header("country_summary_relative.csv")))
        .contains("kiel-r28-country-summary-relative");
    assertThat(Mappings.shippedMappingFor(header("country_summary.csv"))).contains("kiel-r28-country-summary");
  }

  @Test
  void read_eachFileWithTheOtherFilesMapping_isRefusedNamingTheMissingColumns() throws IOException {
    ParsedFile relativeAsAbsolute = read("country_summary_relative.csv", Path.of("kiel-r28-country-summary"));
    ParsedFile absoluteAsRelative = read("country_summary.csv", Path.of("kiel-r28-country-summary-relative"));

    assertThat(relativeAsAbsolute.rows()).isEmpty();
    assertThat(relativeAsAbsolute.problems().toString()).contains("military_allocation");
    assertThat(absoluteAsRelative.rows()).isEmpty();
    assertThat(absoluteAsRelative.problems().toString()).contains("andel_bnp_pct");
  }

  private static List<String> header(String name) throws IOException {
    return List.of(Files.readAllLines(kielFile(name)).getFirst().split(","));
  }
}
