package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.query.EquipmentShareQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.SpendingQuery;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qm query spending}: defence spending as a share of GDP, against a guideline if asked. */
@Command(
    name = "spending",
    mixinStandardHelpOptions = true,
    description = {
      "Defence spending in %% of GDP, per country, year and source.",
      "Each release of a source is a vintage; nothing is overwritten. Without",
      "--vintage each country and year shows the latest vintage that covers it,",
      "and the output says so.",
      "With --threshold: who meets the guideline and the gap to it, counted from",
      "one source (nato unless --source names another; two are refused) and one",
      "release per year: the --vintage asked for, else the latest release with",
      "figures for the year for at least half as many countries as the fullest",
      "one; the notes name it. Each country counts once. A nato count (or one",
      "with --allies) is about the allies of the year: the NATO members on 31",
      "December; an ally without a figure (Iceland: no armed forces) is",
      "'no figure', not failing. Example:",
      "  qm query spending --year 2024 --threshold 2 --source nato --vintage 2024-06"
    })
final class QuerySpendingCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Option(names = "--year", paramLabel = "YEAR", description = "Only this year (default: every year).")
  Integer year;

  @Option(names = "--country", paramLabel = "COUNTRY",
      description = "Only this country: ISO 3166 code (POL, PL) or name (default: every country).")
  String country;

  @Option(names = "--threshold", paramLabel = "PCT",
      description = "Check against this guideline in %% of GDP, e.g. 2 or 3.5: adds the columns meets and gap_pct"
          + " (shortfall in percentage points) (default: no check).")
  Double threshold;

  @Option(names = "--source", paramLabel = "SOURCE", split = ",",
      description = "Only this series: nato or sipri; several (nato,sipri) for a list of figures, not for a"
          + " count (default: every series in the store; with --threshold: nato).")
  List<String> sources;

  @Option(names = "--allies",
      description = "Only the allies of each year: the NATO members on 31 December (default: every country;"
          + " with --threshold and source nato: always the allies).")
  boolean allies;

  @Option(names = "--vintage", paramLabel = "YYYY-MM|all",
      description = "Only this release of the source, or 'all' for every release's figure (revisions as"
          + " separate rows; not with --threshold) (default: the latest vintage per country and year; with"
          + " --threshold: the latest release covering the year).")
  String vintage;

  @Mixin MinGradeOption minGrade;

  @Option(names = "--equipment",
      description = "Equipment expenditure as %% of defence expenditure against NATO's 20%% guideline, from NATO's"
          + " table imported with --mapping nato-equipment-share; takes --year only (default: shares of GDP).")
  boolean equipment;

  @Override
  QueryResult query(Store store) {
    if (equipment) {
      refuseWithEquipment();
      return EquipmentShareQuery.run(store, year);
    }
    return SpendingQuery.run(store, new SpendingQuery.Options(year, country, threshold,
        sources == null ? null : String.join(",", sources), vintage, allies, minGrade.grade()));
  }
  private void refuseWithEquipment() {
    if (country != null || threshold != null || sources != null || vintage != null || allies
        || minGrade.grade() != null) {
      throw new BadInputException("--equipment takes --year only: it shows every ally of the year, against 20% of"
          + " defence expenditure, from the latest release");
    }
  }

  @Override
  ApiQuery apiQuery() {
    if (equipment) {
      refuseWithEquipment();
      return ApiQuery.of("/api/v1/spending").with("measure", "equipment").with("year", year);
    }
    return ApiQuery.of("/api/v1/spending").with("year", year).with("country", country).with("threshold", threshold)
        .with("source", sources == null ? null : String.join(",", sources)).with("vintage", vintage)
        .with("allies", allies ? true : null)
        .with("min_grade", minGrade.grade() == null ? null : minGrade.grade().wireName());
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
