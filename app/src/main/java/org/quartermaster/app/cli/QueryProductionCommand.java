package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.query.ProductionQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qm query production}: production rates, capacities and targets. */
@Command(
    name = "production",
    mixinStandardHelpOptions = true,
    description = {
      "Production rates, capacities and ramp-up targets.",
      "Each value is per its period (month, year, cumulative …) and in its unit."
    })
final class QueryProductionCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Option(names = "--item", paramLabel = "ITEM",
      description = "A munition id or any of its names (stinger, shell-155, pac-3: the rows of that munition, by exact"
          + " name; qm items lists them), else part of the item's name, any case (default: every item).")
  String item;

  @Mixin MinGradeOption minGrade;

  @Override
  QueryResult query(Store store) {
    return ProductionQuery.run(store, Catalogue.of(store), new ProductionQuery.Options(item, minGrade.grade()));
  }
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/production").with("item", item)
        .with("min_grade", minGrade.grade() == null ? null : minGrade.grade().wireName());
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
