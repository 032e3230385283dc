package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** A process killed in the middle of an import leaves the store as it was. */
class ImportCrashTest {

  @Test
  void import_processKilledAfterAppendingBeforeCommit_leavesTheStoreAsBefore(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("store.duckdb");
    Map<String, Object> before;
    try (Store store = Store.open(db)) {
      BundledDataset.seedIfEmpty(store, Countries.standard());
      before = StoreCounts.of(store);
    }
    StringBuilder csv = new StringBuilder("buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n");
    for (int i = 0; i < 50_000; i++) {
      csv.append("Buyer ").append(i).append(",,Item,").append(i).append(",1,EUR,2024,Supplier,,\n");
    }
    Path file = Files.writeString(dir.resolve("big.csv"), csv);
    Path marker = dir.resolve("appended");

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-D" + ImportService.PAUSE_PROPERTY + "=" + marker,
        "-cp", System.getProperty("java.class.path"), "org.quartermaster.app.cli.Main",
        "import", file.toString(), "--db", db.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      waitFor(marker, child);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }

    try (Store store = Store.open(db)) {
      assertThat(StoreCounts.of(store)).isEqualTo(before);
    }
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
