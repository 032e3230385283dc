package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.query.DeliveriesQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qm query deliveries}: arms-transfer records. */
@Command(
    name = "deliveries",
    mixinStandardHelpOptions = true,
    description = {
      "Arms deliveries, one row per transfer record (SIPRI trade register).",
      "Each record comes from the latest vintage that has it."
    })
final class QueryDeliveriesCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Option(names = "--supplier", paramLabel = "SUPPLIER",
      description = "Only suppliers whose name contains this (any case), or this ISO code (default: every supplier).")
  String supplier;

  @Option(names = "--recipient", paramLabel = "RECIPIENT",
      description = "Only recipients whose name contains this (any case), or this ISO code"
          + " (default: every recipient).")
  String recipient;

  @Mixin MinGradeOption minGrade;

  @Override
  QueryResult query(Store store) {
    return DeliveriesQuery.run(store, new DeliveriesQuery.Options(supplier, recipient, minGrade.grade()));
  }
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/deliveries").with("supplier", supplier).with("recipient", recipient)
        .with("min_grade", minGrade.grade() == null ? null : minGrade.grade().wireName());
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
