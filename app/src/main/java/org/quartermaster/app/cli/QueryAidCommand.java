package org.quartermaster.app.cli;

import org.quartermaster.app.query.AidQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qm query aid}: aid records or their sums, per currency and unit. */
@Command(
    name = "aid",
    mixinStandardHelpOptions = true,
    description = {
      "Aid records, one line each, or their sums per currency and unit.",
      "With --by, sums by donor, category or measure: EUR is never added to USD,",
      "nor billion to million. Narrow with --category and --measure before",
      "reading a sum as a total: a total includes its parts, and allocations",
      "overlap commitments."
    })
final class QueryAidCommand extends QuerySubcommand {
  @Option(names = "--by", paramLabel = "donor|category|measure",
      description = "Sum by donor, category or measure, per currency and unit (default: list the records).")
  String by;

  @Option(names = "--donor", paramLabel = "DONOR",
      description = "Only donors whose name contains this (any case), or this ISO code (default: every donor).")
  String donor;

  @Option(names = "--category", paramLabel = "CATEGORY",
      description = "Only this category: military, financial, humanitarian, total … (default: every category).")
  String category;

  @Option(names = "--measure", paramLabel = "MEASURE",
      description = "Only this measure: commitment, allocation, disbursement … (default: every measure).")
  String measure;

  @Override
  QueryResult query(Store store) {
    AidQuery.By groupBy = by == null ? null : AidQuery.By.byName(by).orElseThrow(
        () -> new BadInputException("--by " + by + ": expected donor, category or measure"));
    return AidQuery.run(store, new AidQuery.Options(groupBy, donor, category, measure));
  }
}
