package org.quartermaster.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.sweeps.SparkSubmission;
import picocli.CommandLine.Option;

/**
 * The options of the commands whose variants can run on Apache Spark ({@code qm sweep}, {@code qm
 * sensitivity}, {@code qm optimise}): the master, the job's jar, the partitions; and what is checked before Spark starts.
 * {@link Main} gives it the environment ($SPARK_HOME, $QM_SPARK_JAR).
 */
final class SparkOptions {
  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Run the variants on Apache Spark instead: local[2], spark://host:7077, yarn, k8s://..."
          + " (default: none, run here). Needs $SPARK_HOME (docs/spark.md).")
  String master;

  @Option(names = "--spark-jar", paramLabel = "JAR",
      description = "quartermaster-spark.jar for --spark (default: $QM_SPARK_JAR, else beside the qm jar, else"
          + " spark/target/ of this build).")
  Path jar;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Partitions of the variants for --spark (default: two per core Spark offers, more for big"
          + " sweeps). Never changes the result.")
  Integer partitions;

  /** The environment ($SPARK_HOME, $QM_SPARK_JAR); tests replace it. */
  Map<String, String> environment = System.getenv();

  boolean on() {
    return master != null;
  }

  /** Refuses the Spark options that mean nothing without {@code --spark}. */
  void refuseWithoutSpark(String task) {
    if (master == null && (partitions != null || jar != null)) {
      throw new BadInputException((partitions != null ? "--partitions" : "--spark-jar") + " is for --spark MASTER;"
          + " without --spark the " + task + " runs here");
    }
  }

  /**
   * Checks what {@code --spark} needs before Spark is started: no {@code --threads} (the master gives the
   * cores), a Spark installation, the job's jar, partitions of at least 1.
   *
   * @param task what runs here without --spark, for the message ("sweep", "sensitivity analysis", "optimisation")
   */
  SparkSubmission.Target target(VariantRunOptions run, String task) {
    if (run.threads != null) {
      throw new BadInputException("--threads is for " + (task.startsWith("o") ? "an " : "a ") + task
          + " here; on Spark the master gives the cores"
          + " (local[K], --total-executor-cores, --num-executors)");
    }
    String home = environment.get("SPARK_HOME");
    if (home == null || home.isBlank()) {
      throw new BadInputException(List.of("--spark needs a Spark installation: set SPARK_HOME to its folder"
          + " (the one holding bin/spark-submit; Spark 4.x for Scala 2.13)", "or run without --spark to run here"));
    }
    Path sparkHome = Path.of(home);
    if (!Files.isExecutable(sparkHome.resolve("bin").resolve("spark-submit"))) {
      throw new BadInputException("SPARK_HOME " + sparkHome + " has no bin/spark-submit; set it to a Spark"
          + " installation's folder");
    }
    Path found = SparkSubmission.findJar(jar, environment).orElseThrow(() -> new BadInputException(
        "cannot find " + SparkSubmission.JAR_NAME + ": build it (mvn -B -ntp -DskipTests package), or name it with"
            + " --spark-jar JAR or $QM_SPARK_JAR"));
    if (!Files.isRegularFile(found)) {
      throw new BadInputException("--spark-jar " + found + ": no such file");
    }
    if (partitions != null && partitions < 1) {
      throw new BadInputException("--partitions must be at least 1, got " + partitions);
    }
    return new SparkSubmission.Target(sparkHome, master, found, partitions);
  }

  /**
   * Refuses a file whose base is in this machine's store, which Spark's driver cannot read.
   *
   * @param baseLabel the base as the file gives it: its file, or {@code saved scenario ID}
   */
  static void requireBaseFile(String baseLabel, Path file) {
    if (baseLabel.startsWith("saved scenario ")) {
      throw new BadInputException(file + ": --spark needs base: FILE; a saved scenario (" + baseLabel
          + ") is in this machine's store, which Spark's driver cannot read; write its YAML to a file and give"
          + " base: FILE");
    }
  }
}
