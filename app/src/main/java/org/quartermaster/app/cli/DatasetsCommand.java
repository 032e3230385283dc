package org.quartermaster.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code qm datasets}: the imported files (datasets) in the store, to list, inspect and remove. Its
 * subcommands (in {@link Commands}) do the work.
 */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = {
      "The datasets in the store (one per imported file, the bundled ones included):",
      "list them, show one with its first rows, or remove one with all its rows."
    })
final class DatasetsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The message for an id the store does not hold, naming where the ids are. */
  static BadInputException unknown(int datasetId) {
    return new BadInputException("no dataset " + datasetId + " in the store; qm datasets list lists them");
  }
}
