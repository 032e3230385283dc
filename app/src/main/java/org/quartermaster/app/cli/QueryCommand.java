package org.quartermaster.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code qm query}: the store's data, with units, vintages and sources. Its subcommands (in
 * {@link Commands}) do the work.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Query the store: defence spending against a guideline, aid, deliveries,",
      "production, contracts, the imported datasets, or any read-only SQL.",
      "Every result says which vintage(s) and sources it used."
    })
final class QueryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
