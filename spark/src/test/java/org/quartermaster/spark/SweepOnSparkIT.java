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
