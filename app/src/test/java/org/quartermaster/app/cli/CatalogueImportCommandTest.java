package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * Issue 11: users extend the munition catalogue by import. A munitions file and an aliases file go through
 * {@code qm import} into a seeded store (bundled datasets 1–4); {@code qm items} shows the new munition with
 * its dataset, {@code qm items --unresolved} stops listing a name once an alias resolves it, {@code qm chain}
 * reads the new munition's contracts with the windows their rows state, and {@code qm datasets rm} puts the
 * store back as it was.
 */
class CatalogueImportCommandTest {
  static final String MUNITIONS = """
      id,name,family,category,unit,note,status,status_as_of,status_source_url,source_url,publisher,source_title,source_grade
      shell-105,105 mm artillery round (complete),105 mm,artillery ammunition,rounds,A complete 105 mm round,in production,2024-03,https://example.org/105,https://example.org/105,Example Ministry,105 mm fact sheet,official
      """;
  static final String ALIASES = """
      alias,id,source_url
      105mm shells (L118),shell-105,https://example.org/105
      """;
  static final String CONTRACTS = """
      contract_id,buyer,item,quantity,value,currency,date,supplier,delivery_start,delivery_end,source_url
      EX-105-1,Ukraine,105mm shells (L118),1200,,,2024-03,Example Arms,2025,2026-06,https://example.org/c1
      """;

  @TempDir Path dir;

  @Test
  void import_catalogueAndAliases_extendItemsUnresolvedAndChain() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    String store = db.toString();
    assertThat(run("--db", store, "import", write("contracts-105.csv", CONTRACTS)).out())
        .contains("1 rows added to contracts as dataset 5");
    assertThat(run("--db", store, "items", "--unresolved", "--format", "csv").out())
        .contains("105mm shells (L118),contracts,1,unknown");

    assertThat(run("--db", store, "import", write("my-munitions.csv", MUNITIONS)).out())
        .contains("my-munitions.csv (qm-csv): 1 rows added to munitions as dataset 6");
    assertThat(run("--db", store, "import", write("my-aliases.csv", ALIASES)).out())
        .contains("my-aliases.csv (qm-csv): 1 rows added to munition_aliases as dataset 7");

    CliRun items = run("--db", store, "items", "--format", "csv");
    assertThat(items.out()).contains("shell-105,105 mm artillery round (complete),105 mm,artillery ammunition,rounds,"
        + "in production,2024-03,1,105mm shells (L118),dataset 6 (").contains("my-munitions.csv row 2),")
        .contains("my-aliases.csv row 2))")
        .contains("javelin,FGM-148 Javelin,FGM-148,missiles,missiles,").contains(",bundled,");
    assertThat(run("--db", store, "items", "--unresolved", "--format", "csv").out())
        .doesNotContain("105mm shells (L118)");

    CliRun chain = run("--db", store, "chain", "shell-105", "--from", "2024", "--to", "2026", "--format", "csv");
    assertThat(chain.out()).contains("2025,Example Arms,backlog,ordered less delivered (even over the window),")
        .contains("contract row d5:r2");
  }

  @Test
  void chain_ofAnImportedMunitionThroughAServer_printsWhatItPrintsWithoutOne() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    String store = db.toString();
    run("--db", store, "import", write("contracts-105.csv", CONTRACTS));
    run("--db", store, "import", write("my-munitions.csv", MUNITIONS));
    run("--db", store, "import", write("my-aliases.csv", ALIASES));
    CliRun alone = run("--db", store, "chain", "105mm shells (L118)", "--from", "2024", "--to", "2026");
    CliRun unknownAlone = CliRun.qm("--db", store, "chain", "shell-106");

    CliRun through;
    CliRun unknownThrough;
    try (RunningServer server = RunningServer.start(db, Map.of())) {
      through = run("--db", store, "chain", "105mm shells (L118)", "--from", "2024", "--to", "2026");
      unknownThrough = CliRun.qm("--db", store, "chain", "shell-106");
    }

    assertThat(through.out()).isEqualTo(alone.out()).contains("Backlog of 105 mm artillery round (complete)");
    assertThat(unknownThrough).isEqualTo(unknownAlone);
    assertThat(unknownAlone.err()).contains("unknown item 'shell-106'; did you mean").contains("qm items lists");
  }

  @Test
  void datasetsRm_ofTheImportedCatalogue_leavesTheStoreAsBefore() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Map<String, Object> before;
    try (Store s = Store.open(db)) {
      before = StoreCounts.of(s);
    }
    run("--db", db.toString(), "import", write("my-munitions.csv", MUNITIONS));
    run("--db", db.toString(), "import", write("my-aliases.csv", ALIASES));

    assertThat(run("--db", db.toString(), "datasets", "rm", "6").exitCode()).isZero();
    assertThat(run("--db", db.toString(), "datasets", "rm", "5").exitCode()).isZero();

    try (Store s = Store.open(db)) {
      assertThat(StoreCounts.of(s)).isEqualTo(before);
    }
    assertThat(run("--db", db.toString(), "items", "--format", "csv").out()).doesNotContain("shell-105");
  }

  @Test
  void import_aliasOfAnUnknownId_exits2NamingFileRowAndValue() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Map<String, Object> before;
    try (Store s = Store.open(db)) {
      before = StoreCounts.of(s);
    }

    CliRun refused = CliRun.qm("--db", db.toString(), "import", write("aliases.csv", "alias,id\nJavelin ATGM,javelinn\n"));

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("aliases.csv:2:id: 'javelinn'").contains("did you mean 'javelin'?");
    try (Store s = Store.open(db)) {
      assertThat(StoreCounts.of(s)).isEqualTo(before);
    }
  }

  private String write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  private static CliRun run(String... args) {
    CliRun run = CliRun.qm(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }
}
