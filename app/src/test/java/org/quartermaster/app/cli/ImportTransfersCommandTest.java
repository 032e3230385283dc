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

    CliRun imported = CliRun.qm("--db", db.toString(), "import", file.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    try (Store store = Store.open(db)) { // as the import left it, before any other command opens the store
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM production_rows WHERE kind LIKE 'transferred%'"))
          .isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers WHERE source_url LIKE 'https://example.org/%'"
          + " AND item_id = 'mistral' AND supplier_iso3 = 'FRA' AND recipient_iso3 = 'UKR'")).isEqualTo(2);
    }
    CliRun transfers = CliRun.qm("--db", db.toString(), "query", "transfers", "--item", "mistral", "--format", "csv");
    assertThat(transfers.exitCode()).as(transfers.err()).isZero();
    assertThat(transfers.out()).contains("Mistral,mistral,French stocks,FRA,UKR,100,100.0,100.0,missiles,2023-06,,"
        + "2023-06,cumulative,delivered,cumulative,transferred,5,3,2023-06,,2023-06,French MoD,MoD statement,official,"
        + "https://example.org/fr,,")
        .contains("Mistral,mistral,France (SIPRI deal 99999),FRA,UKR,40,40.0,40.0,portable SAM,2024,2024-01,2024-12,"
            + "period,delivered,year,transferred (SIPRI estimate),5,4,,,2024,SIPRI,SIPRI trade register,research,"
            + "https://example.org/sipri,,");
    CliRun production = CliRun.qm("--db", db.toString(), "query", "production", "--item", "Mistral", "--format",
        "csv");
    assertThat(production.out()).contains("https://example.org/mbda").doesNotContain("example.org/fr")
        .doesNotContain("example.org/sipri");
  }
}
