package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.TransfersQuery;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qm query transfers}: drawdowns, deliveries and pledges. */
@Command(
    name = "transfers",
    mixinStandardHelpOptions = true,
    description = {
      "Transfers: drawdowns, deliveries and pledges from one country to another,",
      "each a running total (cumulative) or new within a window (period), pledged or delivered."
    })
final class QueryTransfersCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Option(names = "--item", paramLabel = "ITEM",
      description = "A munition id or any of its names (javelin, 155mm shells: the rows of that munition, by exact"
          + " name; qm items lists them), else part of the item's name, any case (default: every item).")
  String item;

  @Mixin MinGradeOption minGrade;

  @Override
  QueryResult query(Store store) {
    return TransfersQuery.run(store, Catalogue.of(store), new TransfersQuery.Options(item, minGrade.grade()));
  }

  /** Through a running server: {@code GET /api/v1/transfers}. */
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/transfers").with("item", item)
        .with("min_grade", minGrade.grade() == null ? null : minGrade.grade().wireName());
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
