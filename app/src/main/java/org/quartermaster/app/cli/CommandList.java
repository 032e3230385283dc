package org.quartermaster.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" section of help: each command with the first sentence of its description, wrapped,
 * where picocli's own list shows only the description's first line (cut mid-sentence when the
 * description is written over several lines). A command with a {@code header} shows that instead.
 */
final class CommandList {
  private CommandList() {}

  static void install(picocli.CommandLine cli) {
    cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandList::render);
  }

  private static String render(Help help) {
    Map<String, Help> subcommands = help.subcommands();
    if (subcommands.isEmpty()) {
      return "";
    }
    Map<Help.Ansi.Text, Help.Ansi.Text> rows = new LinkedHashMap<>();
    for (Help sub : subcommands.values()) {
      rows.put(sub.commandNamesText(", "), help.colorScheme().text(summary(sub.commandSpec().usageMessage())));
    }
    return help.createTextTable(rows).toString(); // the table holds the rows it is created from
  }

  /** The header, else the description up to the end of its first sentence (a '.' or ';' before a space). */
  static String summary(UsageMessageSpec usage) {
    if (usage.header().length > 0) {
      return String.join(" ", usage.header());
    }
    String description = String.join(" ", usage.description()).strip();
    for (int i = 0; i < description.length(); i++) {
      char c = description.charAt(i);
      boolean end = i + 1 == description.length() || description.charAt(i + 1) == ' ';
      if (end && c == '.') {
        return description.substring(0, i + 1);
      }
      if (end && c == ';') {
        return description.substring(0, i) + ".";
      }
    }
    return description;
  }
}
