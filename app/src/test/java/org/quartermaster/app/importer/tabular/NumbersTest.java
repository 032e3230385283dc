package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void parse_writtenForms_giveTheirValue() {
    assertThat(Numbers.parse("2.35", false)).isEqualTo(2.35);
    assertThat(Numbers.parse("-0.5", false)).isEqualTo(-0.5);
    assertThat(Numbers.parse("2,35", true)).isEqualTo(2.35);
    assertThat(Numbers.parse("1.234.567,5", true)).isEqualTo(1234567.5);
    assertThat(Numbers.parse("1 234,5", true)).isEqualTo(1234.5);
    assertThat(Numbers.parse("1.234", true)).isEqualTo(1234);
    assertThat(Numbers.parse("2.5", true)).isEqualTo(2.5);
    assertThat(Numbers.parse("1,234.5", false)).isEqualTo(1234.5);
    assertThat(Numbers.parse("12%", false)).isEqualTo(12);
    assertThat(Numbers.parse("1e-3", false)).isEqualTo(0.001);
    assertThat(Numbers.parse("23417159.978473667", false)).isEqualTo(23417159.978473667);
    assertThat(Numbers.parse("0,12345678901234567", true)).isEqualTo(0.12345678901234567);
  }

  @Test
  void parse_textThatIsNoNumber_givesNaN() {
    for (String text : new String[] {"abc", "1,5", "NaN", "Infinity", "1d", "0x10", "12 mio", "1.2.3"}) {
      assertThat(Numbers.parse(text, false)).as(text).isNaN();
    }
  }

  /** The exact path must give the very double the JDK gives. */
  @Test
  void parse_randomDecimals_agreesWithDoubleParseDouble() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "").append(random.nextInt(1_000_000))
          .append('.');
      for (int digits = 1 + random.nextInt(9); digits > 0; digits--) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      assertThat(Numbers.parse(text.toString(), false)).as(text.toString())
          .isEqualTo(Double.parseDouble(text.toString()));
    }
  }

  @Test
  void range_rangesAndSingleFigures_giveLowAndHigh() {
    assertThat(Numbers.range("12000-20000", false)).containsExactly(12000, 20000);
    assertThat(Numbers.range("12 000 – 20 000", false)).containsExactly(12000, 20000);
    assertThat(Numbers.range("14000", false)).containsExactly(14000, 14000);
    assertThat(Numbers.range("about 1000", false)).isNull();
  }

  @Test
  void quantityAndQualifier_readHowAQuantityIsWritten() {
    assertThat(Numbers.quantity("up to 1000", false)).isEqualTo(1000);
    assertThat(Numbers.qualifier("up to 1000")).isEqualTo("up to");
    assertThat(Numbers.quantity("~220000", false)).isEqualTo(220000);
    assertThat(Numbers.qualifier("~220000")).isEqualTo("about");
    assertThat(Numbers.qualifier("940")).isEqualTo("exact");
  }

  @Test
  void periods_yearsDatesAndMonths_areReadOrRejected() {
    assertThat(Periods.year("2023")).isEqualTo(2023);
    assertThat(Periods.year("2023e")).isEqualTo(2023);
    assertThat(Periods.year("2023 (est.)")).isEqualTo(2023);
    assertThat(Periods.year("2023.0")).isEqualTo(2023);
    assertThat(Periods.year("FY2023")).isEqualTo(-1);
    assertThat(Periods.markedEstimate("2023*")).isTrue();
    assertThat(Periods.markedEstimate("2023")).isFalse();
    assertThat(Periods.date("2022-03-01 00:00:00")).isEqualTo("2022-03-01");
    assertThat(Periods.date("2024-02")).isEqualTo("2024-02");
    assertThat(Periods.date("2023-02-29")).isNull();
    assertThat(Periods.date("01.03.2022")).isNull();
    assertThat(Periods.isMonth("2026-02")).isTrue();
    assertThat(Periods.isMonth("2026-13")).isFalse();
  }
}
