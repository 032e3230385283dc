package org.quartermaster.app.munitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain's arithmetic, against cases worked by hand. */
class ChainCoreTest {
  private static RateObservation rate(String country, String date, double perYear, String kind, int row) {
    return new RateObservation(country, Span.of(date).orElseThrow(), perYear, perYear, kind, perYear + "/year", null,
        new RowRef(1, row));
  }

  private static TransferFigure transfer(String date, double quantity, String status, String basis, int row) {
    return new TransferFigure("USA", status, basis, Span.of(date).orElseThrow(), quantity, quantity, "X",
        new RowRef(2, row));
  }

  /**
   * 120/year observed for 2023 (the whole year), 240/year from 2024-07: 2023 = 120; 2024 steps: 120 held
   * Jan–Jun (182 of 366 days) then 240 for July (31 days), nothing after: 120·182/366 + 240·31/366, 58% of the year.
   */
  @Test
  void perYear_step_readsEachObservationOverItsSpan_andNothingPastTheLastUnlessHeld() {
    List<RateObservation> obs = List.of(rate("USA", "2023", 120, "actual", 2), rate("USA", "2024-07", 240, "actual", 3));

    List<ChainLine> lines = AnnualProduction.perYear(obs, "actual", 2022, 2025, Interpolation.STEP, false);

    assertThat(lines).extracting(ChainLine::year).containsExactly(2023, 2024);
    assertThat(lines.get(0).low()).isCloseTo(120.0, within(1e-9));
    assertThat(lines.get(1).low()).isCloseTo(120.0 * 182 / 366 + 240.0 * 31 / 366, within(1e-9));
    assertThat(lines.get(1).extrapolated()).isFalse();
    assertThat(lines.get(1).how()).contains("58% of the year covered").doesNotContain("extrapolated");

    List<ChainLine> held = AnnualProduction.perYear(obs, "actual", 2022, 2025, Interpolation.STEP, true);

    assertThat(held).extracting(ChainLine::year).containsExactly(2023, 2024, 2025);
    assertThat(held.get(1).low()).isCloseTo(120.0 * 182 / 366 + 240.0 * 184 / 366, within(1e-9));
    assertThat(held.get(2).low()).isCloseTo(240.0, within(1e-9));
    assertThat(held.get(2).extrapolated()).isTrue();
    assertThat(held.get(2).how()).contains("held past 2024-07-31", "extrapolated");
  }

  /** Linear from 0/year on 2023-01-01 to 365/year on 2024-01-01: 2023's mean rate is 182.5. */
  @Test
  void perYear_linear_averagesTheStraightLineBetweenObservations() {
    List<RateObservation> obs = List.of(rate("USA", "2023-01-01", 0, "actual", 2),
        rate("USA", "2024-01-01", 365, "actual", 3));

    List<ChainLine> lines = AnnualProduction.perYear(obs, "actual", 2023, 2023, Interpolation.LINEAR, false);

    assertThat(lines.getFirst().low()).isCloseTo(182.5, within(1e-9));
  }

  /** Running totals 5,000 (2022-05), 7,000 (2022-05-02), 9,000 (2023-06): 2022 = 7,000, 2023 = 2,000. */
  @Test
  void transfersPerYear_fromRunningTotals_areTheLargestTotalByEachYearsEndLessTheYearBefore() {
    List<TransferFigure> figures = List.of(transfer("2022-05", 5000, "delivered", "cumulative", 1),
        transfer("2022-05-02", 7000, "delivered", "cumulative", 2),
        transfer("2023-06", 9000, "delivered", "cumulative", 3));

    List<ChainLine> lines = TransferSeries.perYear(figures, 2022, 2024);

    assertThat(lines).extracting(ChainLine::year, ChainLine::low).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2022, 7000.0), org.assertj.core.groups.Tuple.tuple(2023, 2000.0));
    assertThat(lines.get(1).rows()).containsExactlyInAnyOrder(new RowRef(2, 3), new RowRef(2, 2));
  }

  /** CSIS: 7,000 Javelins sent by mid-2022 ÷ 1,000 a year (US buy, FY2022) = 7.0 years; 2,100 and 4,000 a year too. */
  @Test
  void yearsToReplace_javelinOnTheCsisBasis_isSevenYears_andEachBasisIsALine() {
    List<RateObservation> obs = List.of(rate("USA", "2022-09", 1000, "actual", 32),
        rate("USA", "2022-05-08", 2100, "capacity", 20), rate("USA", "2022-05-08", 4000, "target", 21),
        rate("DEU", "2022-01", 99999, "actual", 40));
    List<TransferFigure> sent = List.of(transfer("2022-05", 5000, "delivered", "cumulative", 76),
        transfer("2022-05-02", 7000, "delivered", "cumulative", 77));

    List<YearsToReplace.Line> lines = YearsToReplace.lines(List.of(sent), obs, 2022, 2022,
        List.of(RateBasis.values()));

    assertThat(lines).extracting(l -> l.basis(), l -> Math.round(l.yearsMin() * 100) / 100.0).containsExactly(
        org.assertj.core.groups.Tuple.tuple(RateBasis.ACTUAL, 7.0),
        org.assertj.core.groups.Tuple.tuple(RateBasis.CAPACITY, 3.33),
        org.assertj.core.groups.Tuple.tuple(RateBasis.TARGET, 1.75));
    assertThat(lines.getFirst().quantity().from()).extracting(TransferFigure::row).containsExactly(new RowRef(2, 77));
    assertThat(lines.getFirst().rate()).extracting(RateObservation::row).containsExactly(new RowRef(1, 32));
  }

  /** Contracts by award year: one contract in two rows (USD, EUR) counts once. */
  @Test
  void contractsPerYear_countEachContractOnce() {
    List<ContractFigure> figures = List.of(new ContractFigure("A", "DEU; ITA", 2024, 940.0, "940", new RowRef(4, 2)),
        new ContractFigure("A", "DEU; ITA", 2024, 940.0, "940", new RowRef(4, 3)),
        new ContractFigure("B", "USA", 2024, null, null, new RowRef(4, 9)));

    ChainLine line = ContractsByYear.perYear(figures, 2024, 2024).getFirst();

    assertThat(line.low()).isEqualTo(940.0);
    assertThat(line.how()).startsWith("2 contracts, 1 with a quantity");
    assertThat(line.rows()).hasSize(3);
  }
}
