package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quartermaster.app.query.BundledSample;

/** End-to-end: {@code qm query aid --per/--currency/--prices} on the bundled sample, through {@link Main}'s wiring. */
class QueryAidNormalisedCommandTest {

  private static CliRun qm(String... args) {
    return StoreCli.qm(BundledSample::store, args);
  }

  @Test
  void perGdp_germany_printsTheShareAndCitesTheWorldBank() {
    CliRun run = qm("query", "aid", "--donor", "Germany", "--category", "military", "--measure", "allocation",
        "--per", "gdp", "--columns", "donor,amount,currency,value,value_unit");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Germany   20.01  EUR       0.55328  % of donor GDP 2021")
        .contains("World Bank, \"World Bank, World Development Indicators: GDP (current US$), indicator"
            + " NY.GDP.MKTP.CD")
        .contains("ASSUMPTION: Kiel's own reference year, 2021");
  }

  @Test
  void currencyAsCsv_carriesTheRateAndItsSourceInEveryRow() {
    CliRun run = qm("query", "aid", "--donor", "Germany", "--category", "military", "--measure", "allocation",
        "--currency", "USD", "--price-year", "2024", "--format", "csv",
        "--columns", "donor,value,value_unit,rate,rate_unit,reference_source_urls");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().split("\\R")).containsExactly("donor,value,value_unit,rate,rate_unit,reference_source_urls",
        "Germany," + 20.01 * (1 / 0.9242) + ",USD billion," + 1 / 0.9242 + ",USD per EUR,https://fred.stlouisfed.org");
  }

  @Test
  void currencyWithoutARateForTheYear_exits2NamingTheYear() {
    CliRun run = qm("query", "aid", "--donor", "Germany", "--category", "military", "--measure", "allocation",
        "--currency", "USD");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Germany (20.01 EUR): no EUR/USD annual average rate for 2026");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownCurrencyOrPrices_exit2WithTheOptionsName() {
    CliRun gbp = qm("query", "aid", "--currency", "GBP");
    CliRun real = qm("query", "aid", "--prices", "real");

    assertThat(gbp.exitCode()).isEqualTo(2);
    assertThat(gbp.err()).contains("--currency GBP: the bundled exchange-rate table converts between USD and EUR");
    assertThat(real.exitCode()).isEqualTo(2);
    assertThat(real.err()).contains("--prices real: expected current or constant-YYYY");
  }

  /** Regression: an unescaped % in --per's description made picocli warn on stderr at every --help. */
  @Test
  void help_describesTheNormalisingOptionsWithoutFormatWarnings() {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    CliRun run;
    try {
      System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      run = CliRun.qm("query", "aid", "--help");
    } finally {
      System.setErr(original);
    }

    assertThat(run.exitCode()).isZero();
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(run.out()).contains("--per=gdp|capita", "--currency=USD|EUR", "--prices=current|constant-YYYY",
        "--reference-year=YYYY", "--price-year=YYYY");
  }
}
