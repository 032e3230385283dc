package org.quartermaster.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quartermaster.engine.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm validate}: every problem of a scenario, or "valid". */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a scenario against the SM-1 rules without running it.",
      "Prints every problem (path, value, what is wrong) and exits 2, or prints 'valid' and exits 0."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file (YAML, format in docs/sm1-model.md).")
  Path scenarioFile;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioFiles.read(scenarioFile);
    spec.commandLine().getOut().printf("%s: valid (%d items, %d holders, %d lines, %d stocks, %d transfers, %d cells, %d months)%n",
        scenarioFile, scenario.items().size(), scenario.holders().size(), scenario.lines().size(),
        scenario.stocks().size(), scenario.transfers().size(), scenario.cells().size(), scenario.horizonMonths());
    return Main.OK;
  }
}
