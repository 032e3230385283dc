package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class CommandsTest {

  static List<Commands.Node> nodes() {
    List<Commands.Node> nodes = new java.util.ArrayList<>();
    collect(Commands.QM, nodes);
    return nodes;
  }

  private static void collect(Commands.Node node, List<Commands.Node> into) {
    into.add(node);
    node.subcommands().forEach(sub -> collect(sub, into));
  }

  @ParameterizedTest
  @MethodSource("nodes")
  void everyNode_isNamedAsItsCommandAnnotationNamesIt_andDeclaresNoSubcommandsOfItsOwn(Commands.Node node) {
    CommandLine alone = new CommandLine(node.type());
    assertThat(alone.getCommandName()).isEqualTo(node.name());
    assertThat(alone.getSubcommands()).as("subcommands belong in Commands, not in the annotation").isEmpty();
  }

  /** Every command that opens the store warms the store's driver up while its arguments are read. */
  @Test
  void storeCommands_everyTopLevelCommandWithAStoreCommandUnderIt_isListed() {
    java.util.Set<String> opening = new java.util.TreeSet<>();
    for (Commands.Node top : Commands.QM.subcommands()) {
      List<Commands.Node> under = new java.util.ArrayList<>();
      collect(top, under);
      if (under.stream().anyMatch(n -> StoreCommand.class.isAssignableFrom(n.type())
          || n.type() == ImportCommand.class || n.type() == ServeCommand.class)) {
        opening.add(top.name());
      }
    }

    assertThat(opening).contains("scenario", "chain", "items");
    assertThat(Main.STORE_COMMANDS).containsExactlyInAnyOrderElementsOf(opening);
  }

  @Test
  void all_registersEveryCommandInHelpOrder() {
    CommandLine all = Commands.all(CommandLine.defaultFactory());
    assertThat(all.getSubcommands().keySet())
        .containsExactly("simulate", "sweep", "sensitivity", "optimise", "validate", "import", "query", "datasets",
            "items", "chain", "scenario", "export", "serve", "help");
    assertThat(all.getSubcommands().get("query").getSubcommands().keySet())
        .containsExactly("spending", "aid", "deliveries", "production", "contracts", "items", "transfers", "datasets",
            "sweeps", "sql");
  }

  @Test
  void argumentsNamingOneCommand_registerOnlyItsBranch() {
    CommandLine cli = Commands.forArguments(CommandLine.defaultFactory(),
        "--db", "x.duckdb", "query", "spending", "--year", "2024");
    assertThat(cli.getSubcommands().keySet()).containsExactly("query");
    assertThat(cli.getSubcommands().get("query").getSubcommands().keySet()).containsExactly("spending");
  }

  @Test
  void argumentsNamingNoneOrSeveralCommandsOrHelp_registerEveryCommandAtThatLevel() {
    assertThat(Commands.forArguments(CommandLine.defaultFactory(), "--version").getSubcommands()).hasSize(14);
    assertThat(Commands.forArguments(CommandLine.defaultFactory(), "imprt", "x.csv").getSubcommands()).hasSize(14);
    assertThat(Commands.forArguments(CommandLine.defaultFactory(), "help", "import").getSubcommands()).hasSize(14);
    // a value that happens to be a command's name: both are there, so picocli still reads the line right
    CommandLine twice = Commands.forArguments(CommandLine.defaultFactory(), "import", "query", "--db", "x.duckdb");
    assertThat(twice.getSubcommands()).hasSize(14);
    // arguments may repeat
    assertThat(Commands.forArguments(CommandLine.defaultFactory(), "import", "2024-06.csv", "--vintage", "2024-06",
        "--source-url", "2024-06").getSubcommands()).containsOnlyKeys("import");
    CommandLine queries = Commands.forArguments(CommandLine.defaultFactory(), "query", "spending", "--country", "sql");
    assertThat(queries.getSubcommands().get("query").getSubcommands()).hasSize(10);
  }

  @Test
  void anOptionValueNamedLikeACommand_isRefusedByPicocli_soNoCommandIsLeftOutOfAUsageList() {
    // why the tree may leave out the commands the arguments do not name: a name picocli does not run
    // as the command is an error, never an option's value, so no usage list is printed with a part
    CliRun run = CliRun.qm("--db", "import");
    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("Expected parameter for option '--db' but found 'import'");
  }

  @Test
  void helpAndUsageErrors_seeEveryCommand() {
    assertThat(CliRun.qm("help").out()).contains("simulate").contains("import").contains("export");
    CliRun typo = CliRun.qm("imprt", "x.csv");
    assertThat(typo.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(typo.err()).contains("import");
    CliRun queryTypo = CliRun.qm("query", "spendng");
    assertThat(queryTypo.err()).contains("spending");
  }
}
