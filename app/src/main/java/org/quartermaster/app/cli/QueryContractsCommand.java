package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.query.ContractsQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qm query contracts}: procurement contracts. */
@Command(
    name = "contracts",
    mixinStandardHelpOptions = true,
    description = "Procurement contracts, one row each, values in their own currency.")
final class QueryContractsCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Option(names = "--item", paramLabel = "ITEM",
      description = "A munition id or any of its names (stinger, shell-155, pac-3: the rows of that munition, by exact"
          + " name; qm items lists them), else part of the item's name, any case (default: every item).")
  String item;

  @Mixin MinGradeOption minGrade;

  @Override
  QueryResult query(Store store) {
    return ContractsQuery.run(store, Catalogue.of(store), new ContractsQuery.Options(item, minGrade.grade()));
  }
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/contracts").with("item", item)
        .with("min_grade", minGrade.grade() == null ? null : minGrade.grade().wireName());
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
