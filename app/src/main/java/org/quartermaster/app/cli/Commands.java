package org.quartermaster.app.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * qm's command tree, registered with picocli as a command line needs it. picocli reads every registered
 * command's annotations when it builds the tree, and its own classes cannot go into the JVM's
 * ahead-of-time cache (they are Java 5 class files), so building the whole tree costs every {@code qm}
 * process about a tenth of a second more than building the one branch it runs: a command line that
 * names exactly one command of a level gets only that command there; any other (none, several, or
 * {@code help}) gets them all, so that help, usage errors and suggestions see every command.
 */
final class Commands {
  /** A command: its name (as its {@code @Command} gives it), its class and its subcommands, in help's order. */
  record Node(String name, Class<?> type, List<Node> subcommands) {
    static Node leaf(String name, Class<?> type) {
      return new Node(name, type, List.of());
    }
  }

  static final Node QM = new Node("qm", Main.class, List.of(
      Node.leaf("simulate", SimulateCommand.class),
      Node.leaf("sweep", SweepCommand.class),
      Node.leaf("sensitivity", SensitivityCommand.class),
      Node.leaf("optimise", OptimiseCommand.class),
      Node.leaf("validate", ValidateCommand.class),
      Node.leaf("import", ImportCommand.class),
      new Node("query", QueryCommand.class, List.of(
          Node.leaf("spending", QuerySpendingCommand.class),
          Node.leaf("aid", QueryAidCommand.class),
          Node.leaf("deliveries", QueryDeliveriesCommand.class),
          Node.leaf("production", QueryProductionCommand.class),
          Node.leaf("contracts", QueryContractsCommand.class),
          Node.leaf("items", QueryItemsCommand.class),
          Node.leaf("transfers", QueryTransfersCommand.class),
          Node.leaf("datasets", QueryDatasetsCommand.class),
          Node.leaf("sweeps", QuerySweepsCommand.class),
          Node.leaf("sql", QuerySqlCommand.class))),
      new Node("datasets", DatasetsCommand.class, List.of(
          Node.leaf("list", DatasetsListCommand.class),
          Node.leaf("show", DatasetsShowCommand.class),
          Node.leaf("rm", DatasetsRmCommand.class))),
      Node.leaf("items", ItemsCommand.class),
      Node.leaf("chain", ChainCommand.class),
      new Node("scenario", ScenarioCommand.class, List.of(
          Node.leaf("build", ScenarioBuildCommand.class),
          Node.leaf("rebuild", ScenarioRebuildCommand.class))),
      Node.leaf("export", ExportCommand.class),
      Node.leaf("serve", ServeCommand.class),
      Node.leaf("help", CommandLine.HelpCommand.class)));

  private Commands() {}

  /** The command line for these arguments: at each level, the one command they name, or every command. */
  static CommandLine forArguments(IFactory factory, String... args) {
    Set<String> words = Set.copyOf(Arrays.asList(args)); // an argument may repeat
    return build(QM, factory, words.contains("help") ? null : words);
  }

  /** The command line with every command. */
  static CommandLine all(IFactory factory) {
    return build(QM, factory, null);
  }

  /** @param words the arguments, or null for every command */
  private static CommandLine build(Node node, IFactory factory, Set<String> words) {
    CommandLine cli = new CommandLine(node.type(), factory);
    if (!node.subcommands().isEmpty()) {
      CommandList.install(cli);
    }
    List<Node> named = words == null ? List.of()
        : node.subcommands().stream().filter(sub -> words.contains(sub.name())).toList();
    for (Node sub : named.size() == 1 ? named : node.subcommands()) {
      cli.addSubcommand(sub.name(), build(sub, factory, words));
    }
    return cli;
  }
}
