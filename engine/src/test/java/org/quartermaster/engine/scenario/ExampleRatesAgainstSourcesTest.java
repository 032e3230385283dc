package org.quartermaster.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quartermaster.engine.Fixtures;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Transfer;

/**
 * The examples' production rates against the sources the examples themselves cite: a rate several
 * times what the cited figures imply is a defect even when it is labelled an assumption.
 */
class ExampleRatesAgainstSourcesTest {

  /**
   * "Over 1,600 Stinger" sent to Ukraine were "13 years' worth of Stinger production": US DoD
   * figure and RTX CEO Greg Hayes, Reagan National Defense Forum (Dec 2022), as relayed
   * (munitions_production.csv, FIM-92 Stinger, USA->UKR, 2022-12, grade relay). 1,600 / 13 / 12.
   */
  private static final double STINGER_IMPLIED_PER_MONTH = 1600.0 / 13 / 12;

  /**
   * US→UKR Stinger transfers, running totals: at least 1,400 by 2022-05-31 (Inside Defense, grade press)
   * and more than 3,000 by 2024-11 (US government fact sheet as reported by The Center Square, grade relay):
   * 1,600 in the 29 months between, per month (munitions_production.csv, FIM-92 Stinger, USA->UKR).
   */
  private static final double STINGER_TRANSFERS_PER_MONTH = (3000.0 - 1400.0) / 29;

  /** How far an example's assumption may stray from the figures it cites before it is a defect. */
  private static final double TEN_TIMES = 10;

  /**
   * 155 mm propellant charge sets made in the US: 18,000 a month against 40,000 projectiles, so
   * complete rounds are capped at 18,000 a month. Pentagon report cited by Defense Express
   * (June 2025), figures as of 2024-09 (munitions_production.csv, grade press).
   */
  private static final double CHARGE_SETS_PER_MONTH = 18_000;

  @Test
  void stingerExample_fullRateOfItsLines_isWithinAFactorOfTwoOfTheRateItsContextImplies() {
    Scenario scenario = ScenarioReader.read(Fixtures.examples().resolve("stinger-nspa.yaml"));

    double fullRatePerMonth = scenario.lines().stream()
        .filter(line -> line.item().equals("stinger"))
        .mapToDouble(line -> Math.max(line.basePerMonth(), line.surgePerMonth()))
        .sum();

    assertThat(fullRatePerMonth).as("Stinger missiles a month, all lines at full rate")
        .isBetween(STINGER_IMPLIED_PER_MONTH / 2, STINGER_IMPLIED_PER_MONTH * 2);
  }

  /**
   * Each scheduled transfer of the Stinger example, spread over the months since the previous one (or since
   * the start), and all of them over the months to the last, stay within ten times the sourced pace of
   * past transfers, either way: a package of 10,000 or of 10 missiles would fail.
   */
  @Test
  void stingerExample_transfers_areWithinTenTimesTheSourcedPaceOfPastTransfers() {
    Scenario scenario = ScenarioReader.read(Fixtures.examples().resolve("stinger-nspa.yaml"));

    java.util.List<Transfer> transfers = scenario.transfers().stream()
        .filter(t -> t.item().equals("stinger"))
        .sorted(java.util.Comparator.comparingInt(Transfer::month))
        .toList();

    assertThat(transfers).isNotEmpty();
    int previous = -1;
    for (Transfer t : transfers) {
      double perMonth = t.quantity() / (t.month() - previous);
      assertThat(perMonth).as("transfer of %s missiles in month %d, per month since month %d", t.quantity(), t.month(),
              previous + 1)
          .isBetween(STINGER_TRANSFERS_PER_MONTH / TEN_TIMES, STINGER_TRANSFERS_PER_MONTH * TEN_TIMES);
      previous = t.month();
    }
    double total = transfers.stream().mapToDouble(Transfer::quantity).sum();
    assertThat(total / (transfers.getLast().month() + 1)).as("missiles a month, all transfers to the last")
        .isBetween(STINGER_TRANSFERS_PER_MONTH / TEN_TIMES, STINGER_TRANSFERS_PER_MONTH * TEN_TIMES);
  }

  @Test
  void us155Example_completeRoundsToday_doNotExceedTheSourcedChargeSets() {
    Scenario scenario = ScenarioReader.read(Fixtures.examples().resolve("us-155mm-shells.yaml"));

    double roundsPerMonthAtStart = scenario.lines().stream()
        .filter(line -> line.item().equals("shell-155"))
        .mapToDouble(ProductionLine::basePerMonth)
        .sum();

    assertThat(roundsPerMonthAtStart).as("complete 155 mm rounds a month at the start, all lines")
        .isPositive()
        .isLessThanOrEqualTo(CHARGE_SETS_PER_MONTH);
  }
}
