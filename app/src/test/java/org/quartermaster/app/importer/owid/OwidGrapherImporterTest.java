package org.quartermaster.app.importer.owid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.quartermaster.app.importer.ImportFixtures.onlyProblem;
import static org.quartermaster.app.importer.ImportFixtures.request;
import static org.quartermaster.app.importer.ImportFixtures.resource;
import static org.quartermaster.app.importer.ImportFixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Table;

class OwidGrapherImporterTest {
  private static final String SIPRI_FILE = "third_party/owid_sipri_milex/military-spending-as-a-share-of-gdp-sipri.csv";
  private static final String URL = "https://ourworldindata.org/grapher/military-spending-as-a-share-of-gdp-sipri";

  @TempDir
  Path dir;

  private ParsedFile read(String fileName, String text) throws IOException {
    Path file = write(dir, fileName, text);
    return new OwidGrapherImporter().read(request(file, ImportFormat.OWID, null, null), Countries.standard());
  }

  /** Every country row of the real SIPRI export, with the count and total DuckDB's own CSV reader gives. */
  @Test
  void read_realSipriShareOfGdpExport_givesEveryCountryRowAndTotal() throws IOException, SQLException {
    Path file = resource(SIPRI_FILE);

    ParsedFile parsed = new OwidGrapherImporter().read(request(file, ImportFormat.OWID, URL, "2025-04"),
        Countries.standard());

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.table()).isEqualTo(Table.SPENDING);
    assertThat(parsed.rowsRead()).isEqualTo(8245);
    List<SpendingRow> rows = parsed.rows().stream().map(SpendingRow.class::cast).toList();
    assertThat(rows).hasSize(8242);
    double sum = rows.stream().mapToDouble(SpendingRow::pctGdp).sum();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet expected = statement.executeQuery(
            "SELECT count(*), sum(\"Military expenditure (% of GDP)\") FROM read_csv('"
                + file.toString().replace("'", "''") + "', header = true)"
                + " WHERE length(Code) = 3 OR Code = 'OWID_KOS'")) {
      expected.next();
      assertThat(expected.getLong(1)).isEqualTo(8242);
      assertThat(sum).isCloseTo(expected.getDouble(2), within(1e-9 * expected.getDouble(2)));
    }
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.source()).isEqualTo("sipri");
      assertThat(row.estimate()).isEqualTo(Estimate.UNKNOWN);
    });
    assertThat(rows.getFirst()).isEqualTo(new SpendingRow(2, "AFG", "Afghanistan", 1970, 1.6296061, null, null,
        Estimate.UNKNOWN, "sipri", new Provenance(URL, "2025-04", "2025-04", "2025-04", "Our World in Data"), null));
    assertThat(rows).filteredOn(row -> row.country().equals("Kosovo")).hasSize(17)
        .allSatisfy(row -> assertThat(row.iso3()).isEqualTo("XKX"));
  }

  @Test
  void read_regionsWithoutIsoCode_areSkippedWithoutProblems() throws IOException {
    ParsedFile parsed = read("milex.csv", """
        Entity,Code,Year,Military expenditure (% of GDP)
        World,OWID_WRL,2020,2.4
        Europe,,2020,1.9
        "Bonaire, Sint Eustatius and Saba",BES,2020,0.1
        France,FRA,2020,2.05
        """);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rowsRead()).isEqualTo(4);
    assertThat(parsed.rows()).map(SpendingRow.class::cast)
        .extracting(SpendingRow::fileRow, SpendingRow::iso3, SpendingRow::country, SpendingRow::pctGdp,
            SpendingRow::source)
        .containsExactly(tuple(4, "BES", "Bonaire, Sint Eustatius and Saba", 0.1, "owid"),
            tuple(5, "FRA", "France", 2.05, "owid"));
  }

  @Test
  void read_amountInCurrency_fillsAmountAndCurrency() throws IOException {
    ParsedFile parsed = read("milex.csv", """
        Entity,Code,Year,Military expenditure (constant 2023 US$)
        France,FRA,2020,52700000000
        """);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).map(SpendingRow.class::cast)
        .extracting(SpendingRow::pctGdp, SpendingRow::amount, SpendingRow::currency)
        .containsExactly(tuple(null, 5.27e10, "constant 2023 US$"));
  }

  @Test
  void read_unknownCode_namesClosestCountry() throws IOException {
    ParsedFile parsed = read("milex.csv", "Entity,Code,Year,Military expenditure (% of GDP)\nFrance,FRX,2020,2.05\n");

    onlyProblem(parsed, 2, "Code", "FRX", "did you mean FRA (France)?");
  }

  /** A title saying % of GDP over a column of amounts: the values decide, the whole file is refused. */
  @Test
  void read_shareTitleOverAmounts_isRefusedAsAmounts() throws IOException {
    ParsedFile parsed = read("milex.csv", "Entity,Code,Year,Military expenditure (% of GDP)\n"
        + "France,FRA,2022,53639\nGermany,DEU,2022,55760\nPoland,POL,2022,16597\n");

    onlyProblem(parsed, 0, "Military expenditure (% of GDP)", null,
        "values look like amounts (median 53,639), not % of GDP: import with a mapping, see docs/import-mappings.md");
    assertThat(parsed.rows()).isEmpty();
  }

  @Test
  void read_shareAbove200_isAProblemInItsRow() throws IOException {
    ParsedFile parsed = read("milex.csv", "Entity,Code,Year,Military expenditure (% of GDP)\n"
        + "France,FRA,2022,1.94\nGermany,DEU,2022,1570\nKuwait,KWT,1991,117.35\nPoland,POL,2022,2.42\nItaly,ITA,2022,1.6\nSpain,ESP,2022,1.3\n");

    onlyProblem(parsed, 3, "Military expenditure (% of GDP)", "1570", "is above 200: not a share of GDP in percent");
    assertThat(parsed.rows()).hasSize(5); // Kuwait's 117 % in 1991 is on record
  }

  @Test
  void read_nonNumericValue_reportsRowColumnAndValue() throws IOException {
    ParsedFile parsed = read("milex.csv", "Entity,Code,Year,Military expenditure (% of GDP)\nFrance,FRA,2020,2.o5\n");

    onlyProblem(parsed, 2, "Military expenditure (% of GDP)", "2.o5", "is not a number");
  }

  @Test
  void read_badYear_reportsRowColumnAndValue() throws IOException {
    ParsedFile parsed = read("milex.csv", "Entity,Code,Year,Military expenditure (% of GDP)\nFrance,FRA,20x0,2.05\n");

    onlyProblem(parsed, 2, "Year", "20x0", "is not a year");
  }

  @Test
  void read_rowWithExtraCell_reportsCellBeyondHeader() throws IOException {
    ParsedFile parsed = read("milex.csv", "Entity,Code,Year,Military expenditure (% of GDP)\nFrance,FRA,2020,2,05\n");

    onlyProblem(parsed, 2, "E", "05", "the row has 5 cells, the header 4");
  }

  @Test
  void read_rowWithTooFewCells_reportsFirstMissingColumn() throws IOException {
    ParsedFile parsed = read("milex.csv", "Entity,Code,Year,Military expenditure (% of GDP)\nFrance,FRA,2020\n");

    onlyProblem(parsed, 2, "Military expenditure (% of GDP)", null, "is missing");
  }

  @Test
  void read_valueColumnNeitherShareNorAmount_isHeaderProblem() throws IOException {
    ParsedFile parsed = read("milex.csv", "Entity,Code,Year,Armed forces personnel\nFrance,FRA,2020,200000\n");

    onlyProblem(parsed, 1, "D", "Armed forces personnel", "is neither a share of GDP");
  }

  @Test
  void read_emptyFile_isWholeFileProblem() throws IOException {
    ParsedFile parsed = read("milex.csv", "");

    onlyProblem(parsed, 0, null, null, "is empty");
  }

  @Test
  void read_headerNotOwid_isProblemAtFirstLine() throws IOException {
    ParsedFile parsed = read("milex.csv", "Country,ISO,Year,Value\nFrance,FRA,2020,2.05\n");

    onlyProblem(parsed, 1, null, "Country,ISO,Year,Value", "is not an OWID grapher header");
  }

  @Test
  void read_malformedVintage_isWholeFileProblem() throws IOException {
    Path file = write(dir, "milex.csv", "Entity,Code,Year,Military expenditure (% of GDP)\nFrance,FRA,2020,2.05\n");

    ParsedFile parsed = new OwidGrapherImporter().read(request(file, ImportFormat.OWID, null, "2025-4"),
        Countries.standard());

    onlyProblem(parsed, 0, "--vintage", "2025-4", "is not a release month");
  }

  @Test
  void looksLike_owidHeader_isTrue() throws IOException {
    assertThat(OwidGrapherImporter.looksLike(Files.readAllLines(resource(SIPRI_FILE)).subList(0, 40))).isTrue();
  }

  @Test
  void looksLike_otherFormats_isFalse() {
    assertThat(OwidGrapherImporter.looksLike(List.of("Country,2014,2015"))).isFalse();
    assertThat(OwidGrapherImporter.looksLike(List.of("Entity,Code,Year"))).isFalse();
    assertThat(OwidGrapherImporter.looksLike(List.of("", ""))).isFalse();
  }
}
