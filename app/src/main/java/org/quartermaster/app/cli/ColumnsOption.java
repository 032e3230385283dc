package org.quartermaster.app.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --columns a,b,c}, on every {@code qm query} subcommand: only these columns, in this order. */
final class ColumnsOption {
  @Option(names = "--columns", paramLabel = "NAME,…", split = ",",
      description = "Only these columns, in this order, by their exact names (the CSV header's); a column the table"
          + " leaves out by default is shown when named (default: the query's columns).")
  List<String> columns;

  /** The columns asked for, or null for the query's own. */
  List<String> names() {
    return columns;
  }
}
