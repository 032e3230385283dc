package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.query.BundledSample;

/**
 * Issue 12, the command line's output as a reader meets it: numbers in tables and CSV, table widths,
 * --columns, deterministic summaries, transfer names, help, progress, suggestions. End to end through
 * {@link Main#run} (or {@link StoreCli} on the bundled sample).
 */
class CliOutputTest {

  private static CliRun query(String... args) {
    return StoreCli.qm(BundledSample::store, args);
  }

  /** The table's lines: from the header to the blank line before the row count. */
  private static List<String> tableLines(String out) {
    List<String> lines = out.lines().toList();
    int end = lines.subList(2, lines.size()).indexOf("") + 2;
    return lines.subList(2, end);
  }

  @Test
  void contracts_table_groupsThousandsAndKeepsYearsAndSmallCountsPlain() {
    CliRun run = query("query", "contracts", "--item", "stinger");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("624,600,000").doesNotContain("624600000").contains(" 1300 ").contains("2022-05-27");
  }

  /**
   * The widest text columns give way until a line fits 160 characters; a column keeps at least its
   * header and 10 characters (a whole date), so thirteen columns (contracts) may need a little more.
   */
  @Test
  void wideTables_narrowTheirTextColumnsToFitAbout160CharactersAndSaySo() {
    CliRun aid = query("query", "aid");
    CliRun contracts = query("query", "contracts");

    assertThat(tableLines(aid.out())).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(160));
    assertThat(tableLines(contracts.out())).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(180));
    assertThat(contracts.out()).contains("2022-05-27").contains("Cells ending in … are cut to keep lines within 160"
        + " characters; CSV and JSON carry every value in full.");
  }

  @Test
  void datasets_longFilePath_isCutAtItsStartSoTheFileNameStays() {
    CliRun run = query("query", "datasets");

    assertThat(tableLines(run.out())).as("a file cell that begins with … and keeps its .csv name")
        .anySatisfy(line -> assertThat(line).containsPattern("  …[^ …]*\\.csv  "));
  }

  @Test
  void contracts_csv_writesPlainNumbersWithoutExponent() {
    CliRun run = query("query", "contracts", "--format", "csv");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(",1300,exact,624600000,USD,").doesNotContainPattern("\\d[eE][+-]?\\d");
    assertThat(run.out()).doesNotContain("7.0E8", "6.246E8", "1300.0");
  }

  @Test
  void contracts_columns_printsOnlyThoseInThatOrder() {
    CliRun table = query("query", "contracts", "--item", "stinger", "--columns", "value,currency,contract_id");
    CliRun csv = query("query", "contracts", "--item", "stinger", "--columns", "contract_id,note", "--format", "csv");

    assertThat(table.exitCode()).isZero();
    assertThat(tableLines(table.out()).getFirst().strip()).isEqualTo("value  currency  contract_id");
    assertThat(csv.out()).startsWith("contract_id,note\r\n");
  }

  @Test
  void contracts_unknownColumn_exitsTwoNamingItAndListingTheValidOnes() {
    CliRun run = query("query", "contracts", "--columns", "contract_id,agencyy");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("--columns: no column 'agencyy' in this result; did you mean agency?")
        .contains("columns: contract_id, date, buyers, agency, item,").doesNotContain("Exception");
  }

  @Test
  void simulate_deterministic_givesTheMonthATargetIsReachedNotSharesOfRuns() {
    CliRun run = CliRun.qm("simulate", CliRun.example("illustrative-manpads.yaml").toString(), "--deterministic");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("  target     2,500: reached in 2031-01 (after 79 months)")
        .contains("  target     900: reached in 2028-11 (after 53 months)")
        .contains("  shortfall  none: demand is met every month")
        .doesNotContain("% of runs");
  }

  @Test
  void simulate_transferNotMadeInFull_isNamedByItsPathInTheScenario(@TempDir Path dir) throws IOException {
    Path scenario = Files.writeString(dir.resolve("short.yaml"), """
        horizon_months: 3
        items: [{id: shell}]
        holders: [{id: USA}, {id: UKR}]
        stocks: [{holder: USA, item: shell, initial: 10}]
        transfers:
          - {from: USA, to: UKR, item: shell, month: 0, quantity: 5}
          - {from: USA, to: UKR, item: shell, month: 1, quantity: 50}
        """);

    CliRun run = CliRun.qm("simulate", scenario.toString(), "--deterministic");

    assertThat(run.out()).contains("Transfers that could not be made in full (quantity not moved):\n"
        + "  transfers[1] USA -> UKR shell in month 1: 45 of 50");
  }

  @Test
  void simulate_stderrNotATerminal_writesPlainProgressLinesWithoutCarriageReturns() {
    CliRun run = CliRun.qm("simulate", CliRun.example("illustrative-manpads.yaml").toString(), "--runs", "600");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("\r").endsWith("qm: simulate: 600 of 600 runs (100%)\n");
    assertThat(run.err().lines()).hasSizeBetween(1, 4).allSatisfy(line -> assertThat(line).startsWith("qm: simulate: "));
  }

  @Test
  void sweepAndSensitivity_stderrNotATerminal_writePlainProgressLinesWithoutCarriageReturns(@TempDir Path dir) {
    Path sweep = CliRun.repoRoot().resolve("examples/sweeps/155mm-sensitivity.yaml");

    CliRun swept = CliRun.qm("sweep", sweep.toString(), "--out", dir.resolve("s.csv").toString(), "--format", "csv");
    CliRun ranked = CliRun.qm("sensitivity", sweep.toString(), "--metric", "expected_unmet_demand", "--cell",
        "USA/shell-155");

    assertThat(swept.exitCode()).isZero();
    assertThat(swept.err()).doesNotContain("\r").endsWith(" variants (100%)\n");
    assertThat(swept.err().lines()).allSatisfy(line -> assertThat(line).startsWith("qm: sweep: "));
    assertThat(ranked.exitCode()).isZero();
    assertThat(ranked.err()).doesNotContain("\r").endsWith("qm: sensitivity: 9 of 9 variants (100%)\n");
  }

  @Test
  void help_listsEveryCommandsFirstSentenceWholeAndNamesTheModelPage() {
    CliRun run = CliRun.qm("--help");
    String flat = run.out().replaceAll("\\s+", " ");

    assertThat(flat).contains("query Query the store: defence spending against a guideline, aid, deliveries,"
        + " production, contracts, the imported datasets, or any read-only SQL.")
        .contains("docs/sm1-model.md");
    for (String command : List.of("simulate", "validate")) {
      assertThat(CliRun.qm(command, "--help").out()).contains("docs/sm1-model.md").doesNotContain("MODEL.md");
    }
  }

  @Test
  void export_misspeltTable_suggestsTheClosestLikeOtherCommands() {
    CliRun bare = CliRun.qm("export", "spendng");
    CliRun withOut = CliRun.qm("export", "spendng", "--out", "spending.csv");

    for (CliRun run : List.of(bare, withOut)) {
      assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
      assertThat(run.err()).contains("unknown table 'spendng'; did you mean spending?");
    }
  }

  @Test
  void spending_junkCountry_isQuotedTo200CharactersWithoutASuggestion() {
    CliRun run = query("query", "spending", "--country", "x".repeat(300));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("country '" + "x".repeat(200) + "…' (300 characters) is neither an ISO 3166 code")
        .doesNotContain("x".repeat(201)).doesNotContain("did you mean");
    assertThat(query("query", "spending", "--country", "Polnd").err()).contains("did you mean Poland?");
  }
}
