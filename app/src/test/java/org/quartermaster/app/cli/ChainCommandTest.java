package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qm chain} end to end through {@link Main#run}: the backlog and the side-by-side table. */
class ChainCommandTest {
  @TempDir Path dir;

  @Test
  void chain_stinger_printsTheBacklogOfTheUsArmyOrderWithItsWindowAndAssumption() {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));

    CliRun run = CliRun.qm("--db", db.toString(), "chain", "stinger", "--from", "2022", "--to", "2025");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Backlog of FIM-92 Stinger by producer, 2022–2025, in missiles")
        .contains("USARMY-2022-05-STINGER")
        .contains("ASSUMPTION: the data give each contract's delivery window")
        .contains("left out of the backlog: contract NSPA-2024-07-STINGER-940")
        .containsPattern("2025  Raytheon  +1300  +[0-9]+  +[0-9]+  +1[0-9]{2}  ");
  }

  @Test
  void chain_sideBySide_csvCarriesGradesAndRows_andAnotherUnitOrAMissingCountryExitTwo() {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));

    CliRun csv = CliRun.qm("--db", db.toString(), "chain", "shell-155", "--from", "2024", "--to", "2024",
        "--side-by-side", "rus", "--format", "csv");
    CliRun units = CliRun.qm("--db", db.toString(), "chain", "shell-155", "--side-by-side", "RUS", "--with",
        "charge-155");
    CliRun alone = CliRun.qm("--db", db.toString(), "chain", "shell-155", "--with", "shell-152");

    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out()).contains("year,side,country,munition,calibre,quantity,quantity_high,basis,grade,rows,how,"
        + "extrapolated").containsPattern("\n2024,others,USA,shell-155,155 mm,336000,336000,actual,press,d\\d+:r7,");
    assertThat(units.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(units.err()).contains("shell-155 counts rounds, charge-155 counts charge sets: not set side by side");
    assertThat(alone.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(alone.err()).contains("--with shell-152: give --side-by-side COUNTRY too");
  }
}
