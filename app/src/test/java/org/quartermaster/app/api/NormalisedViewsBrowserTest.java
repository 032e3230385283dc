package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The normalised views in a real browser against a real server over the bundled dataset: the Aid page's
 * toggle changes the units the chart shows and its source line names the GDP or population source; the
 * choice lives in the URL; the Spending page names the 3.5% target's source.
 */
class NormalisedViewsBrowserTest {
  private static ApiFixture api;
  private static Browser browser;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.start();
    api = ApiFixture.start();
    base = "http://127.0.0.1:" + api.app.port();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (api != null) {
      api.close();
    }
  }

  private String text(String css) {
    return browser.find(css).getText();
  }

  private void choose(String id, String value) {
    browser.script("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
        + " s.dispatchEvent(new Event('change'));", id, value);
  }

  @Test
  void aidToggle_perGdp_changesTheUnitsAndNamesTheWorldBankInTheSourceLine() {
    browser.consoleProblems();
    assertThat(browser.open(base + "/aid.html")).isEqualTo("yes");
    assertThat(text("#aid-normalised .units")).isEqualTo("Units: EUR billion");
    assertThat(text("#aid-normalised figcaption")).doesNotContain("World Bank");

    choose("per", "gdp");
    browser.waitFor("document.querySelector('#aid-normalised .units').textContent.includes('% of donor GDP')"
        + " ? 'yes' : 'no'", Duration.ofSeconds(20));

    assertThat(text("#aid-normalised .units"))
        .isEqualTo("Units: % of donor GDP 2021 (computed: aid ÷ World Bank GDP 2021)");
    assertThat(text("#aid-normalised figcaption")).contains("World Bank").contains("GDP (current US$)");
    assertThat((String) browser.script("return location.search")).contains("per=gdp");
    assertThat(browser.consoleProblems()).isEmpty();
    browser.screenshot("aid-normalised-gdp", "#aid-normalised");
  }

  @Test
  void aidFromAUrl_perCapitaInUsd_showsUsdPerPersonWithPopulationAndRateSources() {
    assertThat(browser.open(base + "/aid.html?per=capita&convert=USD&rate_year=2024")).isEqualTo("yes");
    browser.waitFor("document.querySelector('#aid-normalised').dataset.drawn || 'no'", Duration.ofSeconds(20));

    assertThat(text("#aid-normalised .units")).isEqualTo("Units: USD per person");
    assertThat(text("#aid-normalised figcaption")).contains("Population, total").contains("Federal Reserve");
    assertThat(browser.find("#per").getAttribute("value")).isEqualTo("capita");
  }

  @Test
  void spending_namesTheSourceOfThe35PercentTargetAndSaysNoEquipmentFiguresAreImported() {
    browser.consoleProblems();
    assertThat(browser.open(base + "/spending.html")).isEqualTo("yes");
    browser.waitFor("document.getElementById('equipment-none') ? 'yes' : 'no'", Duration.ofSeconds(20));

    assertThat(text("#target-source")).contains("The Hague Summit Declaration, 25 June 2025")
        .contains("agenceurope.eu");
    assertThat(text("#equipment-none")).contains("--mapping nato-equipment-share");
    assertThat(browser.consoleProblems()).isEmpty();
  }
}
