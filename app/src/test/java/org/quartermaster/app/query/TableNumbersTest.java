package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TableNumbersTest {

  @Test
  void format_sumOfMoneyInSingleUnits_showsTwoDecimalsGroupedByThousands() {
    assertThat(TableNumbers.format(64616886193.761314, -1)).isEqualTo("64,616,886,193.76");
  }

  @Test
  void format_largeWholeNumbers_areGroupedWithoutExponent() {
    assertThat(TableNumbers.format(6.246E8, -1)).isEqualTo("624,600,000");
    assertThat(TableNumbers.format(7.0E8, -1)).isEqualTo("700,000,000");
    assertThat(TableNumbers.format(20000L, -1)).isEqualTo("20,000");
    assertThat(TableNumbers.format(-12345.5, -1)).isEqualTo("-12,345.5");
  }

  @Test
  void format_fourDigitsAndYears_stayUngrouped() {
    assertThat(TableNumbers.format(2024, -1)).isEqualTo("2024");
    assertThat(TableNumbers.format(1300.0, -1)).isEqualTo("1300");
  }

  @Test
  void format_smallNumbers_keepTheSourcesDecimals() {
    assertThat(TableNumbers.format(73.778, -1)).isEqualTo("73.778");
    assertThat(TableNumbers.format(0.05, -1)).isEqualTo("0.05");
    assertThat(TableNumbers.format(new BigDecimal("0.123456789"), -1)).isEqualTo("0.12346");
    assertThat(TableNumbers.format(0.0, -1)).isEqualTo("0");
  }

  @Test
  void format_fixedDecimals_roundsToThem() {
    assertThat(TableNumbers.format(2.0, 2)).isEqualTo("2.00");
    assertThat(TableNumbers.format(123456.789, 1)).isEqualTo("123,456.8");
    assertThat(TableNumbers.format(Double.NaN, 2)).isEqualTo("NaN");
  }
}
