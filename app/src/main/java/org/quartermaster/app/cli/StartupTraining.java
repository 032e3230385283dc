package org.quartermaster.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;

/**
 * The workload the build runs once with the JVM's {@code -XX:AOTCacheOutput} (Java 25 and newer; see
 * app/pom.xml and bin/qm): typical qm commands, in a temporary folder, so that the cache holds the
 * classes they load, already parsed and linked (and, on Java 25, the profiles of the methods they run, which the
 * JIT compiler then starts from), and later qm processes start faster; {@code qm serve} among them, with its
 * warm-up ({@link org.quartermaster.app.api.WarmUp}), so a server's request path is in the cache too. Not a command of
 * qm's; it fails (exit 1) if a command does, so a broken workload does not go unnoticed.
 */
public final class StartupTraining {
  /** Rows of the generated CSV file: over the size at which a generic CSV import takes the bulk path. */
  private static final int ROWS = 100_000;
  /** How long {@code qm serve} may take to get ready, and to stop. */
  private static final Duration SERVE_TIMEOUT = Duration.ofMinutes(3);

  private StartupTraining() {
  }

  public static void main(String[] args) throws IOException {
    Path folder = Files.createTempDirectory("qm-startup-training-");
    try {
      train(folder);
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(StartupTraining::delete);
      }
    }
  }

  private static void train(Path folder) throws IOException {
    String db = folder.resolve("store.duckdb").toString();
    Path csv = folder.resolve("spending.csv");
    Path mapping = folder.resolve("spending.yaml");
    Path scenario = folder.resolve("scenario.yaml");
    writeSpending(csv);
    Files.writeString(mapping, "table: spending\ncolumns: {iso3: iso3, year: year, pct_gdp: pct_gdp}\n"
        + "constants: {source: training, vintage: 2026-01, source_url: https://example.org/training}\n");
    try (InputStream example = StartupTraining.class.getResourceAsStream(
        "/org/quartermaster/app/examples/us-155mm-shells.yaml")) {
      if (example == null) {
        throw new IllegalStateException("the example scenario is not in the jar");
      }
      Files.write(scenario, example.readAllBytes());
    }
    for (List<String> command : List.of(
        List.of("--version"),
        List.of("--db", db, "--create", "query", "spending", "--year", "2024", "--threshold", "2"),
        List.of("--db", db, "query", "aid", "--by", "donor", "--category", "military", "--measure", "allocation",
            "--format", "json"),
        List.of("--db", db, "query", "contracts", "--format", "csv"),
        List.of("--db", db, "import", csv.toString(), "--format", "csv", "--mapping", mapping.toString()),
        List.of("--db", db, "query", "datasets"),
        List.of("--db", db, "export", "defence_spending", "--format", "csv", "--out",
            folder.resolve("export.csv").toString()),
        List.of("simulate", scenario.toString(), "--runs", "2000", "--no-progress", "--out",
            folder.resolve("result.json").toString()))) {
      run(command);
    }
    serve(Path.of(db));
  }

  /** {@code qm serve} on the store until it is ready (warmed up), then stopped. */
  private static void serve(Path db) {
    StringWriter err = new StringWriter();
    int[] code = {-1};
    Thread server = new Thread(() -> code[0] = Main.run(new String[] {"--db", db.toString(), "serve", "--port", "0",
        "--warm-up", "1000"}, writer(new StringWriter()), writer(err)), "qm-serve-training");
    server.start();
    long deadline = System.nanoTime() + SERVE_TIMEOUT.toNanos();
    try {
      while (ServerFile.ofRunning(db).isEmpty()) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("qm serve did not get ready (exit " + code[0] + "): " + err);
        }
        Thread.sleep(50);
      }
      server.interrupt();
      server.join(SERVE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while qm serve was training", e);
    }
    if (code[0] != Main.OK) {
      throw new IllegalStateException("qm serve exited with " + code[0] + ": " + err);
    }
  }

  private static void run(List<String> command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(command.toArray(String[]::new), writer(out), writer(err));
    if (code != Main.OK) {
      throw new IllegalStateException("qm " + String.join(" ", command) + " exited with " + code + ": " + err);
    }
  }

  private static PrintWriter writer(Writer to) {
    return new PrintWriter(to, true);
  }

  /** A spending file in the layout of the mapping: each (country, year) once. */
  private static void writeSpending(Path csv) throws IOException {
    List<String> codes = Countries.standard().all().stream().map(Country::iso3).sorted().toList();
    StringBuilder text = new StringBuilder("iso3,year,pct_gdp\n");
    for (int i = 0; i < ROWS; i++) {
      text.append(codes.get(i % codes.size())).append(',').append(1000 + i / codes.size()).append(',')
          .append(1 + i % 4).append('.').append(10 + i % 90).append('\n');
    }
    Files.writeString(csv, text);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
