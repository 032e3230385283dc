package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** A process killed in the middle of an import leaves the store as it was. */
class ImportCrashTest {

  @Test
  void import_processKilledAfterAppendingBeforeCommit_leavesTheStoreAsBefore(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n");
    for (int i = 0; i < 50_000; i++) {
      csv.append("Buyer ").append(i).append(",,Item,").append(i).append(",1,EUR,2024,Supplier,,\n");
    }
    Path file = Files.writeString(dir.resolve("big.csv"), csv);

    assertThat(killBeforeCommit(dir, "import", file.toString())).isEqualTo("rows appended, not committed");
  }

  /** The same for a large generic CSV file, which the bulk path writes with one INSERT … SELECT. */
  @Test
  void import_bulkPathKilledAfterInsertingBeforeCommit_leavesTheStoreAsBefore(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("iso3,year,pct_gdp,amount\n");
    List<Country> countries = Countries.standard().all();
    for (int i = 0; i < 100_000; i++) {
      csv.append(countries.get(i % countries.size()).iso3()).append(',').append(1000 + i / countries.size())
          .append(',').append(i % 400 / 100.0).append(',').append(i).append(".5\n");
    }
    Path file = Files.writeString(dir.resolve("spending.csv"), csv);
    Path mapping = Files.writeString(dir.resolve("spending.yaml"), """
        table: spending
        columns: {iso3: iso3, year: year, pct_gdp: pct_gdp, amount: amount}
        constants: {source: bench, vintage: 2026-02}
        """);

    assertThat(killBeforeCommit(dir, "import", file.toString(), "--format", "csv", "--mapping", mapping.toString()))
        .isEqualTo("rows inserted in bulk, not committed");
  }

  /**
   * Runs {@code qm ARGS --db DIR/store.duckdb} in a child process that stops before committing, kills
   * it there, and asserts the store is as before; returns what the child said it had done.
   */
  private static String killBeforeCommit(Path dir, String... args) throws Exception {
    Path db = dir.resolve("store.duckdb");
    Map<String, Object> before;
    try (Store store = Store.open(db)) {
      BundledDataset.seedIfEmpty(store, Countries.standard());
      before = StoreCounts.of(store);
    }
    Path marker = dir.resolve("appended");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-D" + ImportService.PAUSE_PROPERTY + "=" + marker,
        "-cp", System.getProperty("java.class.path"), "org.quartermaster.app.cli.Main"));
    command.addAll(List.of(args));
    command.addAll(List.of("--db", db.toString()));

    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      waitFor(marker, child);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }

    try (Store store = Store.open(db)) {
      assertThat(StoreCounts.of(store)).isEqualTo(before);
    }
    return Files.readString(marker);
  }

  private static void waitFor(Path marker, Process child) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!Files.exists(marker)) {
      if (!child.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("the import never reached the point before commit (exit "
            + (child.isAlive() ? "none" : child.exitValue()) + ")");
      }
      Thread.sleep(50);
    }
  }
}
