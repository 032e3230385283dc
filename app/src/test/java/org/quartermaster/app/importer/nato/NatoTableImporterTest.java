package org.quartermaster.app.importer.nato;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quartermaster.app.importer.ImportFixtures.onlyProblem;
import static org.quartermaster.app.importer.ImportFixtures.request;
import static org.quartermaster.app.importer.ImportFixtures.resource;
import static org.quartermaster.app.importer.ImportFixtures.write;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Table;

class NatoTableImporterTest {
  private static final String JUNE_2024 = "NATO Defence Expenditure of NATO Countries (2014-2024), June 2024 release";
  private static final String URL = "https://github.com/jacobvoss/geopolitical-dashboard/blob/"
      + "a6a6f6ca379a283e9ced303ca79e675e258009d8/cleaned_data/nato_defense_spending_clean.csv";

  @TempDir
  Path dir;

  private ParsedFile read(String text, String vintage) throws IOException {
    Path file = write(dir, "nato.csv", text);
    return new NatoTableImporter().read(request(file, ImportFormat.NATO, URL, vintage), Countries.standard());
  }

  /** The real June 2024 table gives the bundled NATO series of that vintage, to its 2 decimals. */
  /** Review of issue 9: amounts written with thousands separators (1,234) were read as 1.234 % of GDP. */
  @Test
  void read_commaBeforeThreeDigits_isAmbiguousAndNamed() throws IOException {
    ParsedFile parsed = read("Country,2020,2021\nEstonia,\"1,234\",\"1,456\"\nLatvia,2.1,2.2\n", "2022-06");

    assertThat(parsed.problems()).hasSize(2).first().satisfies(p -> {
      assertThat(p.value()).isEqualTo("1,234");
      assertThat(p.message()).startsWith("is ambiguous: 1,234 reads as 1.234 with a decimal comma or as 1234 with a"
          + " thousands separator");
    });
    assertThat(parsed.rows()).hasSize(2);
  }

  /** Review of issue 9: a second table under a title line (not a repeated header) was read as % of GDP. */
  @Test
  void read_secondTableUnderATitleLine_isNamedAtTheTitle() throws IOException {
    ParsedFile parsed = read("Country,2020,2021\nGermany,1.4,1.5\nFrance,1.9,2.0\n"
        + "Equipment expenditure as a share of defence expenditure,,\nPoland,35.1,38.0\nItaly,22.1,23.0\n", "2019-05");

    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(4);
      assertThat(p.message()).isEqualTo("a title line between rows of figures: a second table seems to start here");
    });
  }

  @Test
  void read_realJune2024Table_givesBundledSeriesOfThatVintage() throws IOException {
    Path file = resource("third_party/nato_2024/nato_defense_spending_clean.csv");

    ParsedFile parsed = new NatoTableImporter().read(request(file, ImportFormat.NATO, URL, "2024-06"),
        Countries.standard());

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.table()).isEqualTo(Table.SPENDING);
    assertThat(parsed.rowsRead()).isEqualTo(31);
    assertThat(parsed.rows()).hasSize(31 * 11);
    Map<String, String> bundled = bundledJune2024();
    List<String> mismatches = new ArrayList<>();
    for (var row : parsed.rows()) {
      SpendingRow spending = (SpendingRow) row;
      String key = spending.iso3() + " " + spending.year();
      String rounded = BigDecimal.valueOf(spending.pctGdp()).setScale(2, RoundingMode.HALF_UP).toPlainString();
      String expected = bundled.remove(key);
      if (!rounded.equals(expected)) {
        mismatches.add(key + ": imported " + spending.pctGdp() + ", bundled " + expected);
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(bundled).as("bundled figures the file lacks").containsOnlyKeys("ISL 2024");
    SpendingRow poland2023 = parsed.rows().stream().map(SpendingRow.class::cast)
        .filter(r -> r.iso3().equals("POL") && r.year() == 2023).findFirst().orElseThrow();
    assertThat(poland2023).isEqualTo(new SpendingRow(23, "POL", "Poland", 2023, 3.260153163, null, null,
        Estimate.UNKNOWN, "nato", new Provenance(URL, "2024-06", "2024-06", "2024-06", "NATO"), null));
  }

  /** pct_gdp by "ISO3 year" for the bundled rows of the June 2024 release (ISL 2024 has none). */
  private static Map<String, String> bundledJune2024() throws IOException {
    Map<String, String> byKey = new HashMap<>();
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(Files.newBufferedReader(resource("org/quartermaster/app/bundled/nato_defence_pct_gdp.csv")))) {
      for (Map<String, String> row : rows.readAll()) {
        if (row.get("vintage").equals(JUNE_2024)) {
          byKey.put(row.get("iso3") + " " + row.get("year"), row.get("pct_gdp"));
        }
      }
    }
    assertThat(byKey).hasSize(342);
    return byKey;
  }

  @Test
  void read_messyLayout_readsEveryFigureAndSkipsAggregates() throws IOException {
    ParsedFile parsed = read("""
        \uFEFFDefence expenditure as a share of real GDP (%);;;;
        Source: NATO; 2023 and 2024 are estimates;;;;
        ;;;;
        Country ;2014;2015;2023e;2024 e;
        Albania ;1,35;1,16;1,75;2,03;
        Iceland;..;.;n/a;;
        NATO Europe and Canada;1,47;1,45;1,87;2,02;
          Türkiye;1,45;-;1,50;2,09;
        NATO Total;2,58;2,48;2,47;2,71;
        e = estimate;;;;;
        """.replace("\n", "\r\n"), "2024-06");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rowsRead()).isEqualTo(5);
    assertThat(parsed.rows()).map(SpendingRow.class::cast)
        .extracting(SpendingRow::fileRow, SpendingRow::iso3, SpendingRow::country, SpendingRow::year,
            SpendingRow::pctGdp, SpendingRow::estimate)
        .containsExactly(
            tuple(5, "ALB", "Albania", 2014, 1.35, Estimate.FALSE),
            tuple(5, "ALB", "Albania", 2015, 1.16, Estimate.FALSE),
            tuple(5, "ALB", "Albania", 2023, 1.75, Estimate.TRUE),
            tuple(5, "ALB", "Albania", 2024, 2.03, Estimate.TRUE),
            tuple(8, "TUR", "Türkiye", 2014, 1.45, Estimate.FALSE),
            tuple(8, "TUR", "Türkiye", 2023, 1.50, Estimate.TRUE),
            tuple(8, "TUR", "Türkiye", 2024, 2.09, Estimate.TRUE));
  }

  @Test
  void read_unknownCountry_namesClosestCountry() throws IOException {
    ParsedFile parsed = read("Country,2014,2015\nAlbania,1.35,1.16\nUntied States,3.71,3.51\n", "2024-06");

    onlyProblem(parsed, 3, "Country", "Untied States", "did you mean United States?");
    assertThat(parsed.rows()).hasSize(2);
  }

  @Test
  void read_nonNumericValue_reportsRowYearAndValue() throws IOException {
    ParsedFile parsed = read("Country,2014,2015\nAlbania,1.35,1.1x\n", "2024-06");

    onlyProblem(parsed, 2, "2015", "1.1x", "is not a number");
    assertThat(parsed.rows()).extracting(r -> ((SpendingRow) r).year()).containsExactly(2014);
  }

  @Test
  void read_badYearHeader_reportsHeaderCell() throws IOException {
    ParsedFile parsed = read("Country,2014,20l5,2016\nAlbania,1.35,1.16,1.10\n", "2024-06");

    onlyProblem(parsed, 1, "C", "20l5", "is not a year column");
  }

  @Test
  void read_repeatedYearHeader_reportsSecondColumn() throws IOException {
    ParsedFile parsed = read("Country,2014,2015,2015e\nAlbania,1.35,1.16,1.10\n", "2024-06");

    onlyProblem(parsed, 1, "D", "2015e", "repeats the year of column C");
  }

  @Test
  void read_withoutVintage_isWholeFileProblemAskingForVintage() throws IOException {
    ParsedFile parsed = read("Country,2014\nAlbania,1.35\n", null);

    onlyProblem(parsed, 0, null, null, "pass --vintage YYYY-MM");
  }

  @Test
  void read_vintageNotYearMonth_isWholeFileProblem() throws IOException {
    ParsedFile parsed = read("Country,2014\nAlbania,1.35\n", "June 2024");

    onlyProblem(parsed, 0, "--vintage", "June 2024", "is not a release month");
  }

  @Test
  void read_rowWithTooFewCells_reportsFirstMissingColumn() throws IOException {
    ParsedFile parsed = read("Country,2014,2015,2016\nAlbania,1.35,1.16\n", "2024-06");

    onlyProblem(parsed, 2, "2016", null, "the row has 3 cells, the header 4");
    assertThat(parsed.rows()).isEmpty();
  }

  @Test
  void read_rowWithExtraFigure_reportsCellBeyondHeader() throws IOException {
    ParsedFile parsed = read("Country,2014,2015\nAlbania,1.35,1.16,1.10\n", "2024-06");

    onlyProblem(parsed, 2, "D", "1.10", "is under no column of the header");
  }

  @Test
  void read_emptyFile_isWholeFileProblem() throws IOException {
    ParsedFile parsed = read("\n\n", "2024-06");

    onlyProblem(parsed, 0, null, null, "is empty");
    assertThat(parsed.rowsRead()).isZero();
  }

  @Test
  void read_noHeader_isWholeFileProblem() throws IOException {
    ParsedFile parsed = read("Nation,Y2014\nAlbania,1.35\n", "2024-06");

    onlyProblem(parsed, 0, null, null, "has no NATO table header");
  }

  @Test
  void read_severalBadRows_reportsEveryProblemAndKeepsOnlyGoodCells() throws IOException {
    ParsedFile parsed = read("""
        Country,2014,2015
        Albania,1.35,abc
        Belgium,0.97,0.91
        Frnace,-1.8,1.78
        """, "2024-06");

    assertThat(parsed.problems())
        .extracting(p -> p.row(), p -> p.column(), p -> p.value())
        .containsExactly(tuple(2, "2015", "abc"), tuple(4, "Country", "Frnace"), tuple(4, "2014", "-1.8"));
    assertThat(parsed.problems().get(1).message()).contains("did you mean France?");
    assertThat(parsed.problems().get(2).message()).contains("is negative");
    assertThat(parsed.badRows()).containsExactlyInAnyOrder(2, 4);
    assertThat(parsed.rows()).extracting(r -> r.fileRow()).containsExactly(2, 3, 3); // Albania's good 2014 stays
    assertThat(parsed.rowsRead()).isEqualTo(3);
  }

  /** A bad figure costs its cell only: Germany's good 2022 value stays when its 2023 cell is bad. */
  @Test
  void read_badCell_keepsTheRowsOtherYears() throws IOException {
    ParsedFile parsed = read("Country,2022,2023\nGermany,1.49,1.x7\nFrance,1.89,1.90\n", "2024-06");

    onlyProblem(parsed, 2, "2023", "1.x7", "is not a number");
    assertThat(parsed.rows()).map(SpendingRow.class::cast)
        .extracting(SpendingRow::iso3, SpendingRow::year, SpendingRow::pctGdp)
        .containsExactly(tuple("DEU", 2022, 1.49), tuple("FRA", 2022, 1.89), tuple("FRA", 2023, 1.90));
  }

  /** A wide table of amounts has a NATO table's header; its values say it is not one, vintage or not. */
  @Test
  void read_wideTableOfAmounts_isRefusedAsAmountsWithOneProblem() throws IOException {
    Path file = resource("amounts/milex_constant_usd_wide.csv");
    String expected = "values look like amounts (median 6,722), not % of GDP: import with a mapping, "
        + "see docs/import-mappings.md";

    for (String vintage : new String[] {"2024-06", null}) {
      ParsedFile parsed = new NatoTableImporter().read(request(file, ImportFormat.NATO, URL, vintage),
          Countries.standard());

      assertThat(onlyProblem(parsed, 0, null, null, expected).message()).isEqualTo(expected);
      assertThat(parsed.rows()).isEmpty();
    }
  }

  @Test
  void read_figureAbove100_isAProblemInItsCell() throws IOException {
    ParsedFile parsed = read("Country,2022,2023\nGermany,1.49,1570\nFrance,1.89,1.90\n", "2024-06");

    onlyProblem(parsed, 2, "2023", "1570", "is above 200: not a share of GDP in percent");
    assertThat(parsed.rows()).hasSize(3);
  }

  /** Two stacked tables: the first repeated country names the cause before the second table's figures. */
  @Test
  void read_countryAgain_namesTheSecondTable() throws IOException {
    ParsedFile parsed = read("""
        Country,2022,2023
        Albania,1.58,1.75
        Belgium,1.18,1.13
        Albania,-3.2,10.8
        Belgium,2.1,-4.0
        """, "2024-06");

    assertThat(parsed.problems()).extracting(p -> p.row(), p -> p.column(), p -> p.value())
        .containsExactly(tuple(4, "Country", "Albania"), tuple(4, "2022", "-3.2"), tuple(5, "2023", "-4.0"));
    assertThat(parsed.problems().getFirst().toString())
        .endsWith("nato.csv:4:Country: 'Albania' — again (first at row 2): a second table seems to start here");
    assertThat(parsed.rows()).extracting(r -> r.fileRow()).containsExactly(2, 2, 3, 3, 5);
  }

  @Test
  void read_headerAgain_namesTheSecondTableOnce() throws IOException {
    ParsedFile parsed = read("""
        Country,2022,2023
        Albania,1.58,1.75

        Country,2022,2023
        Albania,-3.2,10.8
        """, "2024-06");

    assertThat(parsed.problems()).extracting(p -> p.row(), p -> p.value(), p -> p.message())
        .containsExactly(tuple(4, "Country", "repeats the header (row 1): a second table seems to start here"),
            tuple(5, "-3.2", "is negative: expected a share of GDP in percent such as 1.85 (blank, '.', '..' or "
                + "'n/a' for no figure)"));
  }

  @Test
  void looksLike_natoTable_isTrue() throws IOException {
    List<String> lines = Files.readAllLines(resource("third_party/nato_2024/nato_defense_spending_clean.csv"));

    assertThat(NatoTableImporter.looksLike(lines)).isTrue();
    assertThat(NatoTableImporter.looksLike(List.of("Title", "Country name;2023e;2024e"))).isTrue();
  }

  @Test
  void looksLike_otherFormats_isFalse() {
    assertThat(NatoTableImporter.looksLike(List.of("Entity,Code,Year,Military expenditure (% of GDP)"))).isFalse();
    assertThat(NatoTableImporter.looksLike(List.of("country,iso3,year,pct_gdp,estimate"))).isFalse();
    assertThat(NatoTableImporter.looksLike(List.of())).isFalse();
  }
}
