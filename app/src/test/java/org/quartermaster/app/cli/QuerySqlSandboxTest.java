package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, critical 1: {@code qm query sql} runs where DuckDB itself forbids writing and outside access
 * (the store opened read-only, external access off, extensions neither installed nor loaded, the
 * configuration locked), not behind a parser allow-list alone. A corpus of escapes, each refused with
 * exit 2 and the store byte for byte as before, no file written beside it.
 */
class QuerySqlSandboxTest {
  @TempDir static Path dir;
  private static Path store;

  @BeforeAll
  static void seed() {
    store = CliRun.seededStore(dir.resolve("store.duckdb"));
    assertThat(CliRun.qm("--db", store.toString(), "query", "datasets").exitCode()).isZero();
  }

  static Stream<String> escapes() {
    String target = dir.resolve("written.csv").toString();
    return Stream.of(
        // the issue's own reproduction: a COPY inside a CTE passed the old gate and overwrote the store
        "WITH c AS (COPY (SELECT 1 AS x) TO '" + store + "' (FORMAT csv)) SELECT 1",
        "WITH c AS (COPY (SELECT 1 AS x) TO '" + target + "' (FORMAT csv, RETURN_FILES)) SELECT * FROM c",
        "COPY (SELECT 1) TO '" + target + "'",
        "ATTACH '" + dir.resolve("other.duckdb") + "' AS other",
        "EXPORT DATABASE '" + dir.resolve("exported") + "'",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "PRAGMA enable_profiling",
        "CALL checkpoint()",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM read_csv('https://example.org/a.csv')",
        "SELECT * FROM glob('/etc/*')",
        "WITH d AS (DELETE FROM aid_rows RETURNING *) SELECT count(*) FROM d",
        "SELECT 1; DELETE FROM aid_rows",
        "SELECT nextval('dataset_ids')");
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void sql_escape_isRefusedWithExitTwoAndTheStoreIsByteForByteAsBefore(String sql) throws IOException {
    String before = sha256(store);

    CliRun run = CliRun.qm("--db", store.toString(), "query", "sql", sql);

    assertThat(run.exitCode()).as(sql + "\n" + run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("qm: ").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(sha256(store)).as(sql).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("store.duckdb")).toList())
          .as(sql).isEmpty();
    }
  }

  @Test
  void sql_readingTheStore_works() {
    CliRun run = CliRun.qm("--db", store.toString(), "query", "sql", "SELECT count(*) AS n FROM aid", "--format",
        "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).isEqualTo(List.of("n", "225"));
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
