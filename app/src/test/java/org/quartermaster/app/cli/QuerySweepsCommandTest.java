package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.sweeps.SweepFixtures;

/** {@code qm sweep}, {@code qm import} of its Parquet file, {@code qm query sweeps}, {@code qm datasets rm}, end to end. */
class QuerySweepsCommandTest {
  @TempDir Path dir;

  private CliRun qm(Path db, String... args) {
    String[] withDb = java.util.Arrays.copyOf(args, args.length + 2);
    withDb[args.length] = "--db";
    withDb[args.length + 1] = db.toString();
    return CliRun.qm(withDb);
  }

  @Test
  void sweepImportQueryRemove_roundTrip() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path results = dir.resolve("results.parquet");
    CliRun sweep = CliRun.qm("sweep", SweepFixtures.sweepFile(dir).toString(), "--out", results.toString(),
        "--no-progress");
    assertThat(sweep.exitCode()).as(sweep.err()).isZero();

    CliRun imported = qm(db, "import", results.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).isEqualTo(results + " (sweep): 12 rows added to sweeps as dataset 5 (store " + db
        + ")\n");

    CliRun list = qm(db, "query", "sweeps", "--format", "csv");
    assertThat(list.exitCode()).as(list.err()).isZero();
    List<String> lines = list.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("sweep_id,file,sweep_file,base,base_sha256,design,variants,cells,runs,seed,"
        + "parameters,metrics,imported_at");
    assertThat(lines.get(1)).startsWith("5," + results + "," + dir.resolve("small-sweep.yaml") + ",base.yaml,")
        .contains(",grid,6,2,50,7,lines[us-155-total].surge_per_month; transfers[1].quantity,"
            + "months_to_target_p50; shortfall_probability; closing_stock_m59_p50,");
    assertThat(lines).hasSize(2);

    CliRun one = qm(db, "query", "sweeps", "--id", "5", "--format", "csv");
    assertThat(one.exitCode()).as(one.err()).isZero();
    List<String> rows = one.out().substring(one.out().indexOf("\n\n") + 2).lines().toList();
    assertThat(rows.get(0)).isEqualTo("variant,lines[us-155-total].surge_per_month,transfers[1].quantity,holder,item,"
        + "months_to_target_p50,shortfall_probability,closing_stock_m59_p50");
    assertThat(rows.get(1)).startsWith("0,70000,150000,USA,shell-155,");
    assertThat(rows.get(12)).startsWith("5,100000,300000,UKR,shell-155,");
    assertThat(rows).hasSize(13);

    CliRun removed = qm(db, "datasets", "rm", "5");
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(qm(db, "query", "sweeps", "--format", "csv").out().lines()).hasSize(1);
    CliRun gone = qm(db, "query", "sweeps", "--id", "5");
    assertThat(gone.exitCode()).isEqualTo(2);
    assertThat(gone.err()).contains("--id 5: no sweep of this id in the store");
  }

  @Test
  void import_parquetThatIsNotASweep_exitsTwoAndImportsNothing() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    Path other = dir.resolve("other.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT 'USA' AS holder, 3.5 AS stock) TO '" + other + "' (FORMAT parquet)");
    }
    String before = qm(db, "datasets", "list", "--format", "csv").out();

    CliRun imported = qm(db, "import", other.toString());

    assertThat(imported.exitCode()).isEqualTo(2);
    assertThat(imported.err()).contains(other + ": nothing imported, 1 problem:",
        "a Parquet file without quartermaster.sweep metadata: qm import reads Parquet files only as the results of"
            + " qm sweep");
    assertThat(qm(db, "datasets", "list", "--format", "csv").out()).isEqualTo(before);
  }
}
