package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
      description = "Where to write the results; written whole or not at all; with --spark, a folder of Parquet"
          + " files (default: none, required).")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "parquet or csv (default: parquet, or csv when FILE ends in .csv).")
  String format;

  @Mixin VariantRunOptions run;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    if (spark.on()) {
      return onSpark();
    }
    spark.refuseWithoutSpark("sweep");
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
    if (format != null && !format.equalsIgnoreCase("parquet")) {
      throw new BadInputException("--spark writes Parquet only (a folder of part files), not " + format);
    }
    SparkSubmission.Target target = spark.target(run, "sweep");
    SparkOptions.requireBaseFile(read().baseLabel(), sweepFile);
    int code = SparkSubmission.run(target.command(sweepFile, out, List.of()), spec.commandLine().getOut(),
        spec.commandLine().getErr());
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
