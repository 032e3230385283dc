package org.quartermaster.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.build.BuildException;
import org.quartermaster.app.munitions.build.BuildRequest;
import org.quartermaster.app.munitions.build.BuiltScenario;
import org.quartermaster.app.munitions.build.ScenarioBuild;
import org.quartermaster.app.scenarios.SavedScenarios;
import org.quartermaster.app.scenarios.ScenarioExistsException;
import org.quartermaster.app.scenarios.ScenarioIds;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm scenario build ITEM}: an SM-1 scenario for a munition from the store's figures. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Build an SM-1 scenario for a munition from the store: a production line per producer country from its",
      "rate history and targets (the ramp, and its announced slips as the delay), shared by the holders' orders;",
      "the transfers between holders inside the horizon; stocks, targets and demand as labelled assumptions",
      "(no stockpile level is public). Every number carries its source (rows d<dataset>:r<row>) or the word",
      "ASSUMPTION. Prints which inputs are assumptions. qm simulate and qm validate take the file as it is."
    })
final class ScenarioBuildCommand extends StoreCommand {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ITEM",
      description = "A munition id or any of its names: stinger, javelin, shell-155 (qm items lists them).")
  String item;

  @Option(names = "--holders", paramLabel = "H,H", split = ",",
      description = "The holders: ISO 3166 alpha-3 codes (USA,UKR) or a pool (NSPA, NATO, EU) (default: none; required).")
  List<String> holders = new ArrayList<>();

  @Option(names = "--start", paramLabel = "YYYY-MM", description = "The calendar month of t = 0 (default: none; required).")
  String start;

  @Option(names = "--horizon", paramLabel = "N",
      description = "Months simulated, 1 to " + ScenarioBuild.MAX_HORIZON + " (default: none; required).")
  Integer horizon;

  @Option(names = "--rate-basis", paramLabel = "BASIS", defaultValue = "actual",
      description = "Which rate the lines start from: actual (rows of kind actual and estimate), capacity or target"
          + " (default: ${DEFAULT-VALUE}).")
  String rateBasis;

  @Option(names = "--assume", paramLabel = "PATH=VALUE",
      description = "Set a number of the scenario, labelled ASSUMPTION (set by --assume): stocks[USA/stinger].initial=2000,"
          + " stocks[USA/stinger].target=2500, stocks[UKR/stinger].demand[0].per_month=40,"
          + " lines[usa-stinger].surge_per_month=10 … Repeatable; an unknown path lists the valid ones (default: none).")
  List<String> assume = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE.yaml",
      description = "Write the scenario to this file, whole or not at all, and the summary to stdout (default: the"
          + " scenario to stdout, the summary to stderr).")
  Path out;

  @Option(names = "--save", paramLabel = "ID",
      description = "Also save it in the store under this id (" + ScenarioIds.RULE + "), beside the scenarios saved"
          + " from the dashboard, for qm scenario rebuild ID (default: not saved).")
  String save;

  @Override
  public Integer call() throws IOException {
    BuildRequest request = new BuildRequest(item, holders, start, horizon, rateBasis, assumptions(assume));
    checkBeforeBuilding();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Store store = save != null ? openStore() : openStoreToRead()) {
      SavedScenarios saved = new SavedScenarios(store);
      if (save != null && saved.find(save).isPresent()) {
        throw existing(save);
      }
      BuiltScenario built;
      try {
        built = ScenarioBuild.build(store, Catalogue.of(store), Countries.standard(), request);
      } catch (BuildException e) {
        throw ScenarioCommand.refusal(e);
      }
      print(built.yaml(), BuildSummary.of(built), stdout, err);
      if (save != null) {
        try {
          saved.create(save, built.name(), built.yaml());
        } catch (ScenarioExistsException e) {
          throw existing(save);
        }
        printSaved(stdout, err);
      }
    }
    return Main.OK;
  }

  /** What is checked before the build, with or without a server: the --save id, the --out folder. */
  void checkBeforeBuilding() {
    assumptions(assume);
    if (save != null && !ScenarioIds.isValid(save)) {
      throw new BadInputException("--save " + save + ": an id must match " + ScenarioIds.RULE
          + " (lowercase letters, digits and hyphens)");
    }
    if (save != null && isExample(save)) {
      throw new BadInputException("--save " + save + ": '" + save + "' is the id of a bundled example; choose another id");
    }
    if (out != null) {
      ResultFiles.checkWritable(out);
    }
  }

  static BadInputException existing(String id) {
    return new BadInputException("--save " + id + ": a saved scenario '" + id + "' exists already; choose"
        + " another id, or rebuild it with qm scenario rebuild " + id + " --save");
  }

  /** The scenario to --out (whole or not at all) or stdout, and its summary to stdout or stderr. */
  void print(String yaml, BuildSummary summary, PrintWriter stdout, PrintWriter err) {
    if (out != null) {
      try {
        ResultFiles.write(yaml, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ScenarioCommand.summary(summary, "wrote " + out, stdout);
    } else {
      stdout.print(yaml);
      stdout.flush();
      ScenarioCommand.summary(summary, "built", err);
    }
  }

  void printSaved(PrintWriter stdout, PrintWriter err) {
    PrintWriter to = out != null ? stdout : err;
    to.println("saved as scenario '" + save + "' (qm scenario rebuild " + save + " rebuilds it from newer data)");
    to.flush();
  }

  /** Whether {@code id} is a bundled example's (examples/*.yaml, in the jar where the API reads them). */
  static boolean isExample(String id) {
    return ScenarioBuildCommand.class.getClassLoader().getResource("org/quartermaster/app/examples/" + id + ".yaml")
        != null;
  }

  /** {@code PATH=VALUE} options, in the order given; a later one for the same path wins. */
  static Map<String, String> assumptions(List<String> given) {
    Map<String, String> byPath = new LinkedHashMap<>();
    for (String a : given) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new BadInputException("--assume " + a + ": expected PATH=VALUE, e.g. stocks[USA/stinger].initial=2000");
      }
      byPath.put(a.substring(0, eq).strip(), a.substring(eq + 1).strip());
    }
    return byPath;
  }
}
