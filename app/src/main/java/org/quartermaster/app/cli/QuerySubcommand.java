package org.quartermaster.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.ResultFormat;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every {@code qm query} subcommand does: open the store, run its query, print it in the asked format. */
abstract class QuerySubcommand extends StoreCommand {
  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Output: table (aligned, units in the headers, vintages and sources under it), csv (RFC 4180,"
          + " exact column names) or json (default: table).")
  String format = "table";

  /** The --format asked for. */
  ResultFormat output() {
    return ResultFormat.byName(format).orElseThrow(
        () -> new BadInputException("--format " + format + ": expected table, csv or json"));
  }

  /**
   * The same query as the REST API's read endpoint answers it, its options checked here first (so that
   * a mistake gets the same message as without a server); null when the API has no endpoint for it.
   */
  ApiQuery apiQuery() {
    return null;
  }

  /** The store the query reads: the store itself, unless a query needs it opened otherwise. */
  Store openForQuery() {
    return openStoreToRead();
  }

  /** The columns asked for with {@code --columns}, or null: the query's own. */
  List<String> columns() {
    return null;
  }

  /** Runs the query; a {@link QueryException} is the user's to fix. */
  abstract QueryResult query(Store store);

  /** The results to print: the query's, unless a command answers with several. */
  List<QueryResult> results(Store store) {
    return List.of(query(store));
  }

  @Override
  public Integer call() throws IOException {
    ResultFormat output = output();
    List<QueryResult> results;
    try (Store store = openForQuery()) {
      results = results(store);
      List<String> columns = columns();
      if (columns != null) {
        results = results.stream().map(result -> result.select(columns)).toList();
      }
    } catch (QueryException e) {
      throw new BadInputException(e.lines());
    }
    PrintWriter out = spec.commandLine().getOut();
    output.writeAll(results, out);
    return Main.OK;
  }
}
