package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end: NATO's equipment-share table imported with the shipped mapping {@code nato-equipment-share}
 * (a layout sample under test resources: made-up values, not NATO's) and counted by
 * {@code qm query spending --equipment} against 20%, with the count's denominator.
 */
class EquipmentShareCommandTest {
  @TempDir Path dir;

  private Path sample() throws Exception {
    return Path.of(getClass().getResource("/nato-equipment/equipment-share-layout-sample.csv").toURI());
  }

  @Test
  void importThenQuery_countsAlliesAtOrAbove20PercentAndNamesThoseWithoutAFigure() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("qm.duckdb"));
    CliRun imported = CliRun.qm("--db", db.toString(), "import", sample().toString(), "--mapping",
        "nato-equipment-share", "--vintage", "2024-06", "--source-url", "https://example.org/layout-sample");

    CliRun run = CliRun.qm("--db", db.toString(), "query", "spending", "--equipment", "--year", "2024");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("9 rows added to spending");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // 19.99 is below 20: compared in decimal
    assertThat(run.out()).contains("Belgium  BEL   2024                                     19.99  true      no")
        .contains("Germany  DEU   2024                                     30.00  true      yes")
        .contains("2024: 2 of 3 allies with a figure spend 20% or more of their defence expenditure on equipment"
            + " (32 allies on 31 December 2024; no figure for 29: Albania,")
        .contains("Iceland");
  }

  /**
   * Without --mapping the header (Country, years) is NATO's % of GDP table's: the file is taken for that
   * table, never silently for equipment shares. The docs say to name the mapping.
   */
  @Test
  void sampleWithoutMapping_isTakenForNatosPctGdpTableNotForEquipment() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("qm.duckdb"));

    CliRun run = CliRun.qm("--db", db.toString(), "import", sample().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("NATO tables do not say which release they are");
  }

  @Test
  void equipmentWithoutImport_exits2SayingHowToImport() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("qm.duckdb"));

    CliRun run = CliRun.qm("--db", db.toString(), "query", "spending", "--equipment");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no equipment-share figures in the store").contains("--mapping nato-equipment-share");
  }

  @Test
  void thresholdOnTheEquipmentSeries_exits2PointingAtEquipment() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("qm.duckdb"));
    CliRun.qm("--db", db.toString(), "import", sample().toString(), "--mapping", "nato-equipment-share", "--vintage",
        "2024-06");

    CliRun run = CliRun.qm("--db", db.toString(), "query", "spending", "--threshold", "2", "--source",
        "nato-equipment");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not % of GDP: count it against 20% with --equipment");
  }

  @Test
  void equipmentWithThreshold_exits2() {
    CliRun run = CliRun.qm("query", "spending", "--equipment", "--threshold", "2");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--equipment takes --year only");
  }

  @Test
  void threshold35_citesTheHagueDeclarationAndSaysThe15PercentIsNotShown() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("qm.duckdb"));

    CliRun run = CliRun.qm("--db", db.toString(), "query", "spending", "--year", "2024", "--threshold", "3.5");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("NATO, \"NATO, The Hague Summit Declaration, 25 June 2025")
        .contains("The declaration's other 1.5% of GDP (defence- and security-related spending) is not shown");
  }
}
