package org.quartermaster.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.engine.sweep.GivenVariants;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.sweep.SweepProgress;
import org.quartermaster.engine.sweep.SweepRunner;

/** The Spark job in local mode against the engine's own runner: same rows to the last bit, whatever happens. */
class SweepJobTest {
  /** Two cores; a task is tried up to three times, as on a cluster. */
  private static SparkSession spark;
  private static SweepSource.Validated lhs;
  private static List<String> expected;
  /** How many times the injected fault has fired (the task runs in this JVM in local mode). */
  private static final AtomicInteger FAULTS = new AtomicInteger();

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = TestSpark.session("local[2,3]");
    lhs = SweepJob.read(sweepFile("lhs-300.yaml"));
    expected = ResultTable.lines(SweepRunner.run(lhs.sweep(), 2, SweepProgress.NONE));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Path sweepFile(String name) {
    try {
      return Path.of(SweepJobTest.class.getResource("/sweeps/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7})
  void anyNumberOfPartitions_givesTheRowsOfTheLocalRunner(int partitions) throws Exception {
    Path out = dir.resolve("out");
    SweepJob.Report report = SweepJob.run(spark, lhs, out.toString(), partitions, TaskFault.NONE);

    assertThat(report.partitions()).isEqualTo(partitions);
    assertThat(report.partitionsRun()).isEqualTo(partitions);
    assertThat(expected).hasSize(300 * 3);
    assertThat(ResultTable.read(out).rows()).isEqualTo(expected);
    assertThat(out.resolve("_SUCCESS")).exists();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void theFiles_haveTheColumnsOfQmSweep_andReadAsOneTableInSpark() throws Exception {
    Path out = dir.resolve("out");
    SweepJob.run(spark, lhs, out.toString(), 4, TaskFault.NONE);

    Sweep sweep = lhs.sweep();
    List<String> names = new java.util.ArrayList<>(List.of("variant"));
    names.addAll(sweep.parameterColumns());
    names.addAll(List.of("holder", "item"));
    names.addAll(sweep.metricColumns());
    assertThat(spark.read().parquet(out.toString()).columns()).containsExactlyElementsOf(names);
    List<Row> rows = spark.read().parquet(out.toString()).orderBy("variant").collectAsList();
    assertThat(rows).hasSize(900);
    assertThat(rows.get(0).getInt(0)).isZero();
    assertThat(rows.get(899).getInt(0)).isEqualTo(299);
    // months_to_target_p90 is missing (null) where fewer than 90% of runs reach the target
    assertThat(rows.stream().filter(row -> row.isNullAt(names.indexOf("months_to_target_p90")))).isNotEmpty();
    // every part carries the whole sweep's metadata, as qm sweep's file does: qm import reads the folder
    String metadata = SweepMetadata.of(sweep, SweepJob.version()).toJson();
    for (int part = 0; part < 4; part++) {
      assertThat(ResultTable.keyValueMetadata(out.resolve(OutputFolder.partName(part))))
          .containsEntry(SweepMetadata.KEY, metadata);
    }
    assertThat(SweepJob.version()).isNotEqualTo("unknown").doesNotContain("${");
  }

  @Test
  void givenVariants_runOnSpark_giveTheRowsOfTheLocalRunner() throws Exception {
    double nan = Double.NaN;
    GivenVariants variants = new GivenVariants("tornado (5 variants)", new double[][] {
        {nan, nan, nan}, {30, nan, nan}, {90, nan, nan}, {nan, 8.5, 12.25}, {55.5, 14, 1.0e1}});
    Path file = Files.writeString(dir.resolve("variants.json"), variants.toJson());
    Path out = dir.resolve("out");

    Result result = command(sweepFile("lhs-300.yaml").toString(), "--out", out.toString(), "--variants",
        file.toString(), "--partitions", "2");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("5 variants (tornado (5 variants)) x 20 runs, 3 cells: 15 rows in 2 partitions");
    assertThat(ResultTable.read(out).rows()).isEqualTo(ResultTable.lines(SweepRunner.run(
        variants.applyTo(lhs.sweep()), 1, SweepProgress.NONE)));
  }

  @Test
  void aVariantsFileThatIsNotOne_isBadInput() throws Exception {
    Path file = Files.writeString(dir.resolve("variants.json"), "{\"design\": \"x\", \"values\": [[1, 2]]}");

    Result result = command(sweepFile("lhs-300.yaml").toString(), "--out", dir.resolve("out").toString(),
        "--variants", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("SweepJob: --variants " + file + ": values[0] must list 3 values");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aTaskThatFailsOnce_isRetried_andTheRowsAreUnchanged() throws Exception {
    Path out = dir.resolve("out");
    FAULTS.set(0);
    TaskFault failFirstAttemptOfPartition2 = (partition, attempt) -> {
      if (partition == 2 && attempt == 0) {
        FAULTS.incrementAndGet();
        throw new IllegalStateException("injected failure of partition 2");
      }
    };
    SweepJob.run(spark, lhs, out.toString(), 5, failFirstAttemptOfPartition2);

    assertThat(FAULTS).hasValue(1);
    assertThat(ResultTable.read(out).rows()).isEqualTo(expected);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void aRerun_runsOnlyThePartitionsNotWritten_andGivesTheSameRows() throws Exception {
    Path out = dir.resolve("out");
    SweepJob.run(spark, lhs, out.toString(), 6, TaskFault.NONE);
    Files.delete(out.resolve("part-00001.parquet"));
    Files.delete(out.resolve("part-00004.parquet"));
    Files.delete(out.resolve("_SUCCESS"));

    SweepJob.Report again = SweepJob.run(spark, lhs, out.toString(), null, TaskFault.NONE);

    assertThat(again.partitions()).isEqualTo(6);
    assertThat(again.partitionsRun()).isEqualTo(2);
    assertThat(ResultTable.read(out).rows()).isEqualTo(expected);
    assertThat(out.resolve("_SUCCESS")).exists();
  }

  @Test
  void anotherSweep_isRefusedInAnOutputFolderOfThisOne() throws Exception {
    Path out = dir.resolve("out");
    SweepJob.run(spark, lhs, out.toString(), 2, TaskFault.NONE);
    SweepSource.Validated other = SweepJob.read(sweepFile("other.yaml"));

    assertThatThrownBy(() -> SweepJob.run(spark, other, out.toString(), null, TaskFault.NONE))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("holds the results of another sweep")
        .hasMessageContaining("lhs-300.yaml")
        .hasMessageContaining("give a new --out folder");
    assertThatThrownBy(() -> SweepJob.run(spark, lhs, out.toString(), 3, TaskFault.NONE))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("was written with 2 partitions; resume it with --partitions 2");
  }

  @Test
  void aFolderThatIsNotASweepsOutput_isRefused() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> SweepJob.run(spark, lhs, out.toString(), null, TaskFault.NONE))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("exists and is not a sweep's output");
    assertThat(out.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void theCommandLine_runsTheJob_andPrintsASummary() throws Exception {
    Path out = dir.resolve("out");
    Result result = command(sweepFile("lhs-300.yaml").toString(), "--out", out.toString(), "--partitions", "3");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("300 variants (latin-hypercube (300 points)) x 20 runs, 3 cells: 900 rows in 3"
        + " partitions (3 run now)");
    assertThat(ResultTable.read(out).rows()).isEqualTo(expected);
  }

  @Test
  void anInvalidSweepFile_failsOnTheDriver_withEveryProblem_andExit2() {
    Path out = dir.resolve("out");
    String file = sweepFile("invalid.yaml").toString();
    Result result = command(file, "--out", out.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().lines().toList()).first().isEqualTo("SweepJob: " + file + ": invalid sweep, 3 problems:");
    assertThat(result.err()).contains("lines[missiles]", "months_to_target_p55");
    assertThat(out).doesNotExist();
  }

  @Test
  void badArguments_areExplained_withExit2() {
    assertThat(command("x.yaml").err()).contains("SweepJob: --out DIR is missing", "usage: SweepJob SWEEP.yaml");
    assertThat(command("x.yaml", "--out", "o", "--partitions", "0").err())
        .contains("--partitions must be a whole number of at least 1, got 0");
    assertThat(command("x.yaml", "--out", "o", "--partitions", "0").code()).isEqualTo(2);
  }

  private record Result(int code, String out, String err) {}

  private static Result command(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SweepJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
