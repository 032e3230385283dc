package org.quartermaster.app.munitions.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target dates as the bundled data write them, read as the month a target is to be met by. */
class TargetDatesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2025-10|2025-10", "2026|2026-12", "early 2026|2026-03", "mid-2027|2027-06", "H1 2025|2025-06",
      "late 2025|2025-12", "2024-03/04|2024-03", "~2024 ('months, maybe a couple of years')|2024-12",
      "within 7-year framework (end-2030 per Defense News copy)|2030-12", "~2025 (over next three years)|2025-12",
      "2025-13|", "not stated|"})
  void month_ofTheDateAsWritten(String written, String expected) {
    assertThat(TargetDates.month(written)).isEqualTo(Optional.ofNullable(expected).map(YearMonth::parse));
  }
}
