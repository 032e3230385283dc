package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The country page and the map in a real browser over the bundled dataset: a country's membership,
 * spending by source and release, aid and contracts; an unknown code refused with what to do; the
 * map drawn from the Natural Earth boundaries served with the app, with its legend, its boundary
 * source and a table, its state in the address. Screenshots go to target/screenshots.
 */
class CountryPageBrowserTest {
  /** A drawn chart has thousands of non-white pixels; axes and labels alone a few hundred. */
  private static final long DRAWN = 1500;

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

  @Test
  void countryPage_showsMembershipSpendingAidAndContracts() {
    browser.consoleProblems();

    assertThat(browser.open(base + "/country.html?c=POL")).as("status: %s", browser.find("#status").getText()).isEqualTo("yes");

    assertThat(browser.consoleProblems()).isEmpty();
    assertThat(browser.find("#country-title").getText()).isEqualTo("Poland");
    assertThat(browser.find("#membership").getText()).contains("NATO\nsince 1999-03-12").contains("European Union\nsince 2004-05-01");
    Map<String, Long> pixels = browser.drawnPixels("body");
    assertThat(pixels).containsOnlyKeys("country-spending", "country-aid");
    assertThat(pixels.values()).as("drawn pixels: %s", pixels).allMatch(n -> n > DRAWN);
    @SuppressWarnings("unchecked")
    List<String> lines = (List<String>) browser.script("return echarts.getInstanceByDom(document.querySelector("
        + "'#country-spending .chart')).getOption().series.map(s => s.name);");
    assertThat(lines).contains("NATO, release 2024-06", "NATO, release 2026-03").hasSizeGreaterThan(5);
    assertThat(browser.find("#country-aid h2").getText()).isEqualTo("Poland: aid allocated to Ukraine by release");
    assertThat(folded("#country-aid-table tbody")).contains("military").contains("4.45");
    assertThat(browser.find("#contracts").getText()).contains("PAC-3 MSE").contains("Lockheed Martin");
    assertThat(browser.find("nav a[aria-current='page']").getText()).isEqualTo("Countries");
    browser.screenshot("country");
  }

  @Test
  void countryPage_forUkraine_showsTheAidItReceivedByDonor() {
    assertThat(browser.open(base + "/country.html?c=UKR")).isEqualTo("yes");

    assertThat(browser.find("#aid-title").getText()).isEqualTo("Aid received");
    assertThat(browser.find("#country-aid h2").getText()).isEqualTo("Aid allocated to Ukraine by donor");
    assertThat(folded("#country-aid-table tbody")).contains("United States").contains("Germany");
  }

  @Test
  void countryPage_unknownCode_saysSoAndOffersTheList() {
    assertThat(browser.open(base + "/country.html?c=XXX")).isEqualTo("error");

    assertThat(browser.find("#status").getText())
        .isEqualTo("Could not load this page: no country with the ISO 3166 code 'XXX' in the store: choose one from the list");
    assertThat(browser.findAll("#country option")).hasSizeGreaterThan(200);
  }

  @Test
  void map_isDrawnFromNaturalEarth_withItsLegendSourceAndTable() {
    browser.consoleProblems();

    assertThat(browser.open(base + "/map.html?year=2024&view=atlantic")).as("status: %s", browser.find("#status").getText())
        .isEqualTo("yes");

    assertThat(browser.consoleProblems()).isEmpty();
    assertThat(browser.find("#map").getAttribute("data-regions")).isEqualTo("176");
    assertThat(Integer.parseInt(browser.find("#map").getAttribute("data-valued"))).isEqualTo(30);
    assertThat(browser.drawnPixels("body").get("map")).isGreaterThan(20_000);
    @SuppressWarnings("unchecked")
    List<String> legend = (List<String>) browser.script("return echarts.getInstanceByDom(document.querySelector('#map .chart'))"
        + ".getOption().visualMap[0].pieces.map(p => p.label);");
    assertThat(legend).containsExactly("0 to under 1", "1 to under 2", "2 to under 3.5", "3.5 or more");
    assertThat(browser.find("#map figcaption").getText()).contains("release 2025-04")
        .contains("Boundaries: Natural Earth 1:110m Admin 0 (public domain), via world-atlas 2.0.2")
        .contains("no figure: Croatia, Iceland");
    assertThat(browser.find("#map h2").getText()).isEqualTo("Defence spending, % of GDP, 2024 (NATO)");
    assertThat(browser.findAll("#map-table tbody tr")).hasSize(30);
    assertThat(folded("#map-table tbody a[href='/country.html?c=POL']")).isEqualTo("POL");
    browser.screenshot("map", "#map");
  }

  @Test
  void map_aidMetric_fromItsAddress_showsDonorsAndKeepsTheState() {
    assertThat(browser.open(base + "/map.html?metric=aid&view=world")).isEqualTo("yes");

    assertThat(browser.find("#metric").getAttribute("value")).isEqualTo("aid");
    assertThat(browser.find("#view").getAttribute("value")).isEqualTo("world");
    assertThat(browser.findAll("#year")).isEmpty();
    assertThat(browser.find("#map h2").getText()).isEqualTo("Aid allocated to Ukraine by donor country, Kiel UST Release 28");
    assertThat(browser.find("#map .units").getText()).isEqualTo("Units: EUR billion, running total");
    assertThat(folded("#map-table tbody")).contains("United States").contains("Poland");
    assertThat((String) browser.script("return location.search;")).contains("metric=aid").contains("view=world");
  }

  @Test
  void map_aidShareOfGdp_colorsDonorsWithTheirShareAndCitesTheGdpSource() {
    assertThat(browser.open(base + "/map.html?metric=aid_gdp&view=europe")).isEqualTo("yes");

    assertThat(browser.consoleProblems()).isEmpty();
    assertThat(browser.find("#map h2").getText()).isEqualTo("Aid allocated to Ukraine as % of donor GDP, Kiel UST Release 28");
    assertThat(browser.find("#map .units").getText()).isEqualTo("Units: % of donor GDP 2021");
    assertThat(browser.find("#map .source").getText()).contains("World Bank");
    assertThat(folded("#map-table tbody")).contains("Denmark").contains("Germany").contains("computed");
  }

  /** The text of an element in a folded table (a closed <details> has no rendered text). */
  private static String folded(String css) {
    return (String) browser.script("return document.querySelector(arguments[0]).textContent;", css);
  }
}
