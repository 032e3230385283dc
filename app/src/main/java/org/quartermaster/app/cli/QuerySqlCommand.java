package org.quartermaster.app.cli;

import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.SqlQuery;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code qm query sql}: one read-only SQL statement. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run one read-only SQL statement on the store.",
      "It must be a SELECT, WITH, FROM, VALUES, SUMMARIZE, DESCRIBE or SHOW.",
      "Anything else (DELETE, DROP, ATTACH, COPY, SET, PRAGMA …, or a second",
      "statement) is refused, and the statement runs in a transaction that is",
      "always rolled back.",
      "Tables: defence_spending, aid, deliveries, production, contracts,",
      "datasets, countries. Example:",
      "  qm query sql \"SELECT iso3, pct_gdp FROM defence_spending WHERE year = 2024\""
    })
final class QuerySqlCommand extends QuerySubcommand {
  @Parameters(index = "0", paramLabel = "SQL", description = "The statement, quoted as one argument.")
  String sql;

  @Override
  QueryResult query(Store store) {
    return SqlQuery.run(store, sql);
  }
}
