package org.quartermaster.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qm sweep --spark local[2]} end to end: the qm jar (app/target/quartermaster.jar, which the root
 * build packages before this module), spark-submit of the built quartermaster-spark.jar in a minimal Spark
 * installation ($SPARK_HOME = target/spark-home, set by the build: Spark's jars and the bin/spark-submit
 * written here), compared with {@code qm sweep} on this machine.
 */
class SweepOnSparkIT {
  private static Path sparkHome;

  @TempDir Path dir;

  @BeforeAll
  static void sparkSubmit() throws Exception {
    sparkHome = Path.of(System.getenv("SPARK_HOME"));
    assertThat(sparkHome.resolve("jars")).isDirectory();
    // Spark's launcher takes $SPARK_HOME/jars when RELEASE is there (else it looks for a source build)
    Files.writeString(sparkHome.resolve("RELEASE"), "Spark's jars for the tests of quartermaster-spark\n");
    Path submit = Files.createDirectories(sparkHome.resolve("bin")).resolve("spark-submit");
    Files.writeString(submit, """
        #!/usr/bin/env bash
        # The least of Spark's bin/spark-submit: like bin/spark-class, it asks Spark's launcher for the
        # java command (driver options, module flags) and runs it. The launcher prints its messages, a NUL,
        # then the command's arguments, each ended by a NUL; the exit status follows.
        export SPARK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
        export SPARK_SCALA_VERSION=2.13
        command=()
        delimiter=$'\\n'
        started=false
        while IFS= read -d "$delimiter" -r arg; do
          if [ "$started" = true ]; then
            command+=("$arg")
          elif [ "$arg" = $'\\0' ]; then
            delimiter=''
            started=true
          elif [ -n "$arg" ]; then
            echo "$arg"
          fi
        done < <("%s" -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit "$@"
                 printf '%%d\\0' $?)
        last=$((${#command[@]} - 1))
        [ "${command[$last]}" = 0 ] || exit "${command[$last]}"
        exec "${command[@]:0:$last}"
        """.formatted(Path.of(System.getProperty("java.home"), "bin", "java")));
    assertThat(submit.toFile().setExecutable(true)).isTrue();
  }

  private record Run(int code, String out, String err) {}

  /** {@code java -jar quartermaster.jar ARGS}, as bin/qm runs it, with this JVM's environment. */
  private Run qm(String... args) throws Exception {
    Path jar = Path.of(System.getProperty("qm.jar"));
    assertThat(jar).as("the qm jar; build it first: mvn -B -ntp -DskipTests -pl engine,app package").isRegularFile();
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "qm", ".out");
    Path err = Files.createTempFile(dir, "qm", ".err");
    int code = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
    return new Run(code, Files.readString(out), Files.readString(err));
  }

  @Test
  void qmSweepOnSpark_writesTheRowsOfQmSweepHere_toTheLastBit() throws Exception {
    String sweep = SweepJobTest.sweepFile("lhs-300.yaml").toString();
    Path here = dir.resolve("here.parquet");
    Path onSpark = dir.resolve("on-spark");

    Run local = qm("sweep", sweep, "--out", here.toString(), "--no-progress");
    Run spark = qm("sweep", sweep, "--out", onSpark.toString(), "--spark", "local[2]", "--partitions", "3");

    assertThat(local.code()).as(local.err()).isZero();
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.out()).contains("900 rows in 3 partitions (3 run now)", "parquet written to " + onSpark);
    ResultTable expected = ResultTable.read(here);
    ResultTable actual = ResultTable.read(onSpark);
    assertThat(actual.columns()).isEqualTo(expected.columns());
    assertThat(actual.rows()).hasSize(900).isEqualTo(expected.rows());

    // another number of partitions: the same rows
    Path onePartition = dir.resolve("one-partition");
    Run again = qm("sweep", sweep, "--out", onePartition.toString(), "--spark", "local[2]", "--partitions", "1");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("900 rows in 1 partitions (1 run now)");
    assertThat(ResultTable.read(onePartition).rows()).isEqualTo(expected.rows());

    // qm import of the folder stores the sweep qm sweep's file gives
    String store = dir.resolve("store.duckdb").toString();
    Run importHere = qm("import", here.toString(), "--db", store, "--create");
    Run importSpark = qm("import", onSpark.toString(), "--db", store);
    assertThat(importHere.code()).as(importHere.err()).isZero();
    assertThat(importSpark.code()).as(importSpark.err()).isZero();
    assertThat(importSpark.out()).contains("900 rows added to sweeps");
    Run sweeps = qm("query", "sweeps", "--db", store, "--format", "csv");
    assertThat(sweeps.code()).as(sweeps.err()).isZero();
    List<List<String>> records = sweeps.out().lines().skip(1).filter(l -> !l.isBlank())
        .map(l -> List.of(l.split(",", -1))).toList();
    assertThat(records).hasSize(2);
    // all but sweep_id, file and imported_at
    assertThat(records.get(1).subList(2, records.get(1).size() - 1))
        .isEqualTo(records.get(0).subList(2, records.get(0).size() - 1));
    List<String> storedHere = rowsOf(qm("query", "sweeps", "--db", store, "--id", records.get(0).get(0), "--format",
        "csv"));
    assertThat(storedHere).hasSize(901);
    assertThat(rowsOf(qm("query", "sweeps", "--db", store, "--id", records.get(1).get(0), "--format", "csv")))
        .isEqualTo(storedHere);
  }

  /** The rows block of {@code qm query sweeps --id ID --format csv}: after the record and an empty line. */
  private static List<String> rowsOf(Run run) {
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    return lines.subList(lines.indexOf("") + 1, lines.size());
  }

  @Test
  void qmSensitivityOnSpark_givesTheResultOfQmSensitivityHere() throws Exception {
    String sweep = SweepJobTest.sweepFile("lhs-300.yaml").toString();
    List<String> tornado = List.of("sensitivity", sweep, "--metric", "expected_unmet_demand", "--cell", "USA/shell",
        "--format", "json");
    List<String> morris = List.of("sensitivity", sweep, "--method", "morris", "--n", "6", "--metric",
        "reached_by_month_20", "--cell", "UKR/shell", "--format", "csv");

    for (List<String> analysis : List.of(tornado, morris)) {
      Run local = qm(concat(analysis, "--no-progress"));
      Run spark = qm(concat(analysis, "--spark", "local[2]", "--partitions", "3"));

      assertThat(local.code()).as(local.err()).isZero();
      assertThat(spark.code()).as(spark.err()).isZero();
      assertThat(local.out()).isNotBlank();
      assertThat(spark.out()).as("stdout is the result's alone; the job's summary goes to stderr")
          .isEqualTo(local.out());
      assertThat(spark.err()).contains("variants (" + (analysis == tornado ? "tornado (7 variants)" : "morris (r = 6"));
    }
  }

  @Test
  void qmOptimiseOnSpark_givesTheReportOfQmOptimiseHere() throws Exception {
    List<String> optimise = List.of("optimise", SweepJobTest.sweepFile("optimise.yaml").toString(), "--format", "json");

    Run local = qm(concat(optimise, "--no-progress"));
    Run spark = qm(concat(optimise, "--spark", "local[2]", "--partitions", "3"));

    assertThat(local.code()).as(local.err()).isZero();
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(local.out()).isNotBlank();
    assertThat(spark.out()).isEqualTo(local.out());
    assertThat(spark.err()).contains("7 portfolios simulated");
  }

  private static String[] concat(List<String> args, String... more) {
    List<String> all = new java.util.ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void qmSweepOnSpark_intoTheFolderOfAnotherSweep_isRefusedByTheJob_withExit2() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve(OutputFolder.MANIFEST), """
        {"format": "quartermaster-spark-sweep/1", "sweep_file": "earlier.yaml", "sweep_sha256": "0123abcd",
         "variants": 3, "partitions": 1, "cells": 3, "runs": 10, "seed": 1, "columns": []}
        """);

    Run run = qm("sweep", SweepJobTest.sweepFile("other.yaml").toString(), "--out", out.toString(), "--spark",
        "local[1]");

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("SweepJob: --out", "holds the results of another sweep (earlier.yaml");
    try (var files = Files.list(out)) {
      assertThat(files).containsExactly(out.resolve(OutputFolder.MANIFEST));
    }
  }

  @Test
  void anInvalidSweepFile_givesTheMessagesOfQmSweep_andExit2_fromSparkSubmit() throws Exception {
    String sweep = SweepJobTest.sweepFile("invalid.yaml").toString();
    Run local = qm("sweep", sweep, "--out", dir.resolve("x.parquet").toString());
    Process submit = new ProcessBuilder(sparkHome.resolve("bin/spark-submit").toString(), "--master", "local[1]",
        "--class", "org.quartermaster.spark.SweepJob", System.getenv("QM_SPARK_JAR"), sweep, "--out",
        dir.resolve("out").toString()).redirectErrorStream(true).start();
    String output = new String(submit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(submit.waitFor()).as(output).isEqualTo(2);
    assertThat(local.code()).isEqualTo(2);
    List<String> job = output.lines().filter(l -> l.startsWith("SweepJob: ")).map(l -> l.substring(10)).toList();
    List<String> qm = local.err().lines().filter(l -> l.startsWith("qm: ")).map(l -> l.substring(4)).toList();
    assertThat(job).hasSize(4).isEqualTo(qm);
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
