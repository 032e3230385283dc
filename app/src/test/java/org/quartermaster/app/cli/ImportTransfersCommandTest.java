package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * Issue 11: a production file's transfers (kind transferred: US→UKR running totals, SIPRI register rows) are
 * stored as transfers by {@code qm import} itself, with their provenance, not left in production until a later
 * command moves them.
 */
class ImportTransfersCommandTest {
  private static final String FILE = """
      item,producer,country,date,value,period,unit,kind,source_url,publisher,source_title,source_grade
      Mistral,MBDA,FRA,2024,40,month,missiles,actual,https://example.org/mbda,MBDA,MBDA release,official
      Mistral,French stocks,FRA->UKR,2023-06,100,cumulative,missiles,transferred,https://example.org/fr,French MoD,MoD statement,official
      Mistral,France (SIPRI deal 99999),France->UKR,2024,40,year,portable SAM,transferred (SIPRI estimate),https://example.org/sipri,SIPRI,SIPRI trade register,research
      """;

  @TempDir Path dir;

  @Test
  void import_productionFileWithTransferredRows_landsThemInTransfersWithProvenance() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path file = Files.writeString(dir.resolve("mistral.csv"), FILE);

    CliRun dryRun = CliRun.qm("--db", db.toString(), "import", file.toString(), "--dry-run");
    CliRun imported = CliRun.qm("--db", db.toString(), "import", file.toString());

    assertThat(dryRun.out()).contains("mistral.csv (qm-csv): dry run, nothing written: 1 of 3 rows would be added to"
        + " production, 2 to transfers\n");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("mistral.csv (qm-csv): 1 rows added to production, 2 to transfers as dataset 5"
        + " (store ");
    try (Store store = Store.open(db)) { // as the import left it, before any other command opens the store
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM production_rows WHERE kind LIKE 'transferred%'"))
          .isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers WHERE source_url LIKE 'https://example.org/%'"
          + " AND item_id = 'mistral' AND supplier_iso3 = 'FRA' AND recipient_iso3 = 'UKR'")).isEqualTo(2);
    }
    CliRun transfers = CliRun.qm("--db", db.toString(), "query", "transfers", "--item", "mistral", "--format", "csv");
    assertThat(transfers.exitCode()).as(transfers.err()).isZero();
    assertThat(transfers.out()).contains("Mistral,mistral,French stocks,FRA,UKR,100,100,100,missiles,2023-06,,"
        + "2023-06,cumulative,delivered,cumulative,transferred,5,3,2023-06,,2023-06,French MoD,MoD statement,official,"
        + "https://example.org/fr,,")
        .contains("Mistral,mistral,France (SIPRI deal 99999),FRA,UKR,40,40,40,portable SAM,2024,2024-01,2024-12,"
            + "period,delivered,year,transferred (SIPRI estimate),5,4,,,2024,SIPRI,SIPRI trade register,research,"
            + "https://example.org/sipri,,");
    CliRun production = CliRun.qm("--db", db.toString(), "query", "production", "--item", "Mistral", "--format",
        "csv");
    assertThat(production.out()).contains("https://example.org/mbda").doesNotContain("example.org/fr")
        .doesNotContain("example.org/sipri");
  }

  @Test
  void import_throughAServer_countsTheTransfersApartToo() throws Exception {
    Path db = dir.resolve("s.duckdb");
    assertThat(CliRun.qm("--db", db.toString(), "--create", "query", "items").exitCode()).isZero();
    Path file = Files.writeString(dir.resolve("mistral.csv"), FILE);

    CliRun dryRun;
    CliRun imported;
    try (RunningServer server = RunningServer.start(db, java.util.Map.of())) {
      dryRun = CliRun.qm("--db", db.toString(), "import", file.toString(), "--dry-run");
      imported = CliRun.qm("--db", db.toString(), "import", file.toString());
    }

    assertThat(dryRun.out()).isEqualTo(file + " (qm-csv): dry run, nothing written: 1 of 3 rows would be added to"
        + " production, 2 to transfers\n");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).isEqualTo(file + " (qm-csv): 1 rows added to production, 2 to transfers as dataset 5"
        + " (store " + db + ")\n");
  }

  /** Transfer rows a stored dataset holds already, from another file: refused as any other repeated figure. */
  @Test
  void import_transfersAlreadyStoredFromAnotherFile_areRefusedUnlessDuplicatesAreAllowed() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path first = Files.writeString(dir.resolve("mistral.csv"), FILE);
    Path second = Files.writeString(dir.resolve("mistral-again.csv"), FILE.replace("MBDA,FRA,2024,40",
        "MBDA,FRA,2025,45").replace("MoD statement", "MoD statement republished"));
    assertThat(CliRun.qm("--db", db.toString(), "import", first.toString()).exitCode()).isZero();
    long before = count(db, "SELECT count(*) FROM transfers_rows");

    CliRun dryRun = CliRun.qm("--db", db.toString(), "import", second.toString(), "--dry-run");
    CliRun refused = CliRun.qm("--db", db.toString(), "import", second.toString());
    long afterRefusal = count(db, "SELECT count(*) FROM transfers_rows");
    long productionAfterRefusal = count(db, "SELECT count(*) FROM production_rows WHERE item = 'Mistral'");
    CliRun allowed = CliRun.qm("--db", db.toString(), "import", second.toString(), "--allow-duplicates");

    for (CliRun run : java.util.List.of(dryRun, refused)) {
      assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
      assertThat(run.err()).contains("2 transfers are already in the store, with the same supplier, recipient, item,"
          + " date, quantity and basis (dataset 5 " + first + ": 2)", "--allow-duplicates",
          "mistral-again.csv:3: 'French stocks -> UKR, Mistral, 2023-06: 100 (cumulative)' — already in the store as a"
          + " transfer: dataset 5, row 3");
    }
    assertThat(afterRefusal).isEqualTo(before);
    assertThat(productionAfterRefusal).isEqualTo(1);
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(count(db, "SELECT count(*) FROM transfers_rows")).isEqualTo(before + 2);
  }

  private static long count(Path db, String sql) {
    try (Store store = Store.open(db)) {
      return StoreCounts.count(store, sql);
    }
  }
}
