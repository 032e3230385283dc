package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.sweeps.SweepFiles;
import org.quartermaster.app.sweeps.SweepFixtures;
import org.quartermaster.engine.sweep.SweepMetadata;

/** {@code qm import} of sweep result files: detection, checks, all or nothing, removal. */
class SweepImportTest {
  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.inMemory();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ImportReport importFile(Path file) {
    return new ImportService(store, Countries.standard(), Importers.standard())
        .run(new ImportRequest(file, null, null, null, null, false, false));
  }

  private long count(String sql) {
    return store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  /** Runs SQL on a DuckDB in memory (to make Parquet files). */
  private static void duckdb(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void detect_sweepResultFile_isSweep() throws Exception {
    Path file = SweepFixtures.resultFile(dir, "results.parquet");

    assertThat(FormatDetector.detect(file)).contains(ImportFormat.SWEEP);
  }

  @Test
  void detect_parquetWithOtherColumnsAndNoMetadata_isRefusedAsNotASweep() throws Exception {
    Path file = dir.resolve("other.parquet");
    duckdb("COPY (SELECT 1 AS variant, 'USA' AS holder, 'shell' AS item, 2.5 AS value) TO '" + file
        + "' (FORMAT parquet)");

    assertThatThrownBy(() -> FormatDetector.detect(file)).isInstanceOf(ImportFailedException.class)
        .hasMessageContaining("a Parquet file without quartermaster.sweep metadata");
    assertThat(count("SELECT count(*) FROM datasets")).isZero();
  }

  @Test
  void detect_metadataButColumnsChanged_isRefusedNamingTheColumns() throws Exception {
    Path original = SweepFixtures.resultFile(dir, "results.parquet");
    String metadata = metadataOf(original);
    Path edited = dir.resolve("edited.parquet");
    duckdb("COPY (SELECT * EXCLUDE (shortfall_probability) FROM '" + original + "') TO '" + edited
        + "' (FORMAT parquet, KV_METADATA {'quartermaster.sweep': " + SweepFiles.literal(metadata) + "})");

    assertThatThrownBy(() -> importFile(edited)).isInstanceOf(ImportFailedException.class)
        .hasMessageContaining("the columns are not those its quartermaster.sweep metadata names");
    assertThat(count("SELECT count(*) FROM sweeps")).isZero();
  }

  @Test
  void import_sweep_storesTheSweepAndOneRowPerVariantAndCell() throws Exception {
    Path file = SweepFixtures.resultFile(dir, "results.parquet");

    ImportReport report = importFile(file);

    assertThat(report.format()).isEqualTo(ImportFormat.SWEEP);
    assertThat(report.tableName()).isEqualTo("sweeps");
    assertThat(report.rowsWritten()).isEqualTo(12);
    int id = report.datasetId();
    assertThat(count("SELECT count(*) FROM sweep_rows WHERE dataset_id = " + id)).isEqualTo(12);
    assertThat(count("SELECT variants * cells * runs FROM sweeps WHERE sweep_id = " + id)).isEqualTo(6 * 2 * 50);
    assertThat(count("SELECT count(*) FROM datasets WHERE table_name = 'sweeps' AND format = 'sweep'")).isEqualTo(1);
    // variant 5 is the last grid point: surge 100,000 and the second package of 300,000
    assertThat(count("SELECT parameter_values[1] + parameter_values[2] FROM sweep_rows WHERE variant = 5 LIMIT 1"))
        .isEqualTo(400_000);
    assertThat(importFile(file).alreadyImported()).isTrue();
  }

  @Test
  void import_repeatedRow_isRefusedWithEveryProblem_andWritesNothing() throws Exception {
    Path original = SweepFixtures.resultFile(dir, "results.parquet");
    String metadata = metadataOf(original);
    Path bad = dir.resolve("bad.parquet");
    duckdb("COPY (SELECT * FROM (SELECT * FROM '" + original + "' WHERE NOT (variant = 2 AND holder = 'UKR')"
        + " UNION ALL SELECT * FROM '" + original + "' WHERE variant = 1 AND holder = 'USA') ORDER BY variant)"
        + " TO '" + bad + "' (FORMAT parquet, KV_METADATA {'quartermaster.sweep': " + SweepFiles.literal(metadata)
        + "})");
    long datasets = count("SELECT count(*) FROM datasets");

    assertThatThrownBy(() -> importFile(bad)).isInstanceOf(ImportFailedException.class)
        .satisfies(e -> assertThat(((ImportFailedException) e).problems()).extracting(ImportProblem::message)
            .contains("repeats a row of the same variant and cell"));
    assertThat(count("SELECT count(*) FROM datasets")).isEqualTo(datasets);
    assertThat(count("SELECT count(*) FROM sweep_rows")).isZero();
    assertThat(count("SELECT count(*) FROM sweeps")).isZero();
  }

  @Test
  void import_variantOutOfRange_isRefusedNamingRowAndValue() throws Exception {
    Path original = SweepFixtures.resultFile(dir, "results.parquet");
    Path bad = dir.resolve("bad.parquet");
    duckdb("COPY (SELECT * REPLACE (CASE WHEN variant = 5 THEN 9 ELSE variant END AS variant) FROM '" + original
        + "') TO '" + bad + "' (FORMAT parquet, KV_METADATA {'quartermaster.sweep': "
        + SweepFiles.literal(metadataOf(original)) + "})");

    assertThatThrownBy(() -> importFile(bad)).isInstanceOf(ImportFailedException.class)
        .satisfies(e -> assertThat(((ImportFailedException) e).problems()).contains(new ImportProblem(
            bad.toString(), 11, "variant", "9", "a variant is a number from 0 to 5 (the metadata's variants - 1)")));
    assertThat(count("SELECT count(*) FROM sweeps")).isZero();
  }

  @Test
  void import_dryRun_writesNothing() throws Exception {
    Path file = SweepFixtures.resultFile(dir, "results.parquet");

    ImportReport report = new ImportService(store, Countries.standard(), Importers.standard())
        .run(new ImportRequest(file, null, null, null, null, false, true));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.rowsWritten()).isEqualTo(12);
    assertThat(count("SELECT count(*) FROM sweeps")).isZero();
  }

  @Test
  void import_replace_swapsTheSweepInOneTransaction() throws Exception {
    Path file = SweepFixtures.resultFile(dir, "results.parquet");
    int first = importFile(file).datasetId();

    ImportReport again = new ImportService(store, Countries.standard(), Importers.standard())
        .run(new ImportRequest(file, null, null, null, null, false, false), Overlap.replace(first));

    assertThat(again.replaced().datasetId()).isEqualTo(first);
    assertThat(again.replaced().rows()).isEqualTo(12);
    assertThat(count("SELECT count(*) FROM sweeps")).isEqualTo(1);
    assertThat(count("SELECT min(dataset_id) FROM sweep_rows")).isEqualTo(again.datasetId());
    assertThat(count("SELECT count(*) FROM sweep_rows")).isEqualTo(12);
  }

  @Test
  void remove_sweepDataset_removesItsRecordAndRows() throws Exception {
    int id = importFile(SweepFixtures.resultFile(dir, "results.parquet")).datasetId();

    Datasets.Removed removed = Datasets.remove(store, id, false);

    assertThat(removed.table()).isEqualTo("sweeps");
    assertThat(removed.rows()).isEqualTo(12);
    assertThat(count("SELECT count(*) FROM sweeps")).isZero();
    assertThat(count("SELECT count(*) FROM sweep_rows")).isZero();
    assertThat(count("SELECT count(*) FROM datasets")).isZero();
  }

  /**
   * The folder a sweep on Spark writes, made from {@code qm sweep}'s file: part files of variants 0-1, 2-3
   * and 4-5, each with the whole sweep's metadata, and {@code _SUCCESS}.
   */
  private Path sparkFolder(Path file, String name) throws Exception {
    String metadata = SweepFiles.literal(metadataOf(file));
    Path folder = Files.createDirectories(dir.resolve(name));
    for (int part = 0; part < 3; part++) {
      duckdb("COPY (SELECT * FROM '" + file + "' WHERE variant BETWEEN " + 2 * part + " AND " + (2 * part + 1)
          + " ORDER BY variant) TO '" + folder.resolve("part-0000" + part + ".parquet")
          + "' (FORMAT parquet, KV_METADATA {'quartermaster.sweep': " + metadata + "})");
    }
    Files.writeString(folder.resolve("_sweep.json"), "{}");
    Files.writeString(folder.resolve("_SUCCESS"), "");
    return folder;
  }

  private java.util.List<String> stored(String sql) {
    return store.read(c -> {
      java.util.List<String> rows = new java.util.ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
        while (r.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
            row.append(r.getString(i)).append('|');
          }
          rows.add(row.toString());
        }
      }
      return rows;
    });
  }

  @Test
  void import_sparkFolder_storesTheSweepOfTheSingleFile() throws Exception {
    Path file = SweepFixtures.resultFile(dir, "results.parquet");
    Path folder = sparkFolder(file, "on-spark");
    String sweep = "SELECT sweep_file, base, base_sha256, design, variants, cells, runs, seed, parameters, metrics,"
        + " qm_version FROM sweeps WHERE sweep_id = ";
    String rows = "SELECT file_row, variant, holder, item, parameter_values, metric_values FROM sweep_rows"
        + " WHERE dataset_id = ";

    assertThat(FormatDetector.detect(file)).contains(ImportFormat.SWEEP);
    int fromFile = importFile(file).datasetId();
    ImportReport report = importFile(folder);

    assertThat(report.format()).isEqualTo(ImportFormat.SWEEP);
    assertThat(report.rowsWritten()).isEqualTo(12);
    int fromFolder = report.datasetId();
    assertThat(fromFolder).isNotEqualTo(fromFile);
    assertThat(stored(sweep + fromFolder)).hasSize(1).isEqualTo(stored(sweep + fromFile));
    assertThat(stored(rows + fromFolder + " ORDER BY file_row")).hasSize(12)
        .isEqualTo(stored(rows + fromFile + " ORDER BY file_row"));
    assertThat(importFile(folder).alreadyImported()).isTrue();
  }

  @Test
  void import_unfinishedSparkFolder_isRefusedSayingHowToFinishIt() throws Exception {
    Path folder = sparkFolder(SweepFixtures.resultFile(dir, "results.parquet"), "on-spark");
    Files.delete(folder.resolve("_SUCCESS"));
    Files.delete(folder.resolve("part-00001.parquet"));

    assertThatThrownBy(() -> importFile(folder)).isInstanceOf(ImportFailedException.class)
        .hasMessageContaining("the sweep on Spark has not finished (no _SUCCESS in the folder)");
    assertThat(count("SELECT count(*) FROM datasets")).isZero();
  }

  @Test
  void import_onePartFile_isRefused_namingTheFolderToImport() throws Exception {
    Path folder = sparkFolder(SweepFixtures.resultFile(dir, "results.parquet"), "on-spark");

    assertThatThrownBy(() -> importFile(folder.resolve("part-00001.parquet")))
        .isInstanceOf(ImportFailedException.class)
        .hasMessageContaining("expected 6 variants × 2 cells = 12 rows")
        .hasMessageContaining("this is one part of a sweep on Spark: import its folder");
    assertThat(count("SELECT count(*) FROM sweep_rows")).isZero();
  }

  @Test
  void import_sparkFolderMixingTwoSweeps_isRefused() throws Exception {
    Path folder = sparkFolder(SweepFixtures.resultFile(dir, "results.parquet"), "on-spark");
    duckdb("COPY (SELECT * FROM '" + folder.resolve("part-00002.parquet") + "') TO '"
        + folder.resolve("part-00002.parquet") + ".tmp' (FORMAT parquet)");
    Files.move(folder.resolve("part-00002.parquet.tmp"), folder.resolve("part-00002.parquet"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> importFile(folder)).isInstanceOf(ImportFailedException.class)
        .hasMessageContaining("part-00002.parquet")
        .hasMessageContaining("has no quartermaster.sweep metadata: the folder mixes files of different runs");
    assertThat(count("SELECT count(*) FROM datasets")).isZero();
  }

  @Test
  void import_folderOfOtherFiles_isRefused() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("other"));
    Files.writeString(folder.resolve("a.csv"), "x\n1\n");

    assertThatThrownBy(() -> importFile(folder)).isInstanceOf(ImportFailedException.class)
        .hasMessageContaining("qm import reads a folder only as the results of qm sweep --spark");
  }

  private static String metadataOf(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT decode(value) FROM parquet_kv_metadata('" + file + "') WHERE decode(key)"
            + " = '" + SweepMetadata.KEY + "'")) {
      assertThat(r.next()).isTrue();
      return r.getString(1);
    }
  }
}
