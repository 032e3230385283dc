package org.quartermaster.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quartermaster.app.analysis.OptimiseTables;
import org.quartermaster.app.scenarios.SavedScenario;
import org.quartermaster.app.scenarios.SavedScenarios;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.sweeps.SparkPortfolioEvaluations;
import org.quartermaster.app.sweeps.SparkSubmission;
import org.quartermaster.app.sweeps.SparkVariantEvaluator;
import org.quartermaster.engine.optimise.Optimisation;
import org.quartermaster.engine.optimise.OptimisationReader;
import org.quartermaster.engine.optimise.OptimisationReport;
import org.quartermaster.engine.optimise.Optimiser;
import org.quartermaster.engine.optimise.PortfolioProgress;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.sweep.SavedScenarioSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm optimise}: the best portfolio of investment options within a budget, and the efficient frontier. */
@Command(
    name = "optimise",
    mixinStandardHelpOptions = true,
    description = {
      "Choose the portfolio of investment options (second shifts, new lines, delivery",
      "contracts) that best meets an objective within a budget, at most one option per",
      "group (docs/analysis.md, \"Optimisation\"). Every portfolio runs SM-1 with the",
      "same random streams, so differences are not noise. Prints the chosen portfolio,",
      "its difference to the runner-up with a paired 95% interval, and the best",
      "portfolio per budget level (the efficient frontier).",
      "With --spark MASTER the portfolios run on Apache Spark, with the same report (docs/spark.md)."
    })
final class OptimiseCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(index = "0", paramLabel = "OPTIONS.yaml",
      description = "The optimisation file (YAML, docs/analysis.md \"Optimisation\").")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "table (options, choice, frontier), csv (the frontier) or json (the whole report)"
          + " (default: table).")
  String format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the report to FILE, whole or not at all, instead of standard output (default: none).")
  Path out;

  @Mixin VariantRunOptions run;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    spark.refuseWithoutSpark("optimisation");
    SparkSubmission.Target target = spark.on() ? spark.target(run, "optimisation") : null;
    int workers = target != null ? 1 : run.workers();
    OptimiseTables.Format chosen = format();
    if (out != null) {
      ResultFiles.checkWritable(out);
    }
    Optimisation optimisation = read();
    OptimisationReport report;
    if (target != null) {
      SparkOptions.requireBaseFile(optimisation.baseLabel(), file);
      try {
        report = Optimiser.run(optimisation, new SparkPortfolioEvaluations(target, file,
            spec.commandLine().getErr()), PortfolioProgress.NONE);
      } catch (SparkVariantEvaluator.JobFailedException e) {
        if (e.exitCode() == Main.BAD_INPUT) {
          throw new BadInputException(e.getMessage());
        }
        spec.commandLine().getErr().println("qm: " + e.getMessage());
        return Main.INTERNAL_ERROR;
      }
    } else {
      long feasible = Optimiser.feasiblePortfolios(optimisation);
      try (Progress bar = run.progress(spec.commandLine().getErr(), feasible, "optimise", "portfolios")) {
        // Branch and bound may also simulate the relaxed portfolios it bounds with: never past the end.
        report = Optimiser.run(optimisation, workers, (simulated, total) ->
            bar.runsDone(Math.min(simulated, total), total));
      }
    }
    String text = OptimiseTables.render(report, chosen);
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      ResultFiles.write(text, out);
      spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s: chose %s; %s written to %s",
          optimisation.source(), report.chosen().optionIds().isEmpty() ? "no option"
              : String.join(" + ", report.chosen().optionIds()), chosen.name().toLowerCase(Locale.ROOT), out));
    }
    return Main.OK;
  }

  private OptimiseTables.Format format() {
    if (format == null) {
      return OptimiseTables.Format.TABLE;
    }
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "table" -> OptimiseTables.Format.TABLE;
      case "csv" -> OptimiseTables.Format.CSV;
      case "json" -> OptimiseTables.Format.JSON;
      default -> throw new BadInputException("--format must be table, csv or json, got " + format);
    };
  }

  private Optimisation read() {
    SavedScenarioSource saved = id -> {
      try (Store opened = store.openToRead()) {
        return new SavedScenarios(opened).find(id).map(SavedScenario::yaml);
      }
    };
    try {
      return OptimisationReader.read(file, saved);
    } catch (InvalidScenarioException e) {
      int n = e.problems().size();
      List<String> lines = new ArrayList<>();
      lines.add(e.source() + ": invalid optimisation, " + n + " problem" + (n == 1 ? "" : "s") + ":");
      for (Problem problem : e.problems()) {
        lines.add("  " + problem);
      }
      throw new BadInputException(lines);
    }
  }
}
