package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** One in-process {@code qm} invocation through {@link Main#run}: its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun qm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** As {@link #qm(String...)}, with this environment ($QM_TOKEN) for the commands. */
  static CliRun qm(java.util.Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * A store at {@code file} seeded with the bundled dataset, as {@code qm --db FILE --create} makes
   * it: a {@code --db} store must exist before a command uses it.
   */
  static Path seededStore(Path file) {
    try (org.quartermaster.app.store.Store store = org.quartermaster.app.store.Store.open(file)) {
      org.quartermaster.app.importer.BundledDataset.seedOrRefresh(store,
          org.quartermaster.app.data.Countries.standard());
    }
    return file;
  }

  /** The source tree's root: the nearest ancestor of the working directory that holds {@code examples/}. */
  static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("examples"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no examples/ folder above " + Path.of("").toAbsolutePath());
  }

  static Path example(String name) {
    return repoRoot().resolve("examples").resolve(name);
  }

  /**
   * Every option of {@code qm} (or of its {@code subcommand}) appears in {@code help}; every option other
   * than --help and --version says "(default: ...)" in its description block.
   */
  static void assertEveryOptionShownWithDefault(String help, String subcommand) {
    CommandLine root = Commands.all(CommandLine.defaultFactory());
    CommandSpec spec = subcommand == null
        ? root.getCommandSpec() : root.getSubcommands().get(subcommand).getCommandSpec();
    assertThat(spec.options()).isNotEmpty();
    for (OptionSpec option : spec.options()) {
      String block = optionBlock(help, option.longestName());
      assertThat(block).as("help entry of %s", option.longestName()).isNotEmpty();
      if (!option.usageHelp() && !option.versionHelp()) {
        assertThat(block).as("help entry of %s", option.longestName()).contains("(default: ");
      }
    }
  }

  /** The lines of the help entry that starts with {@code name} (its description may wrap onto more lines). */
  private static String optionBlock(String help, String name) {
    List<String> lines = help.lines().toList();
    StringBuilder block = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String trimmed = lines.get(i).strip();
      // an entry starts in the option column; a wrapped description line may start with an option's name too
      boolean entry = !lines.get(i).startsWith("          ")
          && (trimmed.startsWith(name + " ") || trimmed.startsWith(name + "=") || trimmed.equals(name)
          || trimmed.matches("-[A-Za-z], " + java.util.regex.Pattern.quote(name) + "\\b.*"));
      if (entry) {
        block.append(trimmed);
        for (int j = i + 1; j < lines.size() && isContinuation(lines.get(j)); j++) {
          block.append(' ').append(lines.get(j).strip());
        }
        return block.toString();
      }
    }
    return "";
  }

  private static boolean isContinuation(String line) {
    return line.startsWith("          ") && !line.strip().startsWith("-") && !line.isBlank();
  }
}
