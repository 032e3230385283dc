package org.quartermaster.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.sensitivity.MorrisDesign;
import org.quartermaster.engine.sensitivity.SaltelliSample;
import org.quartermaster.engine.sensitivity.SensitivityOutput;
import org.quartermaster.engine.sensitivity.SensitivityResult;
import org.quartermaster.engine.sensitivity.SensitivityRunner;
import org.quartermaster.engine.sensitivity.UndefinedOutputException;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepProgress;
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
      "The sweep file's design is not used: each method builds its own variants."
    })
final class SensitivityCommand implements Callable<Integer> {
  /** Sobol base points and Morris trajectories when --n is not given. */
  static final int DEFAULT_SOBOL_N = 256;
  static final int DEFAULT_MORRIS_R = 10;

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
      description = "sobol: base points, n x (parameters + 2) variants (default: " + DEFAULT_SOBOL_N + "; powers of"
          + " two are balanced); morris: trajectories, r x (parameters + 1) variants (default: " + DEFAULT_MORRIS_R
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

  @Override
  public Integer call() throws Exception {
    SensitivityReport.Format chosen = format();
    String m = method.toLowerCase(Locale.ROOT);
    checkOptions(m);
    if (out != null) {
      ResultFiles.checkWritable(out);
    }
    Sweep sweep = SweepCommand.read(sweepFile, store);
    SensitivityOutput output;
    try {
      output = SensitivityOutput.of(sweep, metric, cell);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    int k = sweep.parameterColumns().size();
    int workers = run.workers();
    long variants = switch (m) {
      case "sobol" -> SaltelliSample.evaluations(k, n());
      case "morris" -> MorrisDesign.evaluations(k, n());
      default -> 1 + 2L * k;
    };
    SensitivityResult result;
    try (Progress bar = run.progress(spec.commandLine().getErr(), variants, "sensitivity")) {
      SweepProgress progress = bar::runsDone;
      result = switch (m) {
        case "sobol" -> SensitivityRunner.sobol(sweep, output, n(), bootstrap, workers, progress);
        case "morris" -> SensitivityRunner.morris(sweep, output, n(), levels, workers, progress);
        default -> SensitivityRunner.tornado(sweep, output, workers, progress);
      };
    } catch (InvalidScenarioException e) {
      throw SweepCommand.invalid(e);
    } catch (IllegalArgumentException | UndefinedOutputException e) {
      throw new BadInputException(e.getMessage());
    }
    String text = new SensitivityReport(sweep, result).render(chosen);
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      ResultFiles.write(text, out);
      spec.commandLine().getOut().println(m + " of " + output.metric() + " for " + output.cell() + " ("
          + variants + " variants x " + sweep.runs() + " runs) written to " + out);
    }
    return Main.OK;
  }

  private int n() {
    return n != null ? n : method.equalsIgnoreCase("sobol") ? DEFAULT_SOBOL_N : DEFAULT_MORRIS_R;
  }

  private void checkOptions(String m) {
    if (!m.equals("tornado") && !m.equals("sobol") && !m.equals("morris")) {
      throw new BadInputException("--method must be tornado, sobol or morris, got " + method);
    }
    if (n != null && m.equals("tornado")) {
      throw new BadInputException("--n applies to sobol (base points) and morris (trajectories), not to tornado");
    }
    if (n != null && n < 2) {
      throw new BadInputException("--n must be at least 2, got " + n);
    }
    if (levels < 2 || levels % 2 != 0) {
      throw new BadInputException("--levels must be even and at least 2 (e.g. 4), got " + levels);
    }
    if (bootstrap < 0 || bootstrap > 100_000) {
      throw new BadInputException("--bootstrap must be in 0..100000, got " + bootstrap);
    }
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
