package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code qm sweep} through {@link Main#run}. */
class SweepCommandTest {
  private static final String SWEEP = "sweeps/155mm.yaml";

  @TempDir Path dir;

  private static String[] sweep(Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("sweep", CliRun.example(SWEEP).toString(), "--out",
        out.toString(), "--no-progress"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void sweep_oneThreadAndTwo_writeIdenticalBytes() throws Exception {
    Path one = dir.resolve("one.parquet");
    Path two = dir.resolve("two.parquet");
    CliRun first = CliRun.qm(sweep(one, "--threads", "1"));
    CliRun second = CliRun.qm(sweep(two, "--threads", "2"));
    assertThat(first.exitCode()).as(first.err()).isEqualTo(Main.OK);
    assertThat(second.exitCode()).as(second.err()).isEqualTo(Main.OK);
    assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
    assertThat(first.out()).contains("18 variants (grid) x 1000 runs, 2 cells: 36 rows in").contains("parquet written to "
        + one);
  }

  @Test
  void sweep_parquet_holdsOneRowPerVariantAndCell_withParameterAndMetricColumns() throws Exception {
    Path out = dir.resolve("results.parquet");
    assertThat(CliRun.qm(sweep(out)).exitCode()).isEqualTo(Main.OK);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT variant), min(\"transfers[1].quantity\"),"
            + " max(\"lines[us-155-total].surge_per_month\"), count(closing_stock_m59_p50),"
            + " string_agg(DISTINCT holder, ',' ORDER BY holder) FROM '" + out + "'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getLong(1)).isEqualTo(36);
      assertThat(r.getLong(2)).isEqualTo(18);
      assertThat(r.getDouble(3)).isEqualTo(150000);
      assertThat(r.getDouble(4)).isEqualTo(100000);
      assertThat(r.getLong(5)).isEqualTo(36);
      assertThat(r.getString(6)).isEqualTo("UKR,USA");
    }
  }

  @Test
  void sweep_csv_hasAHeaderAndEmptyCellsForMissingValues() throws Exception {
    Path out = dir.resolve("results.csv");
    assertThat(CliRun.qm(sweep(out)).exitCode()).isEqualTo(Main.OK);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(37);
    assertThat(lines.get(0)).startsWith("variant,lines[us-155-total].surge_per_month,"
        + "lines[us-155-total].ramp_delay_months.mode,transfers[1].quantity,holder,item,months_to_target_p50,");
    assertThat(lines.get(1)).startsWith("0,70000.0,6.0,150000.0,USA,shell-155,");
  }

  @Test
  void invalidSweep_exitsTwo_listsEveryProblem_andWritesNothing() throws Exception {
    Files.copy(CliRun.example("us-155mm-shells.yaml"), dir.resolve("base.yaml"));
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        base: base.yaml
        design: sobel
        parameters:
          - {path: "lines[us-155-total].surge_per_mnth", values: [1]}
        """);
    Path out = dir.resolve("r.parquet");
    CliRun run = CliRun.qm("sweep", file.toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(file + ": invalid sweep, 2 problems:")
        .contains("design: unknown design; did you mean 'sobol'?")
        .contains("parameters[0].path: unknown path; did you mean 'lines[us-155-total].surge_per_month'?")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("base.yaml", "bad.yaml");
    }
  }

  @Test
  void savedBase_isReadFromTheStoreGivenWithDb() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("store.duckdb"));
    try (org.quartermaster.app.store.Store store = org.quartermaster.app.store.Store.open(db)) {
      new org.quartermaster.app.scenarios.SavedScenarios(store).create("shells", "shells",
          Files.readString(CliRun.example("us-155mm-shells.yaml")));
    }
    Path file = dir.resolve("saved.yaml");
    Files.writeString(file, """
        saved: shells
        runs: 20
        parameters: [{path: "transfers[0].quantity", values: [100000, 200000]}]
        """);
    Path out = dir.resolve("saved.csv");
    CliRun run = CliRun.qm("--db", db.toString(), "sweep", file.toString(), "--out", out.toString(), "--no-progress");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(Files.readAllLines(out)).hasSize(1 + 2 * 2);

    CliRun unknown = CliRun.qm("--db", db.toString(), "sweep", dir.resolve("missing-id.yaml").toString(), "--out",
        out.toString());
    assertThat(unknown.exitCode()).isEqualTo(Main.BAD_INPUT);
    Files.writeString(file, "saved: nope\n" + "parameters: [{path: \"transfers[0].quantity\", values: [1]}]\n");
    assertThat(CliRun.qm("--db", db.toString(), "sweep", file.toString(), "--out", out.toString()).err())
        .contains("saved: no saved scenario has this id");
  }

  @Test
  void badOptions_exitTwo() {
    assertThat(CliRun.qm(sweep(dir.resolve("r.parquet"), "--threads", "0")).exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(CliRun.qm(sweep(dir.resolve("r.parquet"), "--format", "xlsx")).exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(CliRun.qm(sweep(dir.resolve("no-such-folder/r.parquet"))).exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(CliRun.qm("sweep", dir.resolve("missing.yaml").toString(), "--out", dir.resolve("r.parquet").toString())
        .err()).contains("missing.yaml: invalid sweep, 1 problem:").contains("no such file");
  }

  @Test
  void help_showsEveryOptionWithItsDefault() {
    CliRun run = CliRun.qm("sweep", "--help");
    assertThat(run.exitCode()).isEqualTo(Main.OK);
    CliRun.assertEveryOptionShownWithDefault(run.out(), "sweep");
  }
}
