package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.app.query.BundledSample;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** End-to-end tests of {@code qm query …} on an in-memory store holding the bundled sample. */
class QueryCommandTest {

  private static CliRun qm(String... args) {
    return StoreCli.qm(BundledSample::store, args);
  }

  @Test
  void spending_publishedFact_shows31AlliesOfWhich23Meet2Percent() {
    CliRun run = qm("query", "spending", "--year", "2024", "--threshold", "2", "--source", "nato",
        "--vintage", "2024-06");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("2024: 23 of 31 allies with a figure meet 2% of GDP")
        .contains("Iceland          ISL   2024                   -  true      no figure")
        .contains("Vintage used:\n  2024-06  NATO Defence Expenditure of NATO Countries (2014-2024), June 2024"
            + " release (32 rows)")
        // Regression (issue 9): the source line said "NATO; swedenherald.com"; it now cites NATO's own release,
        // graded, with the copy the figures were read on
        .contains("Sources:\n  [1] NATO, \"NATO, Defence Expenditure of NATO Countries (2014-2024), PR/CP(2024)081,"
            + " 17 June 2024 (2024 estimates)\", 2024-06-17, official:"
            + " https://www.nato.int/nato_static_fl2014/assets/pdf/2024/6/pdf/240617-def-exp-2024-en.pdf"
            + " (read at https://swedenherald.com/");
  }

  @Test
  void spending_polandWithoutVintage_showsTheLatestAndSaysSo() {
    CliRun run = qm("query", "spending", "--country", "POL", "--year", "2023");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Poland   POL   2023                3.26")
        .contains("each country and year shows the latest vintage that covers it")
        .contains("Poland 2023: 3.26 from vintage 2024-06 (the latest of 3); other vintages: 2024-03 gives 3.92,"
            + " 2023-07 gives 3.90.");
  }

  @Test
  void spending_csv_printsTheExactColumnsAndOneRecordPerAlly() {
    CliRun run = qm("query", "spending", "--year", "2024", "--threshold", "3.5", "--source", "nato",
        "--vintage", "2024-06", "--format", "csv");

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.getFirst()).isEqualTo(
        "country,iso3,year,pct_gdp,estimate,meets,gap_pct,amount,currency,unit,price_base,source,vintage_month,vintage,"
            + "as_of,publisher,source_title,source_grade,source_url,via_url,note");
    assertThat(lines).hasSize(33);
    assertThat(lines).filteredOn(line -> line.contains(",yes,")).singleElement().asString().startsWith("Poland,");
  }

  /**
   * Issue 9: an amount says what it counts. A user's file of SIPRI amounts in constant 2023 US$ million is
   * imported with a mapping that says so, and the spending query shows the amount with its currency, unit
   * and price base; a price base that is neither current nor constant YYYY is refused.
   */
  @Test
  void spending_amountsOfAMappedFile_showTheirCurrencyUnitAndPriceBase(@TempDir Path dir) throws Exception {
    String db = CliRun.seededStore(dir.resolve("store.duckdb")).toString();
    Path file = Files.writeString(dir.resolve("milex.csv"), "Country,Year,Milex\nPoland,2023,31234.5\n");
    String constants = "constants: {source: sipri, currency: USD, unit: million, price_base: %s, vintage: 2025-04,"
        + " source_url: \"https://www.sipri.org/databases/milex\", publisher: SIPRI, source_grade: research}\n";
    Path mapping = Files.writeString(dir.resolve("milex.yaml"), "table: spending\n"
        + "columns: {country: Country, year: Year, amount: Milex}\n" + constants.formatted("constant 2023"));
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "table: spending\n"
        + "columns: {country: Country, year: Year, amount: Milex}\n" + constants.formatted("at 2023 prices"));

    assertThat(CliRun.qm("import", file.toString(), "--mapping", bad.toString(), "--db", db).err())
        .contains("price_base: 'at 2023 prices' — must be current or constant YYYY (e.g. constant 2023)");
    assertThat(CliRun.qm("import", file.toString(), "--mapping", mapping.toString(), "--db", db).exitCode()).isZero();
    CliRun table = CliRun.qm("query", "spending", "--source", "sipri", "--year", "2023", "--db", db);
    CliRun csv = CliRun.qm("query", "spending", "--source", "sipri", "--year", "2023", "--format", "csv", "--db", db);

    assertThat(table.out()).contains("amount  currency  unit     price_base")
        .contains("31,234.5  USD       million  constant 2023  sipri")
        .contains("[1] SIPRI, research: https://www.sipri.org/databases/milex");
    assertThat(csv.out()).contains("Poland,POL,2023,,unknown,31234.5,USD,million,constant 2023,sipri,2025-04");
  }

  @Test
  void spending_afterImportingSipri_countsNatoByDefaultAndRefusesTwoSourcesNamingSource(@TempDir Path dir)
      throws Exception {
    String db = CliRun.seededStore(dir.resolve("store.duckdb")).toString();
    Path sipri = Path.of(QueryCommandTest.class.getResource(
        "/third_party/owid_sipri_milex/military-spending-as-a-share-of-gdp-sipri.csv").toURI());
    assertThat(CliRun.qm("import", sipri.toString(), "--db", db).exitCode()).isZero();

    CliRun count = CliRun.qm("query", "spending", "--year", "2024", "--threshold", "2", "--format", "csv",
        "--db", db);
    CliRun both = CliRun.qm("query", "spending", "--year", "2024", "--threshold", "2", "--source", "nato,sipri",
        "--db", db);
    CliRun twice = CliRun.qm("query", "spending", "--year", "2024", "--threshold", "2", "--source", "nato",
        "--source", "sipri", "--db", db);
    CliRun sipriAllies = CliRun.qm("query", "spending", "--year", "2024", "--threshold", "2", "--source", "sipri",
        "--allies", "--db", db);

    assertThat(count.exitCode()).isZero();
    List<String> rows = count.out().lines().skip(1).toList();
    assertThat(rows).hasSize(32);
    assertThat(rows).filteredOn(line -> line.startsWith("Belgium,")).hasSize(1);
    assertThat(rows).filteredOn(line -> line.startsWith("Germany,")).singleElement().asString().contains(",yes,");
    assertThat(rows).allSatisfy(line -> assertThat(line).contains(",nato,2025-04,"));
    for (CliRun refused : List.of(both, twice)) {
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err()).contains("a guideline count uses one source", "choose one with --source");
      assertThat(refused.out()).isEmpty();
    }
    assertThat(sipriAllies.exitCode()).isZero();
    assertThat(sipriAllies.out()).contains("2024: counted from one release, sipri (no release month)")
        .contains("allies with a figure meet 2% of GDP (release sipri (no release month); allies: the NATO members"
            + " on 2024-12-31, 32 in all).")
        .doesNotContain("Austria   ");
  }

  @Test
  void contracts_stingerAsJson_showsTheNspaOrderOf940() throws Exception {
    CliRun run = qm("query", "contracts", "--item", "stinger", "--format", "json");

    assertThat(run.exitCode()).isZero();
    JsonNode rows = JsonMapper.builder().build().readTree(run.out()).get("rows");
    assertThat(rows).anySatisfy(row -> {
      assertThat(row.get("agency").asText()).isEqualTo("NSPA (via US FMS)");
      assertThat(row.get("quantity").asDouble()).isEqualTo(940);
      assertThat(row.get("date").asText()).isEqualTo("2024-07-09");
    });
  }

  /** Regression (issue 9): Germany's military allocations added three releases and two currencies. */
  @Test
  void aid_byDonor_printsOneReleasesSumAndItsCitation() {
    CliRun run = qm("query", "aid", "--by", "donor", "--donor", "Germany", "--category", "military",
        "--measure", "allocation");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Germany  Kiel UST Release 28  cumulative  EUR       billion   20.01        1")
        .contains("[1] Kiel Institute for the World Economy, \"Kiel Institute, Ukraine Support Tracker, Release 28")
        .contains("2026-04-22, official: https://www.kielinstitut.de/")
        .contains("releases, bases, currencies and units are never added together");
  }

  /** Regression (issue 9): the README's example summed 17 overlapping US records into EUR 934.67 bn. */
  @Test
  void aid_byDonorWithoutCategory_exitsTwoNamingTheOptions() {
    CliRun run = qm("query", "aid", "--by", "donor", "--format", "csv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("qm: a sum by donor would add, within one release, several categories")
        .contains("--category").contains("--measure");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void query_badMinGrade_exitsTwoListingTheGrades() {
    CliRun run = qm("query", "production", "--min-grade", "excellent");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--min-grade excellent: expected one of official, research, wire, press, relay,"
        + " state-media, forum");
  }

  /** Regression (issue 9): the NSPA Stinger order is two rows (USD, EUR); counting rows gave 1,880 missiles. */
  @Test
  void contracts_oneOrderInTwoCurrencies_countsItsMissilesOnce() {
    CliRun run = qm("query", "contracts", "--item", "FIM-92K");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("FIM-92K Stinger Block I: 1 contract in 2 rows, quantity 940.")
        .doesNotContain("1,880");
  }

  @ParameterizedTest
  @ValueSource(strings = {"deliveries", "production", "datasets"})
  void listing_eachFormat_exitsZero(String what) {
    for (String format : List.of("table", "csv", "json")) {
      CliRun run = qm("query", what, "--format", format);

      assertThat(run.exitCode()).as("%s --format %s: %s", what, format, run.err()).isZero();
      assertThat(run.out()).isNotBlank();
    }
  }

  @Test
  void sql_select_printsTheRows() {
    CliRun run = qm("query", "sql", "SELECT count(*) AS n FROM defence_spending", "--format", "csv");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("n\r\n" + BundledSample.SPENDING_ROWS + "\r\n");
  }

  @Test
  void sql_delete_exitsTwoWithTheReason() {
    CliRun run = qm("query", "sql", "DELETE FROM aid");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("qm: DELETE statements are not allowed: qm query sql runs one read-only"
        + " statement");
  }

  @Test
  void spending_unknownVintage_exitsTwoListingTheVintages() {
    CliRun run = qm("query", "spending", "--vintage", "2024-05");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("no spending figures of vintage 2024-05").contains("2024-06");
  }

  @Test
  void query_badFormatOrGrouping_exitsTwo() {
    assertThat(qm("query", "datasets", "--format", "xml").err()).contains("--format xml: expected table, csv or json");
    assertThat(qm("query", "aid", "--by", "year").exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(qm("query", "spending", "--year", "soon").exitCode()).isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void help_everyQueryOptionSaysItsDefault() {
    CommandSpec query = Commands.all(CommandLine.defaultFactory()).getSubcommands().get("query").getCommandSpec();
    assertThat(query.subcommands().keySet()).containsExactlyInAnyOrder("spending", "aid", "deliveries",
        "production", "contracts", "items", "transfers", "datasets", "sweeps", "sql");
    for (CommandLine sub : query.subcommands().values()) {
      for (OptionSpec option : sub.getCommandSpec().options()) {
        if (!option.usageHelp() && !option.versionHelp()) {
          assertThat(String.join(" ", option.description())).as("%s %s", sub.getCommandName(), option.longestName())
              .contains("(default: ");
        }
      }
    }
    CliRun help = qm("query", "spending", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--threshold=PCT", "--vintage=YYYY-MM|all", "--format=FORMAT");
  }
}
