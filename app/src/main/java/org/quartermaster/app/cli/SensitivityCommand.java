package org.quartermaster.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quartermaster.app.analysis.SensitivityReport;
import org.quartermaster.app.analysis.SensitivityRequest;
import org.quartermaster.app.sweeps.SparkSubmission;
import org.quartermaster.app.sweeps.SparkVariantEvaluator;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.sensitivity.SensitivityOutput;
import org.quartermaster.engine.sensitivity.SensitivityResult;
import org.quartermaster.engine.sensitivity.UndefinedOutputException;
import org.quartermaster.engine.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm sensitivity}: which of a sweep file's parameters move one metric of one cell, and how much. */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description = {
      "Sensitivity of one metric of one cell to a sweep file's parameters (docs/analysis.md).",
      "tornado: each parameter at its low and high, the others as in the base scenario;",
      "sobol: first-order and total Sobol indices (Saltelli sampling) with bootstrap intervals;",
      "morris: elementary effects (mu*, sigma) for many parameters at low cost.",
      "Every variant uses the same random streams, so differences are the parameters' doing.",
      "The sweep file's design is not used: each method builds its own variants.",
      "With --spark MASTER the variants run on Apache Spark, with the same result (docs/spark.md)."
    })
final class SensitivityCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file (YAML, docs/analysis.md).")
  Path sweepFile;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "tornado",
      description = "tornado, sobol or morris (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--metric", paramLabel = "NAME",
      description = "The metric column to explain, e.g. expected_unmet_demand (default: the sweep's first).")
  String metric;

  @Option(names = "--cell", paramLabel = "HOLDER/ITEM",
      description = "The cell whose metric is explained, e.g. USA/shell-155 (default: the sweep's first cell).")
  String cell;

  @Option(names = "--n", paramLabel = "N",
      description = "sobol: base points, n x (parameters + 2) variants (default: "
          + SensitivityRequest.DEFAULT_SOBOL_N + "; powers of two are balanced); morris: trajectories, r x (parameters"
          + " + 1) variants (default: " + SensitivityRequest.DEFAULT_MORRIS_R
          + ").")
  Integer n;

  @Option(names = "--levels", paramLabel = "P", defaultValue = "4",
      description = "morris: grid levels per parameter, even (default: ${DEFAULT-VALUE}).")
  int levels;

  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
      description = "sobol: bootstrap resamples for the 95% intervals, seeded by the sweep's seed (default:"
          + " ${DEFAULT-VALUE}; 0 for none).")
  int bootstrap;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table, csv or json (default: table, or csv/json when --out ends in .csv/.json).")
  String format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the result to FILE, whole or not at all (default: stdout).")
  Path out;

  @Mixin VariantRunOptions run;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    SensitivityReport.Format chosen = format();
    SensitivityRequest request = new SensitivityRequest(method, metric, cell, n, levels, bootstrap);
    if (!request.problems().isEmpty()) {
      SensitivityRequest.Problem first = request.problems().get(0);
      throw new BadInputException("--" + first.option() + " " + first.message());
    }
    if (out != null) {
      ResultFiles.checkWritable(out);
    }
    spark.refuseWithoutSpark("sensitivity analysis");
    SparkSubmission.Target target = spark.on() ? spark.target(run, "sensitivity analysis") : null;
    Sweep sweep = SweepCommand.read(sweepFile, store);
    if (target != null) {
      SparkOptions.requireBaseFile(sweep.baseLabel(), sweepFile);
    }
    SensitivityOutput output;
    try {
      output = SensitivityOutput.of(sweep, metric, cell);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    long variants = request.variants(sweep.parameterColumns().size());
    SensitivityResult result;
    try {
      result = target != null ? onSpark(request, sweep, output, target) : here(request, sweep, output, variants);
    } catch (InvalidScenarioException e) {
      throw SweepCommand.invalid(e);
    } catch (IllegalArgumentException | UndefinedOutputException e) {
      throw new BadInputException(e.getMessage());
    } catch (SparkVariantEvaluator.JobFailedException e) {
      if (e.exitCode() == Main.BAD_INPUT) {
        throw new BadInputException(e.getMessage());
      }
      spec.commandLine().getErr().println("qm: " + e.getMessage());
      return Main.INTERNAL_ERROR;
    }
    String text = new SensitivityReport(sweep, result).render(chosen);
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      ResultFiles.write(text, out);
      spec.commandLine().getOut().println(request.methodName() + " of " + output.metric() + " for " + output.cell()
          + " (" + variants + " variants x " + sweep.runs() + " runs) written to " + out);
    }
    return Main.OK;
  }

  private SensitivityResult here(SensitivityRequest request, Sweep sweep, SensitivityOutput output, long variants) {
    int workers = run.workers();
    try (Progress bar = run.progress(spec.commandLine().getErr(), variants, "sensitivity")) {
      return request.run(sweep, output, workers, bar::runsDone);
    }
  }

  /** The variants on Spark; the job's messages go to stderr, standard output stays the result's. */
  private SensitivityResult onSpark(SensitivityRequest request, Sweep sweep, SensitivityOutput output,
      SparkSubmission.Target target) {
    return request.run(sweep, output, new SparkVariantEvaluator(target, sweepFile, spec.commandLine().getErr()));
  }

  private SensitivityReport.Format format() {
    String f = format;
    if (f == null) {
      String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
      f = name.endsWith(".csv") ? "csv" : name.endsWith(".json") ? "json" : "table";
    }
    return switch (f.toLowerCase(Locale.ROOT)) {
      case "table" -> SensitivityReport.Format.TABLE;
      case "csv" -> SensitivityReport.Format.CSV;
      case "json" -> SensitivityReport.Format.JSON;
      default -> throw new BadInputException("--format must be table, csv or json, got " + format);
    };
  }
}
