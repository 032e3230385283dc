package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quartermaster.app.scenarios.SavedScenario;
import org.quartermaster.app.scenarios.SavedScenarios;
import org.quartermaster.app.sweeps.SparkSubmission;
import org.quartermaster.app.store.Store;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.sweep.SavedScenarioSource;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepProgress;
import org.quartermaster.engine.sweep.SweepReader;
import org.quartermaster.engine.sweep.SweepRow;
import org.quartermaster.engine.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm sweep}: run every variant of a sweep file with common random numbers, one row per variant × cell. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run SM-1 on every variant of a sweep file (docs/analysis.md): a base scenario,",
      "parameters addressed by path, a design (grid, latin-hypercube, sobol).",
      "Run i of every variant uses the same random stream, so differences between",
      "variants are not noise. Writes one row per variant x cell with the parameter",
      "values and the metrics (Parquet or CSV); a progress bar over variants on",
      "stderr, a summary line on stdout."
    })
final class SweepCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file (YAML, docs/analysis.md).")
  Path sweepFile;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "Where to write the results; written whole or not at all (default: none, required).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "parquet or csv (default: parquet, or csv when FILE ends in .csv).")
  String format;

  @Mixin VariantRunOptions run;

  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Run on Apache Spark instead: local[2], spark://host:7077, yarn, k8s://... (default: none, run"
          + " here). Needs $SPARK_HOME; --out is then a folder of Parquet files (docs/spark.md).")
  String sparkMaster;

  @Option(names = "--spark-jar", paramLabel = "JAR",
      description = "quartermaster-spark.jar for --spark (default: $QM_SPARK_JAR, else beside the qm jar, else"
          + " spark/target/ of this build).")
  Path sparkJar;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Partitions of the variants for --spark (default: two per core Spark offers, more for big"
          + " sweeps). Never changes the result.")
  Integer partitions;

  /** The environment ($SPARK_HOME, $QM_SPARK_JAR); tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws Exception {
    if (sparkMaster != null) {
      return onSpark();
    }
    if (partitions != null || sparkJar != null) {
      throw new BadInputException((partitions != null ? "--partitions" : "--spark-jar") + " is for --spark MASTER;"
          + " without --spark the sweep runs here");
    }
    SweepTables.Format chosen = format();
    ResultFiles.checkWritable(out);
    Sweep sweep = read();
    int workers = run.workers();
    long started = System.nanoTime();
    List<SweepRow> rows;
    try (Progress bar = run.progress(spec.commandLine().getErr(), sweep.variantCount(), "sweep")) {
      SweepProgress progress = bar::runsDone;
      rows = SweepRunner.run(sweep, workers, progress);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    SweepTables.write(sweep, rows, out, chosen);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(String.format(Locale.ROOT,
        "%s: %d variants (%s) x %d runs, %d cells: %d rows in %.1f s (%.1f variants/s); %s written to %s",
        sweep.source(), sweep.variantCount(), sweep.designLabel(), sweep.runs(), sweep.cellCount(), rows.size(),
        seconds, sweep.variantCount() / Math.max(seconds, 1e-9), chosen.name().toLowerCase(Locale.ROOT), out));
    return Main.OK;
  }

  /** Validates here (same messages, no Spark start-up for a bad file), then submits the job and waits for it. */
  private int onSpark() throws java.io.IOException {
    if (run.threads != null) {
      throw new BadInputException("--threads is for a sweep here; on Spark the master gives the cores (local[K],"
          + " --total-executor-cores, --num-executors)");
    }
    if (format != null && !format.equalsIgnoreCase("parquet")) {
      throw new BadInputException("--spark writes Parquet only (a folder of part files), not " + format);
    }
    String home = environment.get("SPARK_HOME");
    if (home == null || home.isBlank()) {
      throw new BadInputException(List.of("--spark needs a Spark installation: set SPARK_HOME to its folder"
          + " (the one holding bin/spark-submit; Spark 4.x for Scala 2.13)", "or run without --spark to sweep here"));
    }
    Path sparkHome = Path.of(home);
    if (!Files.isExecutable(sparkHome.resolve("bin").resolve("spark-submit"))) {
      throw new BadInputException("SPARK_HOME " + sparkHome + " has no bin/spark-submit; set it to a Spark"
          + " installation's folder");
    }
    Path jar = SparkSubmission.findJar(sparkJar, environment).orElseThrow(() -> new BadInputException(
        "cannot find " + SparkSubmission.JAR_NAME + ": build it (mvn -B -ntp -DskipTests package), or name it with"
            + " --spark-jar JAR or $QM_SPARK_JAR"));
    if (!Files.isRegularFile(jar)) {
      throw new BadInputException("--spark-jar " + jar + ": no such file");
    }
    if (partitions != null && partitions < 1) {
      throw new BadInputException("--partitions must be at least 1, got " + partitions);
    }
    Sweep sweep = read();
    if (sweep.baseLabel().startsWith("saved scenario ")) {
      throw new BadInputException(sweepFile + ": --spark needs base: FILE; a saved scenario (" + sweep.baseLabel()
          + ") is in this machine's store, which Spark's driver cannot read; write its YAML to a file and give"
          + " base: FILE");
    }
    List<String> command = SparkSubmission.command(sparkHome, sparkMaster, jar, sweepFile, out, partitions,
        SparkSubmission.quietLogging(sparkHome, jar));
    int code = SparkSubmission.run(command, spec.commandLine().getOut(), spec.commandLine().getErr());
    return switch (code) {
      case 0 -> Main.OK;
      case 2 -> Main.BAD_INPUT;
      default -> {
        spec.commandLine().getErr().println("qm: the Spark job failed (spark-submit exited with " + code
            + "); its messages are above");
        yield Main.INTERNAL_ERROR;
      }
    };
  }

  private SweepTables.Format format() {
    if (format == null) {
      return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
          ? SweepTables.Format.CSV : SweepTables.Format.PARQUET;
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "parquet" -> SweepTables.Format.PARQUET;
      case "csv" -> SweepTables.Format.CSV;
      default -> throw new BadInputException("--format must be parquet or csv, got " + format);
    };
  }

  private Sweep read() {
    return read(sweepFile, store);
  }

  /** Reads a sweep file (a saved base comes from the store); an invalid one is bad input listing every problem. */
  static Sweep read(Path sweepFile, StoreOption store) {
    SavedScenarioSource saved = id -> {
      try (Store opened = store.openToRead()) {
        return new SavedScenarios(opened).find(id).map(SavedScenario::yaml);
      }
    };
    try {
      return SweepReader.read(sweepFile, saved);
    } catch (InvalidScenarioException e) {
      throw invalid(e);
    }
  }

  /** An invalid sweep (its file, or variants built from it) as bad input: the file, then every problem. */
  static BadInputException invalid(InvalidScenarioException e) {
    int n = e.problems().size();
    List<String> lines = new java.util.ArrayList<>();
    lines.add(e.source() + ": invalid sweep, " + n + " problem" + (n == 1 ? "" : "s") + ":");
    for (Problem problem : e.problems()) {
      lines.add("  " + problem);
    }
    return new BadInputException(lines);
  }
}
