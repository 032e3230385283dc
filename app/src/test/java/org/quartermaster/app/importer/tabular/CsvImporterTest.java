package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ParsedFile;

/** The CSV importer on small fixtures, one per robustness rule and per kind of bad input. */
class CsvImporterTest {
  private static final String SPENDING = """
      table: spending
      columns: {country: country, year: year, pct_gdp: pct_gdp}
      constants: {source: nato, vintage: 2024-06}
      """;

  @TempDir
  Path dir;

  private ParsedFile importCsv(String csv, String mapping) throws IOException {
    return importBytes(csv.getBytes(StandardCharsets.UTF_8), mapping);
  }

  private ParsedFile importBytes(byte[] csv, String mapping) throws IOException {
    Path file = dir.resolve("data.csv");
    Files.write(file, csv);
    Path mappingFile = dir.resolve("mapping.yaml");
    Files.writeString(mappingFile, mapping);
    return new CsvImporter().read(new ImportRequest(file, null, mappingFile, null, null, false, false),
        Countries.standard());
  }

  private String file() {
    return dir.resolve("data.csv").toString();
  }

  private static List<SpendingRow> spending(ParsedFile parsed) {
    return parsed.rows().stream().map(SpendingRow.class::cast).toList();
  }

  private static final String DISBURSEMENTS = """
      table: aid
      columns: {donor: giver, date: {year: aar, month: maaned}, amount: mrd}
      constants: {recipient: Ukraine, category: financial, measure: disbursement, currency: EUR, unit: billion}
      """;

  @Test
  void read_dateFromYearAndMonth_givesYearMonthAndNamesBothColumnsWhenBad() throws IOException {
    ParsedFile parsed = importCsv("giver,aar,maaned,mrd\nAustria,2022,5,0.01\nBelgium,2023,12,0.02\n"
        + "Canada,2023,13,0.03\nDenmark,,,0.04\n", DISBURSEMENTS);

    assertThat(parsed.rows()).extracting(r -> ((org.quartermaster.app.data.AidRow) r).date())
        .containsExactly("2022-05", "2023-12", null);
    assertThat(parsed.problems()).extracting(p -> p.row(), p -> p.column(), p -> p.value())
        .containsExactly(tuple(4, "aar+maaned", "2023-13"));
    assertThat(parsed.problems().getFirst().message()).isEqualTo("date is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
  }

  @Test
  void read_plainCsv_givesRowsNumberedAsLinesWithProvenance() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp\nGermany,2023,1.57\nPoland,2024,4.12\n", SPENDING);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rowsRead()).isEqualTo(2);
    assertThat(spending(parsed)).extracting(SpendingRow::fileRow, SpendingRow::iso3, SpendingRow::year,
        SpendingRow::pctGdp, SpendingRow::estimate, SpendingRow::source)
        .containsExactly(tuple(2, "DEU", 2023, 1.57, Estimate.UNKNOWN, "nato"),
            tuple(3, "POL", 2024, 4.12, Estimate.UNKNOWN, "nato"));
    assertThat(spending(parsed).getFirst().provenance().vintageMonth()).isEqualTo("2024-06");
  }

  @Test
  void read_semicolonsAndDecimalCommas_areDetected() throws IOException {
    ParsedFile parsed = importCsv("""
        country;year;pct_gdp;amount
        Norway;2023;1,62;1.234,5
        Germany;2024;2,12;98 765,25
        """, SPENDING.replace("pct_gdp: pct_gdp}", "pct_gdp: pct_gdp, amount: amount}"));

    assertThat(parsed.problems()).isEmpty();
    assertThat(spending(parsed)).extracting(SpendingRow::pctGdp, SpendingRow::amount)
        .containsExactly(tuple(1.62, 1234.5), tuple(2.12, 98765.25));
  }

  @Test
  void read_byteOrderMark_isNotPartOfTheFirstHeader() throws IOException {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] text = "country,year,pct_gdp\nGermany,2023,1.5\n".getBytes(StandardCharsets.UTF_8);
    byte[] csv = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, csv, 0, bom.length);
    System.arraycopy(text, 0, csv, bom.length, text.length);

    ParsedFile parsed = importBytes(csv, SPENDING);

    assertThat(parsed.problems()).isEmpty();
    assertThat(spending(parsed)).extracting(SpendingRow::country).containsExactly("Germany");
  }

  @Test
  void read_windows1252File_isDecodedAsSuch() throws IOException {
    byte[] csv = "country;year;pct_gdp\nTürkiye;2023;1,5\n".getBytes(Charset.forName("windows-1252"));

    ParsedFile parsed = importBytes(csv, SPENDING);

    assertThat(parsed.problems()).isEmpty();
    assertThat(spending(parsed)).extracting(SpendingRow::country, SpendingRow::iso3)
        .containsExactly(tuple("Türkiye", "TUR"));
  }

  @Test
  void read_placeholdersAndBlankCells_meanNoValue() throws IOException {
    ParsedFile parsed = importCsv("""
        country,year,pct_gdp,amount
        Germany,2023,..,5
        France,2023,n/a,.
        Italy,2023,,
        Spain,2023,1.3,N/A
        """, SPENDING.replace("pct_gdp: pct_gdp}", "pct_gdp: pct_gdp, amount: amount}"));

    assertThat(spending(parsed)).extracting(SpendingRow::country, SpendingRow::pctGdp, SpendingRow::amount)
        .containsExactly(tuple("Germany", null, 5.0), tuple("Spain", 1.3, null));
    assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::message)
        .containsExactly(tuple(3, null, "neither pct_gdp nor amount has a value"),
            tuple(4, null, "neither pct_gdp nor amount has a value"));
    assertThat(parsed.badRows()).containsExactlyInAnyOrder(3, 4);
    assertThat(parsed.rowsRead()).isEqualTo(4);
  }

  @Test
  void read_trailingSpacesInHeadersAndLabels_areIgnored() throws IOException {
    ParsedFile parsed = importCsv("country ,  year,pct_gdp \n  Germany  ,2023 , 1.5 \n", SPENDING);

    assertThat(parsed.problems()).isEmpty();
    assertThat(spending(parsed)).extracting(SpendingRow::country, SpendingRow::year, SpendingRow::pctGdp)
        .containsExactly(tuple("Germany", 2023, 1.5));
  }

  @Test
  void read_proseBeforeTheHeader_findsTheHeaderAndKeepsLineNumbers() throws IOException {
    ParsedFile parsed = importCsv("""
        Defence expenditure as a share of GDP
        Source: NATO, June 2024

        country,year,pct_gdp
        Germany,2023,1.5
        France,2023,x
        """, SPENDING);

    assertThat(spending(parsed)).extracting(SpendingRow::fileRow).containsExactly(5);
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(file());
      assertThat(p.row()).isEqualTo(6);
      assertThat(p.column()).isEqualTo("pct_gdp");
      assertThat(p.value()).isEqualTo("x");
      assertThat(p.message()).isEqualTo("pct_gdp is not a number");
    });
  }

  @Test
  void read_delimiterAtTheEndOfEveryLine_isIgnored() throws IOException {
    ParsedFile parsed = importCsv("country;year;pct_gdp;\nGermany;2023;1,5;\nFrance;2023;2,1;\n", SPENDING);

    assertThat(parsed.problems()).isEmpty();
    assertThat(spending(parsed)).extracting(SpendingRow::pctGdp).containsExactly(1.5, 2.1);
  }

  @Test
  void read_quotedLineBreak_keepsLaterRowsNumberedAsLines() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp,note\nGermany,2023,1.5,\"two\nlines\"\nFrance,2023,bad,\n",
        SPENDING);

    assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(4));
  }

  private static final String WIDE_SPENDING = """
      table: spending
      layout: wide
      columns: {country: Country}
      wide: {value_field: pct_gdp, key_field: year}
      constants: {source: nato}
      """;

  /** A bad cell of a wide table costs only itself: Germany's good 2022 value stays. */
  @Test
  void read_wideLayoutWithABadCell_keepsTheRowsGoodCells() throws IOException {
    ParsedFile parsed = importCsv("Country,2022,2023\nGermany,1.49,1.x7\n", WIDE_SPENDING);

    assertThat(parsed.problems()).extracting(p -> p.row(), p -> p.column(), p -> p.value())
        .containsExactly(tuple(2, "2023", "1.x7"));
    assertThat(spending(parsed)).extracting(SpendingRow::year, SpendingRow::pctGdp).containsExactly(tuple(2022, 1.49));
  }

  /** Two tables stacked under one header: the first name seen again says where the second starts. */
  @Test
  void read_wideLayoutWithANameAgain_namesTheSecondTable() throws IOException {
    ParsedFile parsed = importCsv("Country,2022,2023\nAlbania,1.58,1.75\nBelgium,1.18,1.13\n"
        + "Albania,-3.2,10.8\n", WIDE_SPENDING);

    assertThat(parsed.problems()).extracting(ImportProblem::toString).containsExactly(file()
        + ":4:Country: 'Albania' — again (first at row 2): a second table seems to start here");
    assertThat(spending(parsed)).extracting(SpendingRow::fileRow).containsExactly(2, 2, 3, 3);
  }

  @Test
  void read_headerAgain_namesTheSecondTable() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp\nGermany,2023,1.57\ncountry,year,pct_gdp\n"
        + "Germany,2024,2.1\n", SPENDING);

    assertThat(parsed.problems()).extracting(ImportProblem::toString).containsExactly(file()
        + ":3:country: 'country' — repeats the header (row 1): a second table seems to start here");
    assertThat(spending(parsed)).extracting(SpendingRow::year).containsExactly(2023, 2024);
  }

  @Test
  void read_wideLayoutWithEstimateMarkers_givesOneRowPerValueCell() throws IOException {
    ParsedFile parsed = importCsv("""
        Country,2022,2023e,2024 e
        Germany,1.4,1.6,2.1
        Iceland,..,,
        """, """
        table: spending
        layout: wide
        columns: {country: Country}
        wide: {value_field: pct_gdp, key_field: year}
        constants: {source: nato}
        """);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rowsRead()).isEqualTo(2);
    assertThat(spending(parsed)).extracting(SpendingRow::fileRow, SpendingRow::year, SpendingRow::pctGdp,
        SpendingRow::estimate)
        .containsExactly(tuple(2, 2022, 1.4, Estimate.FALSE), tuple(2, 2023, 1.6, Estimate.TRUE),
            tuple(2, 2024, 2.1, Estimate.TRUE));
  }

  @Test
  void read_wideLayoutWithAnUnknownCountry_reportsItOnceForTheRow() throws IOException {
    ParsedFile parsed = importCsv("Country,2022,2023\nGermny,1.4,1.6\n", """
        table: spending
        wide: {value_field: pct_gdp, key_field: year}
        columns: {country: Country}
        constants: {source: nato}
        """);

    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(2);
      assertThat(p.column()).isEqualTo("Country");
      assertThat(p.value()).isEqualTo("Germny");
    });
  }

  @Test
  void read_wideHeaderThatIsNoYear_isAHeaderProblem() throws IOException {
    ParsedFile parsed = importCsv("Country,2022,Notes\nGermany,1.4,revised\n", """
        table: spending
        wide: {value_field: pct_gdp, key_field: year}
        columns: {country: Country}
        constants: {source: nato}
        """);

    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(1);
      assertThat(p.column()).isEqualTo("Notes");
      assertThat(p.message()).contains("not a year").contains("wide.value_columns");
    });
  }

  @Test
  void read_unknownCountry_namesTheClosestKnownOne() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp\nGermany,2023,1.5\nGermny,2023,1.6\n", SPENDING);

    assertThat(parsed.rows()).hasSize(1);
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(3);
      assertThat(p.column()).isEqualTo("country");
      assertThat(p.value()).isEqualTo("Germny");
      assertThat(p.message()).contains("unknown country for country; the closest known is 'Germany'");
      assertThat(p.toString()).isEqualTo(file() + ":3:country: 'Germny' — " + p.message());
    });
  }

  @Test
  void read_nonNumericAmount_isReportedWithRowColumnAndValue() throws IOException {
    ParsedFile parsed = importCsv("giver,kategori,maal,verdi\nNorway,Military,Allocation,12 mio\n", """
        table: aid
        columns: {donor: giver, category: kategori, measure: maal, amount: verdi}
        constants: {currency: NOK, unit: million, recipient: Ukraine}
        """);

    assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::value,
        ImportProblem::message).containsExactly(tuple(2, "verdi", "12 mio", "amount is not a number"));
    assertThat(parsed.badRows()).containsExactly(2);
  }

  @Test
  void read_decimalCommaInACommaFile_suggestsTheMappingOption() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp\nGermany,2023,\"1,5\"\n", SPENDING);

    assertThat(parsed.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("add decimal: comma to the mapping"));
  }

  @Test
  void read_missingMappedColumn_namesItsMappingPathAndTheClosestHeader() throws IOException {
    ParsedFile parsed = importCsv("giver,kategori,maal,verdi_eur_mrd\nNorway,Military,Allocation,1.5\n", """
        table: aid
        columns: {donor: giver, category: kategori, measure: maal, amount: verdi_eur}
        constants: {currency: EUR, unit: billion, recipient: Ukraine}
        """);

    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::value)
        .containsExactly(tuple(0, null, null), tuple(1, null, "verdi_eur"));
    assertThat(parsed.problems().getLast().message())
        .isEqualTo("no column 'verdi_eur' (columns.amount) in the header; the closest is 'verdi_eur_mrd'");
  }

  @Test
  void read_missingRequiredValue_isReportedAtItsColumn() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp\n,2023,1.5\nGermany,,1.5\n", SPENDING);

    assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::message)
        .containsExactly(tuple(2, "country", "country is missing"), tuple(3, "year", "year is missing"));
  }

  @Test
  void read_institutionWhereACountryIsNeeded_isAProblem() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp\nNATO,2023,1.5\n",
        SPENDING + "institutions: [NATO]\n");

    assertThat(parsed.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("listed under institutions, but country must be a country"));
  }

  @Test
  void read_badMapping_throwsWithEveryMappingProblem() throws IOException {
    assertThatThrownBy(() -> importCsv("a,b\n1,2\n", "table: aid\ncolumns: {donor: a, colour: b}\n"))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
            .extracting(ImportProblem::column)
            .contains("columns.colour", "columns.category", "columns.measure", "columns.amount"));
  }

  @Test
  void read_noMappingForAnUnknownHeader_throwsAskingForOne() throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "a,b\n1,2\n");

    assertThatThrownBy(() -> new CsvImporter().read(new ImportRequest(file, null, null, null, null, false, false),
        Countries.standard()))
        .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.message()).startsWith("no mapping: give --mapping")));
  }

  @Test
  void read_unclosedQuote_isAProblemNotACrash() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp\nGermany,2023,1.5\n\"France,2023,2.1\n", SPENDING);

    assertThat(parsed.problems()).anySatisfy(p -> {
      assertThat(p.row()).isEqualTo(3); // where the quote opened
      assertThat(p.message()).startsWith("a quote opened in this row is never closed");
    });
  }

  @Test
  void read_vintageAndSourceUrlOfTheRequest_replaceTheMappingsConstants() throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "country,year,pct_gdp\nGermany,2023,1.5\n");
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(mapping, SPENDING);

    ParsedFile parsed = new CsvImporter().read(new ImportRequest(file, null, mapping, "https://example.org/t.csv",
        "2025-06", false, false), Countries.standard());

    assertThat(spending(parsed).getFirst().provenance()).satisfies(p -> {
      assertThat(p.sourceUrl()).isEqualTo("https://example.org/t.csv");
      assertThat(p.vintage()).isEqualTo("2025-06");
      assertThat(p.vintageMonth()).isEqualTo("2025-06");
    });
  }

  @Test
  void read_vintageOfTheRequestThatIsNoMonth_isOneProblem() throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "country,year,pct_gdp\nGermany,2023,1.5\nFrance,2023,2.1\n");
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(mapping, SPENDING);

    ParsedFile parsed = new CsvImporter().read(new ImportRequest(file, null, mapping, null, "2025", false, false),
        Countries.standard());

    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.column()).isEqualTo("--vintage");
      assertThat(p.value()).isEqualTo("2025");
      assertThat(p.message()).isEqualTo("vintage_month is not a month: write YYYY-MM");
    });
  }

  @Test
  void read_noHeaderRowAndColumnLetters_readsFromTheFirstLine() throws IOException {
    ParsedFile parsed = importCsv("Germany,2023,1.5\nFrance,2023,2.1\n", """
        table: spending
        header_row: 0
        columns: {country: A, year: B, pct_gdp: 3}
        constants: {source: sipri}
        """);

    assertThat(parsed.problems()).isEmpty();
    assertThat(spending(parsed)).extracting(SpendingRow::fileRow, SpendingRow::iso3)
        .containsExactly(tuple(1, "DEU"), tuple(2, "FRA"));
  }

  @Test
  void read_columnNumberBeyondTheHeader_isAHeaderProblem() throws IOException {
    ParsedFile parsed = importCsv("country,year\nGermany,2023\n", SPENDING.replace("pct_gdp: pct_gdp}", "pct_gdp: 7}"));

    assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::value, ImportProblem::message)
        .containsExactly(tuple(1, "7", "column 7 (columns.pct_gdp) is beyond the header's 2 columns"));
  }

  @Test
  void read_skipRowsMatching_passesOverFootnotes() throws IOException {
    ParsedFile parsed = importCsv("country,year,pct_gdp\nGermany,2023,1.5\nSource: NATO,,\n* estimate,,\n",
        SPENDING + "skip_rows_matching: ['^Source:', '^\\*']\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rowsRead()).isEqualTo(1);
  }

  @Test
  void read_aidWithInstitutionsAndIsoCodes_keepsNamesAndCodes() throws IOException {
    ParsedFile parsed = importCsv("""
        giver,iso,kategori,maal,verdi,dato
        EU (Commission and Council),,Financial,Allocation,10,2024-03
        ,NOR,Military,Commitment,2,2024-03-01 00:00:00
        """, """
        table: aid
        columns: {donor: giver, donor_iso3: iso, category: kategori, measure: maal, amount: verdi, date: dato}
        constants: {currency: EUR, unit: million, recipient: Ukraine}
        institutions: [EU (Commission and Council)]
        """);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).map(AidRow.class::cast)
        .extracting(AidRow::donor, AidRow::donorIso3, AidRow::category, AidRow::date)
        .containsExactly(tuple("EU (Commission and Council)", null, "financial", "2024-03"),
            tuple("Norway", "NOR", "military", "2024-03-01"));
  }
}
