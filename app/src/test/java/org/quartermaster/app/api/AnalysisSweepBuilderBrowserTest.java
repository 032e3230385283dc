package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The Analysis page's sweep builder in a real browser against a real server on port 0: a scenario picked
 * from GET /api/v1/scenarios, two of its numbers ticked with a range and a list of levels, the sweep file
 * the page writes (compared with the expected text), the sweep run as a job and its chart and table, and
 * a bad range refused by the form and by the server, each naming the parameter.
 */
class AnalysisSweepBuilderBrowserTest {
  private static final String PAGE_TABLES = "#analysis-results table:not(.chart-table table)";
  private static final String SURGE = "lines[us-155-total].surge_per_month";
  private static final String SURGE_ID = "sweep-lines-us-155-total-surge_per_month";
  private static final String TRANSFER_ID = "sweep-transfers-1-quantity";

  /** The file for the picks of {@link #builtGridSweep_writesTheFile_runsIt_andShowsEveryVariant}, worked by hand. */
  private static final String EXPECTED_YAML = """
      # A sweep of US 155 mm shells - production ramp vs US stocks and supply to Ukraine, written by the Analysis page (docs/analysis.md).
      # The ranges and levels are ASSUMPTIONS for the analysis unless a source is given here.
      saved: us-155mm-shells
      design: grid
      runs: 20
      seed: 42
      parameters:
        - path: lines[us-155-total].surge_per_month
          range: {low: 70000, high: 100000, steps: 2}
        - path: transfers[1].quantity
          values: [150000, 300000]
      metrics:
        - expected_unmet_demand
        - shortfall_probability
      """;

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

  /** Opens the page and picks the US 155 mm example in the builder; waits for its numbers. */
  private static void pickScenario() {
    assertThat(browser.open(base + "/analysis.html")).as("status: %s", browser.find("#status").getText())
        .isEqualTo("yes");
    browser.script("""
        const s = document.getElementById('sweep-scenario');
        s.value = 'us-155mm-shells';
        s.dispatchEvent(new Event('change'));""");
    assertThat(browser.waitFor("document.querySelectorAll('.sweep-parameter').length > 0 ? 'yes' : 'no'",
        Duration.ofSeconds(30))).isEqualTo("yes");
  }

  /** Types into an input as a user does (the page listens to input events). */
  private static void type(String id, String value) {
    browser.script("""
        const input = document.getElementById(arguments[0]);
        input.value = arguments[1];
        input.dispatchEvent(new Event('input'));""", id, value);
  }

  private static void tick(String id) {
    browser.find("#" + id).click();
  }

  private static String yaml() {
    return browser.find("#analysis-yaml").getAttribute("value");
  }

  @Test
  void builder_listsTheScenariosSweepableNumbers_withNamesUnitsAndLabels() {
    browser.consoleProblems();

    pickScenario();

    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    List<String> paths = browser.findAll(".sweep-parameter").stream().map(r -> r.getAttribute("data-path")).toList();
    assertThat(paths).contains(SURGE, "lines[us-155-total].ramp_delay_months.mode",
        "lines[us-155-total].disruption.probability", "stocks[USA/shell-155].initial",
        "stocks[UKR/shell-155].demand[1].per_month", "transfers[1].quantity");
    assertThat(paths).as("shares, months and run settings are not parameters")
        .noneMatch(p -> p.contains("shares") || p.endsWith(".month") || p.endsWith(".from") || p.equals("runs"));
    WebElement surge = browser.find(".sweep-parameter[data-path='" + SURGE + "']");
    assertThat(surge.getText()).contains("Full rate", "rounds a month").containsAnyOf("SOURCED", "ASSUMPTION");
    assertThat(browser.find("label[for='" + SURGE_ID + "']").getText()).contains("Full rate", SURGE);
    assertThat(yaml()).startsWith("# A sweep of US 155 mm shells").contains("saved: us-155mm-shells\n",
        "parameters: []\n");
    assertThat(browser.find("#analysis-kind").getAttribute("value")).isEqualTo("sweep");
  }

  @Test
  void builtGridSweep_writesTheFile_runsIt_andShowsEveryVariant() {
    browser.consoleProblems();
    pickScenario();

    tick(SURGE_ID);
    type(SURGE_ID + "-low", "70000");
    type(SURGE_ID + "-high", "100000");
    type(SURGE_ID + "-steps", "2");
    tick(TRANSFER_ID);
    type(TRANSFER_ID + "-levels", "150000, 300000");
    type("sweep-runs", "20");

    assertThat(yaml()).isEqualTo(EXPECTED_YAML);
    browser.find("#analysis-run").click();
    assertThat(browser.waitFor("document.body.dataset.analysis", Duration.ofSeconds(240)))
        .as("status: %s", browser.find("#status").getText()).isEqualTo("done");
    assertThat(browser.waitFor("[...document.querySelectorAll('figure.chart-card')].every(f => f.dataset.drawn"
        + " === 'yes') ? 'yes' : 'no'", Duration.ofSeconds(30))).isEqualTo("yes");

    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    assertThat(browser.drawnPixels("#analysis-results")).containsOnlyKeys("analysis-sweep")
        .allSatisfy((chart, pixels) -> assertThat(pixels).isGreaterThan(1500));
    assertThat(browser.findAll(PAGE_TABLES + " thead th")).extracting(WebElement::getText)
        .startsWith("variant", SURGE, "transfers[1].quantity");
    List<String> variants = browser.findAll(PAGE_TABLES + " tbody tr").stream()
        .map(r -> r.getText().replaceAll("\\s+", " ")).toList();
    assertThat(variants).hasSize(4);
    assertThat(variants.get(0)).startsWith("0 70,000 150,000");
    assertThat(variants.get(3)).startsWith("3 100,000 300,000");
    assertThat(browser.find("#analysis-progress").getAttribute("value")).isEqualTo("4");

    // a scatter of any parameter against any metric: both axes are chosen on the page
    browser.script("""
        const pick = (id, value) => {
          const s = document.getElementById(id);
          s.value = value;
          s.dispatchEvent(new Event('change'));
        };
        pick('sweep-parameter', 'transfers[1].quantity');
        pick('sweep-metric', 'shortfall_probability');""");
    assertThat(browser.waitFor("document.querySelector('#analysis-sweep').dataset.drawn", Duration.ofSeconds(30)))
        .isEqualTo("yes");
    assertThat(browser.find("#analysis-sweep h2").getText())
        .isEqualTo("shortfall_probability of USA/shell-155 against transfers[1].quantity");
    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    browser.screenshot("analysis");
  }

  @Test
  void highBelowLow_isNamedByTheForm_andByTheServersMessage() {
    browser.consoleProblems();
    pickScenario();

    tick(SURGE_ID);
    type(SURGE_ID + "-low", "100000");
    type(SURGE_ID + "-high", "70000");

    assertThat(browser.find("#" + SURGE_ID + "-problem").getText()).isEqualTo(SURGE
        + ": the high end (70000) must be at least the low end (100000)");
    assertThat(browser.find("#" + SURGE_ID + "-high").getAttribute("aria-invalid")).isEqualTo("true");
    browser.find("#analysis-run").click();
    assertThat(browser.waitFor("document.body.dataset.analysis", Duration.ofSeconds(60))).isEqualTo("error");
    assertThat(browser.find("#sweep-problems").getText())
        .contains("parameters[0].range.high '70000': must be at least low (100000)");
    assertThat(browser.find("#" + SURGE_ID + "-problem").getText())
        .contains("parameters[0].range.high '70000': must be at least low (100000) (" + SURGE + ")");
    assertThat(browser.consoleProblems()).as("only the refused request")
        .allMatch(m -> m.contains("/api/v1/sweeps") && m.contains("400"));
  }

  @Test
  void builtFile_runsAsATornado_overTheSameRanges() {
    browser.consoleProblems();
    pickScenario();
    tick(SURGE_ID);
    type(SURGE_ID + "-low", "70000");
    type(SURGE_ID + "-high", "100000");
    tick(TRANSFER_ID);
    type(TRANSFER_ID + "-levels", "150000, 300000");
    type("sweep-runs", "20");
    browser.script("""
        const s = document.getElementById('analysis-kind');
        s.value = 'tornado';
        s.dispatchEvent(new Event('change'));""");

    browser.find("#analysis-run").click();
    assertThat(browser.waitFor("document.body.dataset.analysis", Duration.ofSeconds(240)))
        .as("status: %s", browser.find("#status").getText()).isEqualTo("done");
    assertThat(browser.waitFor("document.querySelector('#analysis-tornado').dataset.drawn", Duration.ofSeconds(30)))
        .isEqualTo("yes");

    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    assertThat(browser.find("#analysis-tornado h2").getText())
        .isEqualTo("Tornado: expected_unmet_demand for USA/shell-155");
    assertThat(browser.findAll(PAGE_TABLES + " tbody tr td:nth-child(2)")).extracting(WebElement::getText)
        .containsExactlyInAnyOrder(SURGE, "transfers[1].quantity");
    assertThat(browser.find("#analysis-progress").getAttribute("value")).isEqualTo("5");
  }

  @Test
  void builder_at390Pixels_fitsTheScreen_andLabelsEveryControl() {
    browser.phone(390);
    try {
      pickScenario();
      tick(SURGE_ID);
      tick(TRANSFER_ID);

      Object wide = browser.script("""
          return [...document.querySelectorAll('#sweep-builder *')].filter(e => e.getBoundingClientRect().right > 391)
            .map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 5);""");
      assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
          .as("page width at 390 px (wider elements: %s)", wide).isLessThanOrEqualTo(390);
      assertThat(browser.script("""
          return [...document.querySelectorAll('#sweep-builder select, #sweep-builder input')]
            .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.tagName + '#' + e.id);"""))
          .as("controls without a label").asList().isEmpty();
    } finally {
      browser.desktop();
    }
  }

  @Test
  void sampledDesign_writesItsPoints_dropsTheGridSteps_andRuns() {
    browser.consoleProblems();
    pickScenario();
    tick(SURGE_ID);
    type(SURGE_ID + "-low", "70000");
    type(SURGE_ID + "-high", "100000");
    browser.script("""
        const s = document.getElementById('sweep-design');
        s.value = 'sobol';
        s.dispatchEvent(new Event('change'));""");
    type("sweep-points", "4");
    type("sweep-runs", "10");

    assertThat(browser.find("#" + SURGE_ID + "-steps").isDisplayed()).isFalse();
    assertThat(yaml()).contains("design: {type: sobol, points: 4}\n", "runs: 10\n",
        "  - path: lines[us-155-total].surge_per_month\n    range: {low: 70000, high: 100000}\n");
    browser.find("#analysis-run").click();
    assertThat(browser.waitFor("document.body.dataset.analysis", Duration.ofSeconds(240)))
        .as("status: %s", browser.find("#status").getText()).isEqualTo("done");
    assertThat(browser.findAll(PAGE_TABLES + " tbody tr")).hasSize(4);
    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
  }
}
