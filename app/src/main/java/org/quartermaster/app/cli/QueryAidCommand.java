package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.query.AidNormalise;
import org.quartermaster.app.query.AidQuery;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qm query aid}: aid records or their sums, per currency and unit. */
@Command(
    name = "aid",
    mixinStandardHelpOptions = true,
    description = {
      "Aid records of the chosen releases, one line each, or their sums.",
      "Releases: by default each publisher's latest, by data-through date.",
      "With --by, each line adds one group's figures within one release, basis",
      "(cumulative or period), currency and unit; a sum that would add",
      "overlapping categories (a total and its parts) or measures (allocations",
      "and commitments) is refused: narrow it with --category and --measure.",
      "Normalised (docs/normalised.md): --per gdp|capita, --currency, --prices;",
      "each converted figure names its rate, price index and their sources."
    })
final class QueryAidCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Option(names = "--by", paramLabel = "donor|donor-group|category|measure|release",
      description = "Sum by donor, donor group (EU member states, EU institutions, other Europe, United States,"
          + " others, and Europe against the United States), category, measure or release (default: list the"
          + " records).")
  String by;

  @Option(names = "--release", paramLabel = "latest|all|NAME",
      description = "Which releases: latest (each publisher's release with the latest data-through date), all"
          + " (every release, each on lines of its own) or one release by name, e.g. 'Kiel UST Release 28'"
          + " (default: latest).")
  String release;

  @Option(names = "--donor", paramLabel = "DONOR",
      description = "Only donors whose name contains this (any case), or this ISO code (default: every donor).")
  String donor;

  @Option(names = "--category", paramLabel = "CATEGORY",
      description = "Only this category: military, financial, humanitarian, total … (default: every category).")
  String category;

  @Option(names = "--measure", paramLabel = "MEASURE",
      description = "Only this measure: commitment, allocation, disbursement … (default: every measure).")
  String measure;

  @Mixin MinGradeOption minGrade;

  @Option(names = "--per", paramLabel = "gdp|capita",
      description = "Divide by the donor's GDP (a share, in %%) or population (per person), from the bundled World"
          + " Bank series (default: amounts as given).")
  String per;

  @Option(names = "--currency", paramLabel = "USD|EUR",
      description = "Convert to this currency at the annual average EUR/USD rate (Federal Reserve) of each"
          + " figure's price year (default: each figure's own currency).")
  String currency;

  @Option(names = "--prices", paramLabel = "current|constant-YYYY",
      description = "Current prices, or constant prices of a year by the US CPI-U (USD only) (default: current).")
  String prices;

  @Option(names = "--reference-year", paramLabel = "YYYY",
      description = "The year of the GDP or population divided by (default: 2021, the year Kiel divides by).")
  Integer referenceYear;

  @Option(names = "--price-year", paramLabel = "YYYY",
      description = "The year whose exchange rate and prices every figure is taken to be in (default: the year of"
          + " the figure's date, else of its data-through date).")
  Integer priceYear;

  @Override
  QueryResult query(Store store) {
    AidQuery.By groupBy = by == null ? null : AidQuery.By.byName(by).orElseThrow(
        () -> new BadInputException("--by " + by + ": expected " + AidQuery.By.names()));
    return AidQuery.run(store, new AidQuery.Options(groupBy, donor, category, measure, release, minGrade.grade(),
        normalise()));
  }

  private AidNormalise normalise() {
    try {
      return new AidNormalise(per == null ? null : AidNormalise.Per.byName(per), currency,
          AidNormalise.constantYear(prices), referenceYear, priceYear);
    } catch (QueryException e) {
      throw new BadInputException("--" + e.getMessage());
    }
  }
  @Override
  ApiQuery apiQuery() {
    if (by != null) {
      AidQuery.By.byName(by).orElseThrow(() -> new BadInputException("--by " + by + ": expected " + AidQuery.By.names()));
    }
    normalise();
    return ApiQuery.of("/api/v1/aid").with("by", by).with("release", release).with("donor", donor)
        .with("category", category).with("measure", measure).with("per", per).with("currency", currency)
        .with("prices", prices).with("reference_year", referenceYear == null ? null : referenceYear.toString())
        .with("price_year", priceYear == null ? null : priceYear.toString())
        .with("min_grade", minGrade.grade() == null ? null : minGrade.grade().wireName());
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
