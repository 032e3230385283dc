package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's shared views in a real browser over the bundled dataset: every page laid out at
 * 390 px without horizontal scrolling, a table under every chart with the chart's rows, a view's
 * state kept in its address so a reload reproduces it, guideline counts that state their
 * denominator, estimates told apart in the legend, the print styles, and a favicon (no 404 in the
 * console).
 */
class ViewsBrowserTest {
  private static final List<String> PAGES = List.of("/", "/spending.html", "/aid.html", "/production.html",
      "/munitions.html", "/scenarios.html", "/analysis.html", "/data.html", "/country.html?c=POL", "/map.html");

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

  @AfterEach
  void backToDesktop() {
    browser.desktop();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/spending.html", "/aid.html", "/production.html", "/munitions.html", "/scenarios.html",
      "/analysis.html", "/data.html", "/country.html?c=POL", "/map.html"})
  void page_at390Pixels_hasNoHorizontalScroll(String path) {
    browser.phone(390);

    assertThat(browser.open(base + path)).as("%s drawn (status: %s)", path, browser.find("#status").getText())
        .isEqualTo("yes");

    assertThat(((Number) browser.script("return window.innerWidth;")).intValue()).isEqualTo(390);
    Object wide = browser.script("""
        return [...document.querySelectorAll('body *')].filter(e => {
          const r = e.getBoundingClientRect();
          return r.right > 391 && !e.closest('.table-wrap, .chart');
        }).map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5);""");
    assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
        .as("page width of %s at 390 px (wider elements: %s)", path, wide).isLessThanOrEqualTo(390);
  }

  @Test
  void everyChart_hasATableUnderIt_withTheRowsOfItsCsv() {
    for (String path : PAGES) {
      assertThat(browser.open(base + path)).as(path).isEqualTo("yes");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> cards = (List<Map<String, Object>>) browser.script("""
          return [...document.querySelectorAll('figure.chart-card')].map(f => {
            const details = f.querySelector('details.chart-table');
            return {id: f.id, table: !!details, hidden: details ? details.hidden : true,
              summary: details && details.querySelector('summary') ? details.querySelector('summary').textContent : '',
              rows: details ? details.querySelectorAll('tbody tr').length : 0,
              headers: details ? details.querySelectorAll('thead th').length : 0};
          });""");
      for (Map<String, Object> card : cards) {
        assertThat(card.get("table")).as("%s %s: a table under the chart", path, card.get("id")).isEqualTo(true);
        assertThat(card.get("hidden")).as("%s %s: its table shown", path, card.get("id")).isEqualTo(false);
        long rows = ((Number) card.get("rows")).longValue();
        assertThat(rows).as("%s %s", path, card.get("id")).isPositive();
        assertThat((String) card.get("summary")).as("%s %s", path, card.get("id"))
            .isEqualTo("Table: the " + rows + " figure" + (rows == 1 ? "" : "s") + " of this chart");
      }
    }
  }

  @Test
  void everyControl_hasALabel_andEveryFoldedTableOpensFromTheKeyboard() {
    for (String path : PAGES) {
      assertThat(browser.open(base + path)).as(path).isEqualTo("yes");
      @SuppressWarnings("unchecked")
      List<String> unlabelled = (List<String>) browser.script("""
          return [...document.querySelectorAll('main select, main input, main textarea')]
            .filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))
            .map(e => e.tagName + '#' + e.id);""");
      assertThat(unlabelled).as("controls without a label on %s", path).isEmpty();
    }
    assertThat(browser.open(base + "/spending.html")).isEqualTo("yes");
    browser.script("document.querySelector('#spending-series-table summary').focus();");
    browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    assertThat(browser.find("#spending-series-table").getAttribute("open")).isNotNull();
    assertThat(browser.find("#spending-series-table table caption").getText()).startsWith("Poland: defence spending");
  }

  @Test
  void spending_tableUnderTheBars_holdsTheSameRowsAsTheCsv() {
    assertThat(browser.open(base + "/spending.html?year=2024&vintage=2024-06")).isEqualTo("yes");

    browser.find("#spending-by-ally-table summary").click();

    assertThat(browser.find("#spending-by-ally-table table caption").getText())
        .isEqualTo("Defence spending by ally, 2024, vintage 2024-06 (% of GDP)");
    assertThat(browser.findAll("#spending-by-ally-table tbody tr")).hasSize(31);
    assertThat(browser.find("#spending-by-ally-table tbody").getText()).contains("Poland POL 2024 4.12");
  }

  @Test
  void spending_stateInTheAddress_reproducesTheViewOnReload() {
    assertThat(browser.open(base + "/spending.html")).isEqualTo("yes");
    browser.script("""
        const year = document.getElementById('year');
        year.value = '2023';
        year.dispatchEvent(new Event('change'));
        const allies = document.getElementById('allies');
        allies.checked = false;
        allies.dispatchEvent(new Event('change'));
        const countries = document.getElementById('countries');
        for (const o of countries.options) o.selected = ['POL', 'DEU', 'FRA'].includes(o.value);
        countries.dispatchEvent(new Event('change'));""");
    browser.waitFor("document.querySelector('#spending-series h2').textContent.includes('Germany')"
        + " && document.querySelector('#spending-by-ally h2').textContent.includes('2023') ? 'yes' : 'no'", Duration.ofSeconds(30));
    String address = (String) browser.script("return location.href;");
    assertThat(address).contains("year=2023").contains("allies=false").contains("countries=FRA%2CDEU%2CPOL");

    browser.open(address);

    assertThat(browser.find("#year").getAttribute("value")).isEqualTo("2023");
    assertThat(browser.find("#allies").isSelected()).isFalse();
    assertThat(browser.find("#spending-by-ally h2").getText()).startsWith("Defence spending by country, 2023");
    assertThat(browser.find("#spending-series h2").getText())
        .isEqualTo("France, Germany, Poland: defence spending across years, latest release per year");
    assertThat(folded("#spending-series-table tbody")).contains("Germany").contains("France").contains("Poland");
  }

  @Test
  void spending_oldSingleCountryLink_stillShowsThatCountrysRevisions() {
    assertThat(browser.open(base + "/spending.html?country=DEU")).isEqualTo("yes");

    assertThat(browser.find("#spending-series h2").getText()).isEqualTo("Germany: defence spending across years and vintages");
  }

  @Test
  void counts_stateTheirDenominator_andNameTheAlliesWithoutAFigure() {
    assertThat(browser.open(base + "/")).isEqualTo("yes");
    assertThat(browser.find("#headline .tile:nth-child(1) .value").getText()).isEqualTo("22 of 32 allies");
    assertThat(browser.find("#headline .tile:nth-child(1) .assumption").getText())
        .contains("no figure for Croatia, Iceland in that release");
    assertThat(browser.find("#headline .tile:nth-child(2) .value").getText()).isEqualTo("1 of 32 allies");

    assertThat(browser.open(base + "/spending.html")).isEqualTo("yes");
    assertThat(browser.find("#spending-count").getText()).isEqualTo("29 of 32 allies with a figure at or above 2% of GDP"
        + " in 2025, release 2026-03; no figure for Czechia, Hungary, Iceland.");
  }

  @Test
  void estimates_andFiguresNotSaidToBeEstimates_haveTheirOwnLegendEntries() {
    assertThat(browser.open(base + "/spending.html")).isEqualTo("yes");
    assertThat(seriesNames("#spending-by-ally")).containsExactly("not stated whether estimated");

    assertThat(browser.open(base + "/spending.html?year=2024")).isEqualTo("yes");
    assertThat(seriesNames("#spending-by-ally")).containsExactly("estimate");
    assertThat(browser.open(base + "/spending.html?year=2019")).isEqualTo("yes");
    assertThat(seriesNames("#spending-by-ally")).contains("reported");
  }

  @Test
  void print_hidesNavigationAndButtons_andShowsChartsFullWidth() {
    assertThat(browser.open(base + "/spending.html")).isEqualTo("yes");
    browser.printMedia();

    assertThat(browser.script("return getComputedStyle(document.querySelector('header.site')).display;")).isEqualTo("none");
    assertThat(browser.script("return getComputedStyle(document.querySelector('.controls')).display;")).isEqualTo("none");
    assertThat(browser.script("return getComputedStyle(document.querySelector('figure.chart-card .actions')).display;"))
        .isEqualTo("none");
    assertThat(browser.script("return getComputedStyle(document.querySelector('.table-wrap')).overflow;")).isEqualTo("visible");
    browser.script("dispatchEvent(new Event('beforeprint'));");
    assertThat(browser.findAll("details.chart-table:not([open])")).isEmpty();
    browser.script("dispatchEvent(new Event('afterprint'));");
    assertThat(browser.findAll("details.chart-table[open]")).isEmpty();
  }

  @Test
  void favicon_isLinkedFromEveryPage_andServedAsSvg() throws Exception {
    for (String path : PAGES) {
      browser.consoleProblems();
      assertThat(browser.open(base + path)).as(path).isEqualTo("yes");
      assertThat(browser.find("link[rel='icon']").getAttribute("href")).as(path).endsWith("/favicon.svg");
      assertThat(browser.consoleProblems()).as("console of %s", path).isEmpty();
    }
    HttpResponse<String> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/favicon.svg")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(icon.body()).startsWith("<svg");
  }

  private static List<String> seriesNames(String figure) {
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) browser.script("return echarts.getInstanceByDom(document.querySelector(arguments[0]"
        + " + ' .chart')).getOption().series.map(s => s.name);", figure);
    return names;
  }

  /** The text of an element in a folded table (a closed <details> has no rendered text). */
  private static String folded(String css) {
    return (String) browser.script("return document.querySelector(arguments[0]).textContent;", css);
  }
}
