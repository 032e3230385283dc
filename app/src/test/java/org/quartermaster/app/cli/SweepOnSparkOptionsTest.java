package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.sweeps.SparkSubmission;

/**
 * {@code qm sweep --spark} and {@code qm sensitivity --spark}: what is checked before Spark is started. Runs on Spark itself are tested in
 * the spark module, which has Spark.
 */
class SweepOnSparkOptionsTest {
  private static final String SWEEP = "sweeps/155mm.yaml";

  @TempDir Path dir;

  private String[] sweep(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("sweep", CliRun.example(SWEEP).toString(), "--out",
        dir.resolve("out").toString(), "--no-progress"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void spark_withoutSparkHome_saysWhatToSet_withExit2() {
    CliRun run = CliRun.qm(Map.of(), sweep("--spark", "local[2]"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("qm: --spark needs a Spark installation: set SPARK_HOME");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void spark_withASparkHomeWithoutSparkSubmit_isRefused() {
    CliRun run = CliRun.qm(Map.of("SPARK_HOME", dir.toString()), sweep("--spark", "local[2]"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("SPARK_HOME " + dir + " has no bin/spark-submit");
  }

  @Test
  void spark_withCsv_isRefused() throws Exception {
    Path home = fakeSparkHome();
    CliRun run = CliRun.qm(Map.of("SPARK_HOME", home.toString()), sweep("--spark", "local[2]", "--format", "csv"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--spark writes Parquet only");
  }

  @Test
  void spark_withAMissingJar_namesTheOptions() throws Exception {
    Path home = fakeSparkHome();
    CliRun run = CliRun.qm(Map.of("SPARK_HOME", home.toString()), sweep("--spark", "local[2]", "--spark-jar",
        dir.resolve("nothing.jar").toString()));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--spark-jar " + dir.resolve("nothing.jar") + ": no such file");
  }

  @Test
  void spark_withThreads_isRefused_theMasterGivesTheCores() {
    CliRun run = CliRun.qm(Map.of(), sweep("--spark", "local[2]", "--threads", "2"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--threads is for a sweep here; on Spark the master gives the cores");
  }

  @Test
  void partitions_withoutSpark_isRefused() {
    CliRun run = CliRun.qm(sweep("--partitions", "4"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--partitions is for --spark MASTER");
  }

  @Test
  void command_isSparkSubmitOfTheJob_withTheSweepAndFolder() {
    Path home = Path.of("/opt/spark");
    List<String> command = SparkSubmission.command(home, "spark://head:7077", Path.of("q.jar"), Path.of("s.yaml"),
        Path.of("out"), 12, Optional.of("jar:file:/q.jar!/log4j2.properties"));

    assertThat(command).containsExactly("/opt/spark/bin/spark-submit", "--master", "spark://head:7077", "--class",
        "org.quartermaster.spark.SweepJob", "--driver-java-options",
        "-Dlog4j2.configurationFile=jar:file:/q.jar!/log4j2.properties", "q.jar", "s.yaml", "--out", "out",
        "--partitions", "12");
  }

  @Test
  void theJar_isTakenFromTheEnvironment_whenNotGiven() {
    assertThat(SparkSubmission.findJar(null, Map.of("QM_SPARK_JAR", "/x/q.jar"))).contains(Path.of("/x/q.jar"));
    assertThat(SparkSubmission.findJar(Path.of("given.jar"), Map.of("QM_SPARK_JAR", "/x/q.jar")))
        .contains(Path.of("given.jar"));
  }

  @Test
  void help_describesEverySparkOptionWithItsDefault() {
    CliRun run = CliRun.qm("sweep", "--help");
    assertThat(run.out()).contains("--spark=MASTER", "--spark-jar=JAR", "--partitions=N");
    CliRun.assertEveryOptionShownWithDefault(run.out(), "sweep");
  }

  private static String[] sensitivity(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("sensitivity", CliRun.example(SWEEP).toString(),
        "--no-progress"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void sensitivity_spark_withoutSparkHome_saysWhatToSet_withExit2_andPrintsNoResult() {
    CliRun run = CliRun.qm(Map.of(), sensitivity("--spark", "local[2]"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("qm: --spark needs a Spark installation: set SPARK_HOME");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void sensitivity_spark_withThreads_isRefused_theMasterGivesTheCores() {
    CliRun run = CliRun.qm(Map.of(), sensitivity("--spark", "local[2]", "--threads", "2"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--threads is for a sensitivity analysis here; on Spark the master gives the"
        + " cores");
  }

  @Test
  void sensitivity_sparkOptionsWithoutSpark_areRefused() {
    CliRun partitions = CliRun.qm(sensitivity("--partitions", "4"));
    CliRun jar = CliRun.qm(sensitivity("--spark-jar", "q.jar"));

    assertThat(partitions.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(partitions.err()).contains("--partitions is for --spark MASTER; without --spark the sensitivity"
        + " analysis runs here");
    assertThat(jar.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(jar.err()).contains("--spark-jar is for --spark MASTER");
  }

  @Test
  void sensitivity_spark_withZeroPartitions_isRefused() throws Exception {
    Path home = fakeSparkHome();
    Path jar = Files.writeString(dir.resolve("q.jar"), "");
    CliRun run = CliRun.qm(Map.of("SPARK_HOME", home.toString()), sensitivity("--spark", "local[2]", "--spark-jar",
        jar.toString(), "--partitions", "0"));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--partitions must be at least 1, got 0");
  }

  @Test
  void sensitivity_spark_whenTheJobFails_exits1_namingSparkSubmitsStatus() throws Exception {
    Path home = fakeSparkHome();
    Path jar = Files.writeString(dir.resolve("q.jar"), "");
    CliRun run = CliRun.qm(Map.of("SPARK_HOME", home.toString()), sensitivity("--spark", "local[2]", "--spark-jar",
        jar.toString()));

    assertThat(run.exitCode()).isEqualTo(Main.INTERNAL_ERROR);
    assertThat(run.err()).contains("the Spark job failed (spark-submit exited with 99)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void sensitivityHelp_describesEverySparkOptionWithItsDefault() {
    CliRun run = CliRun.qm("sensitivity", "--help");
    assertThat(run.out()).contains("--spark=MASTER", "--spark-jar=JAR", "--partitions=N");
    CliRun.assertEveryOptionShownWithDefault(run.out(), "sensitivity");
  }

  private static String[] optimise(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("optimise", CliRun.example("optimise/155mm.yaml").toString(),
        "--no-progress"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void optimise_sparkOptions_areCheckedAsForASweep() {
    CliRun noHome = CliRun.qm(Map.of(), optimise("--spark", "local[2]"));
    CliRun threads = CliRun.qm(Map.of(), optimise("--spark", "local[2]", "--threads", "2"));
    CliRun partitions = CliRun.qm(optimise("--partitions", "4"));

    assertThat(noHome.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(noHome.err()).contains("qm: --spark needs a Spark installation: set SPARK_HOME");
    assertThat(noHome.out()).isEmpty();
    assertThat(threads.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(threads.err()).contains("--threads is for an optimisation here");
    assertThat(partitions.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(partitions.err()).contains("--partitions is for --spark MASTER; without --spark the optimisation"
        + " runs here");
  }

  @Test
  void optimise_spark_whenTheJobFails_exits1_andPrintsNoReport() throws Exception {
    Path home = fakeSparkHome();
    Path jar = Files.writeString(dir.resolve("q.jar"), "");
    CliRun run = CliRun.qm(Map.of("SPARK_HOME", home.toString()), optimise("--spark", "local[2]", "--spark-jar",
        jar.toString()));

    assertThat(run.exitCode()).isEqualTo(Main.INTERNAL_ERROR);
    assertThat(run.err()).contains("the Spark job failed (spark-submit exited with 99)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void optimiseHelp_describesEverySparkOptionWithItsDefault() {
    CliRun run = CliRun.qm("optimise", "--help");
    assertThat(run.out()).contains("--spark=MASTER", "--spark-jar=JAR", "--partitions=N");
    CliRun.assertEveryOptionShownWithDefault(run.out(), "optimise");
  }

  private Path fakeSparkHome() throws Exception {
    Path home = dir.resolve("spark-home");
    Path submit = Files.createDirectories(home.resolve("bin")).resolve("spark-submit");
    Files.writeString(submit, "#!/bin/sh\nexit 99\n");
    submit.toFile().setExecutable(true);
    return home;
  }
}
