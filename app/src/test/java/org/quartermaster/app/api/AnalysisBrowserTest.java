package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Analysis page in a real browser (Debian's Chromium, headless) against a real server on port 0:
 * the example files come from GET /api/v1/analysis/examples, and every result shown is a job the page
 * posted (sweep, sensitivity, optimisation) and followed to its end. Screenshots go to
 * target/screenshots.
 */
class AnalysisBrowserTest {
  /** A drawn chart has thousands of non-white pixels; axes and labels alone a few hundred. */
  private static final long DRAWN = 1500;

  /** The page's own result tables, not the folded table every chart has. */
  private static final String PAGE_TABLES = "#analysis-results table:not(.chart-table table)";

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

  /** Opens the page, picks an example and an analysis, cuts the runs to {@code runs}, runs it and waits. */
  private void run(String example, String kind, int runs, Map<String, String> fields) {
    assertThat(browser.open(base + "/analysis.html")).as("status: %s", browser.find("#status").getText())
        .isEqualTo("yes");
    browser.script("""
        const pick = (id, value) => {
          const s = document.getElementById(id);
          s.value = value;
          s.dispatchEvent(new Event('change'));
        };
        pick('analysis-example', arguments[0]);
        pick('analysis-kind', arguments[1]);
        const yaml = document.getElementById('analysis-yaml');
        yaml.value = yaml.value.replace(/^runs: \\d+$/m, 'runs: ' + arguments[2]);
        """, example, kind, runs);
    for (Map.Entry<String, String> field : fields.entrySet()) {
      browser.find("#" + field.getKey()).sendKeys(field.getValue());
    }
    browser.find("#analysis-run").click();
    assertThat(browser.waitFor("document.body.dataset.analysis", Duration.ofSeconds(240)))
        .as("status: %s", browser.find("#status").getText()).isEqualTo("done");
    assertThat(browser.waitFor("[...document.querySelectorAll('figure.chart-card')].every(f => f.dataset.drawn"
        + " === 'yes') ? 'yes' : 'no'", Duration.ofSeconds(30))).isEqualTo("yes");
  }

  private static void assertChartsComplete(String chart) {
    Map<String, Long> pixels = browser.drawnPixels("#analysis-results");
    assertThat(pixels).containsOnlyKeys(chart);
    assertThat(pixels.values()).as("drawn pixels: %s", pixels).allMatch(n -> n > DRAWN);
    WebElement card = browser.find("#" + chart);
    assertThat(card.findElement(By.tagName("h2")).getText()).isNotBlank();
    assertThat(card.findElement(By.cssSelector(".units")).getText()).startsWith("Units: ").hasSizeGreaterThan(10);
    assertThat(card.findElement(By.cssSelector("figcaption")).getText()).startsWith("Source: SM-1 ")
        .contains("common random numbers").contains("ASSUMPTION");
    assertThat(card.findElements(By.tagName("button"))).extracting(WebElement::getText)
        .containsExactly("Download CSV", "Download PNG");
    assertThat(browser.findAll("#analysis-results table caption")).isNotEmpty();
  }

  @Test
  void page_listsTheExampleFiles_inTheNavigation_withNoConsoleErrors() {
    browser.consoleProblems();

    assertThat(browser.open(base + "/analysis.html")).isEqualTo("yes");

    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    assertThat(browser.findAll("#analysis-example option")).extracting(WebElement::getText).contains(
        "examples/sweeps/155mm-sensitivity.yaml", "examples/optimise/stinger.yaml");
    assertThat(browser.find("#analysis-yaml").getAttribute("value")).contains("saved: us-155mm-shells");
    assertThat(browser.find("nav a[aria-current='page']").getAttribute("href")).endsWith("/analysis.html");
  }

  @Test
  void tornado_runFromThePage_drawsTheBarsAndTheirTable_withNoConsoleErrors() {
    browser.consoleProblems();

    run("sweeps/155mm-sensitivity", "tornado", 100, Map.of("analysis-metric", "expected_unmet_demand",
        "analysis-cell", "USA/shell-155"));

    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    assertChartsComplete("analysis-tornado");
    assertThat(browser.find("#analysis-tornado h2").getText()).isEqualTo("Tornado: expected_unmet_demand for"
        + " USA/shell-155");
    assertThat(browser.find(PAGE_TABLES + " tbody tr td:nth-child(2)").getText())
        .isEqualTo("lines[us-155-total].ramp_delay_months.mode");
    assertThat(browser.find("#analysis-progress").getAttribute("value")).isEqualTo("9");
    browser.screenshot("analysis-tornado");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"sobol, analysis-sobol, S1 LOW", "morris, analysis-morris, mu*", "sweep, analysis-sweep, variant"})
  void otherAnalyses_runFromThePage_drawTheirChartAndTable(String kind, String chart, String column) {
    browser.consoleProblems();

    run("sweeps/155mm-sensitivity", kind, 40, kind.equals("sweep") ? Map.of() : Map.of("analysis-n", "4"));

    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    assertChartsComplete(chart);
    assertThat(browser.findAll(PAGE_TABLES + " thead th")).extracting(WebElement::getText)
        .anySatisfy(h -> assertThat(h).startsWith(column));
  }

  @Test
  void optimisation_runFromThePage_showsTheChosenPortfolioAndTheFrontier() {
    browser.consoleProblems();

    run("optimise/stinger", "optimise", 200, Map.of());

    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    assertChartsComplete("analysis-frontier");
    assertThat(browser.find("#analysis-chosen h2").getText()).startsWith("Best portfolio within USD 500,000,000: ");
    assertThat(browser.find("#analysis-chosen p").getText()).contains("95% interval");
    assertThat(browser.findAll(PAGE_TABLES + " caption")).extracting(WebElement::getText).containsExactly(
        "The chosen portfolio against the runner-up", "The efficient frontier: the best portfolio per budget level");
    browser.screenshot("analysis-optimisation");
  }
}
