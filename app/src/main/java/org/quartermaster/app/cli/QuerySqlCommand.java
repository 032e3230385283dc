package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.SqlQuery;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code qm query sql}: one read-only SQL statement. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run one read-only SQL statement on the store.",
      "It must be a SELECT, WITH, FROM, VALUES, SUMMARIZE, DESCRIBE or SHOW.",
      "It runs where DuckDB itself forbids writing and any file or network",
      "access: the store opened read-only, external access off, no extension",
      "installed or loaded, the configuration locked (no SET undoes it).",
      "Anything else (DELETE, DROP, ATTACH, COPY, SET, PRAGMA …, or a second",
      "statement) is refused.",
      "Tables: defence_spending, aid, deliveries, production, contracts,",
      "datasets, countries. Example:",
      "  qm query sql \"SELECT iso3, pct_gdp FROM defence_spending WHERE year = 2024\""
    })
final class QuerySqlCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Parameters(index = "0", paramLabel = "SQL", description = "The statement, quoted as one argument.")
  String sql;

  /**
   * The store opened read-only in DuckDB's own sandbox ({@link Store#openForUserSql}), after opening it
   * once as usual (created, seeded and migrated when it must be). A store given by a test (in memory) is
   * used as it is: the statement checks of {@link SqlQuery} still apply to it.
   */
  @Override
  Store openForQuery() {
    if (stores != null) {
      return openStore();
    }
    openStoreToRead().close();
    try {
      return Store.openForUserSql(storeOption.file());
    } catch (StoreException e) {
      throw StoreOption.failure(storeOption.file(), e);
    }
  }

  @Override
  QueryResult query(Store store) {
    return SqlQuery.run(store, sql);
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
