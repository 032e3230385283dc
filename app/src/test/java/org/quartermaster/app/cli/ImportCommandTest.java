package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.importer.ImportTempFiles;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** {@code qm import} end to end through {@link Main#run}. */
class ImportCommandTest {
  private static final String HEADER = "buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void import_dbBeforeOrAfterTheCommand_usesThatStoreAndSeedsIt() throws IOException {
    Path file = file("c.csv", HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,https://example.org,\n");
    Path before = CliRun.seededStore(dir.resolve("before.duckdb"));
    Path after = CliRun.seededStore(dir.resolve("after.duckdb"));

    CliRun first = CliRun.qm("--db", before.toString(), "import", file.toString());
    CliRun second = CliRun.qm("import", file.toString(), "--db", after.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("1 rows added to contracts as dataset 5").contains(before.toString());
    assertThat(second.exitCode()).as(second.err()).isZero();
    for (Path db : new Path[] {before, after}) {
      try (Store store = Store.open(db)) {
        assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets")).isEqualTo(5); // 4 bundled + 1
      }
    }
  }

  /** A process killed during an import leaves its temporary files; the next command on the store removes them. */
  @Test
  void anyCommand_afterAKilledImport_removesItsTemporaryFiles() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("k.duckdb"));
    Path leftovers = Files.createDirectories(ImportTempFiles.folderOf(db).resolve("qm-upload-123"));
    Files.writeString(leftovers.resolve("upload.csv"), "half an upload");
    Files.writeString(ImportTempFiles.folderOf(db).resolve("qm-rows-456.csv"), "staged rows");

    CliRun run = CliRun.qm("--db", db.toString(), "query", "datasets");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ImportTempFiles.folderOf(db)).doesNotExist();
  }

  @Test
  void import_badFile_exitsTwoListsEveryProblemAndLeavesTheStoreAsBefore() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    CliRun.qm("import", file("ok.csv", HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n").toString(), "--db",
        db.toString());
    Object before;
    try (Store store = Store.open(db)) {
      before = StoreCounts.of(store);
    }
    Path bad = file("bad.csv", HEADER + "Poland,,CAMM,1000,lots,GBP,2023,MBDA,,\n,,Piorun,5,1,PLN,2022,Mesko,,\n");

    CliRun run = CliRun.qm("import", bad.toString(), "--db", db.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("nothing imported, 2 problems")
        .contains(bad + ":2:value: 'lots' — must be a number")
        .contains(bad + ":3:buyer — is required")
        .doesNotContain("at org.");
    try (Store store = Store.open(db)) {
      assertThat(StoreCounts.of(store)).isEqualTo(before);
    }
  }

  @Test
  void import_withAMappingAndNoFormat_readsTheFileAsGenericCsv() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path file = file("own.csv", "Land;Jahr;Anteil\nPOL;2031;4,5\nDEU;2031;2,1\n");
    Path mapping = file("own.yaml", "table: spending\ncolumns: {iso3: Land, year: Jahr, pct_gdp: Anteil}\n"
        + "constants: {source: own, vintage: 2031-01, source_url: https://example.org/own}\n");

    CliRun run = CliRun.qm("import", file.toString(), "--mapping", mapping.toString(), "--db", db.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("(csv): 2 rows added to spending");
    try (Store store = Store.open(db)) {
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM defence_spending WHERE source = 'own' AND year = 2031"
          + " AND ((iso3 = 'POL' AND pct_gdp = 4.5) OR (iso3 = 'DEU' AND pct_gdp = 2.1))")).isEqualTo(2);
    }
  }

  /** Issue 9: an import is told who produced its figures and how well they are cited. */
  @Test
  void import_publisherTitleAndGrade_citeTheRowsThatDoNotSay() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path file = file("c.csv", HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,https://example.org/mistral,\n");

    CliRun run = CliRun.qm("--db", db.toString(), "import", file.toString(), "--publisher", "MBDA",
        "--source-title", "MBDA press release, 5 Jan 2024", "--grade", "Official");

    assertThat(run.exitCode()).as(run.err()).isZero();
    CliRun query = CliRun.qm("--db", db.toString(), "query", "contracts", "--item", "Mistral");
    assertThat(query.out()).contains("[1] MBDA, \"MBDA press release, 5 Jan 2024\", 2024, official:"
        + " https://example.org/mistral");
  }

  private static final String AID = "donor,category,measure,amount,currency,unit,data_through,publisher,source_url,"
      + "release,basis\n";

  /** Review of issue 9: the same figure under another spelling of the donor ("USA") was stored and added again. */
  @Test
  void import_aidFigureUnderAnotherSpellingOfTheDonor_isRefusedAsAlreadyStored() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path file = file("usa.csv", AID + "USA,military,allocation,64.62,EUR,billion,2026-02-28,Kiel Institute for the"
        + " World Economy,https://www.kielinstitut.de/x,Kiel UST Release 28,cumulative\n");

    CliRun run = CliRun.qm("--db", db.toString(), "import", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("1 figure is already in the store for the same series and release (dataset 2");
  }

  /** Review of issue 9: a running total given twice in one file was imported and summed. */
  @Test
  void import_runningTotalTwiceInOneFile_exitsTwoNamingBothRows() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    String line = "Poland,military,allocation,1,EUR,billion,2026-02-28,Me,https://e.org,My Release X,cumulative\n";

    CliRun twice = CliRun.qm("--db", db.toString(), "import", file("dup.csv", AID + line + line).toString());
    CliRun activities = CliRun.qm("--db", db.toString(), "import",
        file("acts.csv", AID + (line + line).replace("cumulative", "period")).toString());

    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("dup.csv:3 — repeats row 2");
    assertThat(activities.exitCode()).as("identical activities are separate ones").isZero();
  }

  /**
   * Review of issue 9: a user's file read as a NATO table was cited as NATO, graded official, with no URL
   * and whatever --publisher said. A grade is the source URL's: NATO's own site only.
   */
  @Test
  void import_natoLayout_isGradedOfficialOnlyOnNatosSiteAndNamesTheUsersPublisher() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path file = file("pub.csv", "Country,2018,2019\nPoland,2.0,2.0\nGermany,1.2,1.3\n");

    CliRun.qm("--db", db.toString(), "import", file.toString(), "--vintage", "2031-06");
    CliRun.qm("--db", db.toString(), "import", file.toString(), "--vintage", "2031-07", "--publisher", "Some Think Tank",
        "--source-url", "https://www.nato.int/x", "--allow-duplicates");
    CliRun.qm("--db", db.toString(), "import", file.toString(), "--vintage", "2031-08", "--source-url",
        "https://www.nato.int/t.xlsx", "--allow-duplicates");

    assertThat(CliRun.qm("--db", db.toString(), "query", "spending", "--country", "POL", "--vintage", "2031-06").out())
        .contains("[1] NATO, \"NATO, Defence Expenditure of NATO Countries (tables)\", 2031-06, not graded: unsourced");
    assertThat(CliRun.qm("--db", db.toString(), "query", "spending", "--country", "POL", "--vintage", "2031-07").out())
        .contains("[1] Some Think Tank, 2031-07, not graded: https://www.nato.int/x");
    assertThat(CliRun.qm("--db", db.toString(), "query", "spending", "--country", "POL", "--vintage", "2031-08").out())
        .contains("2031-08, official: https://www.nato.int/t.xlsx");
    assertThat(CliRun.qm("--db", db.toString(), "query", "spending", "--country", "POL", "--vintage", "2031-06",
        "--min-grade", "official").out()).contains("0 rows.");
  }

  /** Issue 10, major 6: 1e309 in a mapped file was stored as Infinity, and threshold queries then crashed. */
  @Test
  void import_numberTooLargeForADouble_exitsTwoNamingTheCellAndStoresNothing() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path file = file("big.csv", "Land;Jahr;Anteil\nPOL;2031;1e309\nDEU;2031;2.1\n");
    Path mapping = file("big.yaml", "table: spending\ncolumns: {iso3: Land, year: Jahr, pct_gdp: Anteil}\n"
        + "constants: {source: own, vintage: 2031-01, source_url: https://example.org/own}\n");

    CliRun run = CliRun.qm("--db", db.toString(), "import", file.toString(), "--mapping", mapping.toString());
    CliRun query = CliRun.qm("--db", db.toString(), "query", "spending", "--source", "own", "--year", "2031",
        "--threshold", "2");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("big.csv:2:Anteil: '1e309' — pct_gdp is too large to be a number (it would be"
        + " stored as infinity)");
    assertThat(query.exitCode()).as(query.err()).isEqualTo(2);
    assertThat(query.err()).contains("no spending figures from source 'own'");
  }

  @Test
  void import_unknownGrade_exitsTwoListingTheGrades() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path file = file("c.csv", HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n");

    CliRun run = CliRun.qm("--db", db.toString(), "import", file.toString(), "--grade", "gold");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--grade gold: expected one of official, research, wire, press, relay, state-media,"
        + " forum");
  }

  @Test
  void import_sameFileTwiceAndDryRun_sayWhatTheyDo() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path file = file("c.csv", HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n");

    CliRun dry = CliRun.qm("import", file.toString(), "--dry-run", "--db", db.toString());
    CliRun real = CliRun.qm("import", file.toString(), "--db", db.toString());
    CliRun again = CliRun.qm("import", file.toString(), "--db", db.toString());

    assertThat(dry.out()).contains("dry run, nothing written: 1 of 1 rows would be added to contracts");
    assertThat(real.out()).contains("1 rows added to contracts");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("already imported (dataset 5: same SHA-256, format, mapping and vintage): nothing"
        + " to do");
  }

  @Test
  void import_badOptions_exitTwoWithTheOptionNamed() throws IOException {
    Path file = file("c.csv", HEADER);
    String db = CliRun.seededStore(dir.resolve("s.duckdb")).toString();

    assertThat(CliRun.qm("import", file.toString(), "--format", "parquet", "--db", db).err())
        .contains("--format parquet is not a format").contains("qm-csv");
    assertThat(CliRun.qm("import", file.toString(), "--vintage", "June 2024", "--db", db).err())
        .contains("--vintage June 2024 must be a release month written YYYY-MM");
    assertThat(CliRun.qm("import", dir.resolve("none.csv").toString(), "--db", db).err()).contains("no such file");
    assertThat(CliRun.qm("import", dir.resolve("none.csv").toString(), "--db", db).exitCode()).isEqualTo(2);
  }

  @Test
  void import_manyBadRows_showsTheFirstHundredAndSaysWhereTheRestAre() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 150; i++) {
      text.append("Poland,,CAMM ").append(i).append(",1000,lots,GBP,2023,MBDA,,\n");
    }
    Path bad = file("many.csv", text.toString());

    CliRun run = CliRun.qm("import", bad.toString(), "--db", CliRun.seededStore(dir.resolve("s.duckdb")).toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("nothing imported, 150 problems").contains(bad + ":101:value")
        .doesNotContain(bad + ":102:value").contains("… and 50 more").contains("many.csv.rejects.csv");
  }

  /** A wide table of amounts under a NATO header: refused whether detected or given, with or without --vintage. */
  @Test
  void import_wideTableOfAmounts_isRefusedAndTheStoreIsAsBefore() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path amounts = Files.copy(org.quartermaster.app.importer.ImportFixtures.resource(
        "amounts/milex_constant_usd_wide.csv"), dir.resolve("milex.csv"));
    CliRun.qm("import", file("ok.csv", HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n").toString(), "--db",
        db.toString());
    Object before;
    try (Store store = Store.open(db)) {
      before = StoreCounts.of(store);
    }

    for (String[] options : new String[][] {{}, {"--vintage", "2024-06"}, {"--format", "nato", "--vintage", "2024-06",
        "--skip-bad-rows"}}) {
      String[] args = new String[options.length + 4];
      args[0] = "import";
      args[1] = amounts.toString();
      System.arraycopy(options, 0, args, 2, options.length);
      args[args.length - 2] = "--db";
      args[args.length - 1] = db.toString();
      CliRun run = CliRun.qm(args);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Main.BAD_INPUT);
      assertThat(run.err()).contains(amounts + " — values look like amounts (median 6,722), not % of GDP: "
          + "import with a mapping, see docs/import-mappings.md").doesNotContain("--vintage");
    }
    try (Store store = Store.open(db)) {
      assertThat(StoreCounts.of(store)).isEqualTo(before);
    }
  }

  @Test
  void import_figuresAlreadyStored_exitTwoUntilReplacedOrAllowed() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path first = file("first.csv", HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,https://example.org/a,\n");
    Path copy = file("copy.csv", HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,https://example.org/b,\n");
    CliRun.qm("import", first.toString(), "--db", db.toString());

    CliRun refused = CliRun.qm("import", copy.toString(), "--db", db.toString());
    CliRun both = CliRun.qm("import", copy.toString(), "--replace", "5", "--allow-duplicates", "--db", db.toString());
    CliRun replaced = CliRun.qm("import", copy.toString(), "--replace", "5", "--db", db.toString());

    assertThat(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(refused.err()).contains(copy + " — 1 figure is already in the store for the same series and release"
        + " (dataset 5 " + first + ": 1); give --replace 5 to replace that dataset, or --allow-duplicates to keep both")
        .contains(copy + ":2: 'France Mistral 10.0 5.0 EUR 2024' — already in the store: dataset 5, row 2");
    assertThat(both.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(both.err()).contains("--replace and --allow-duplicates: give one");
    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    assertThat(replaced.out()).contains("dataset 5 (" + first + ", 1 rows) removed")
        .contains("1 rows added to contracts as dataset 6"); // the refused imports took no id
    try (Store store = Store.open(db)) {
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM contracts WHERE item = 'Mistral'")).isEqualTo(1);
    }
  }

  @Test
  void import_help_showsEveryOptionWithItsDefault() {
    CliRun run = CliRun.qm("import", "--help");

    assertThat(run.exitCode()).isZero();
    CliRun.assertEveryOptionShownWithDefault(run.out(), "import");
  }

  @Test
  void import_skipBadRowsWithMoreProblemsThanAreKept_countsEveryBadRowAndProblem() throws IOException {
    StringBuilder text = new StringBuilder(HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n");
    for (int i = 0; i < 1200; i++) {
      text.append(",,Shell ").append(i).append(",10,lots,EUR,2024,MBDA,,\n"); // no buyer, no number: 2 problems
    }
    Path file = file("many-bad.csv", text.toString());

    CliRun run = CliRun.qm("import", file.toString(), "--skip-bad-rows", "--db",
        CliRun.seededStore(dir.resolve("s.duckdb")).toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("1,200 bad rows left out (2,400 problems)");
  }
}
