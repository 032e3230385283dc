package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.SweepsQuery;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qm query sweeps [--id ID]}: the sweeps imported into the store, or one sweep's rows. */
@Command(
    name = "sweeps",
    mixinStandardHelpOptions = true,
    description = {
      "The sweep results imported into the store (qm sweep --out FILE.parquet, then",
      "qm import FILE.parquet): one row per sweep. With --id, that sweep's record and its",
      "rows, one per variant x cell: the parameter values and the metrics.",
      "With --format csv the two parts are CSV blocks separated by an empty line;",
      "with --format json, one array of two objects."
    })
final class QuerySweepsCommand extends QuerySubcommand {
  @Option(names = "--id", paramLabel = "ID",
      description = "A sweep's id (its dataset id, from the list) to show its rows (default: list every sweep).")
  Integer sweepId;

  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of(sweepId == null ? "/api/v1/sweeps" : "/api/v1/sweeps/" + sweepId);
  }

  @Override
  QueryResult query(Store store) {
    return results(store).getFirst();
  }

  @Override
  List<QueryResult> results(Store store) {
    if (sweepId == null) {
      return List.of(SweepsQuery.run(store));
    }
    return SweepsQuery.find(store, sweepId).orElseThrow(() -> new BadInputException("--id " + sweepId
        + ": no sweep of this id in the store " + store.location() + "; qm query sweeps lists them"));
  }
}
