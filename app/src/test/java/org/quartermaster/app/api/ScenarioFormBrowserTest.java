package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.app.api.RunEndpointsTest.awaitTerminal;
import static org.quartermaster.app.api.RunEndpointsTest.startRun;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The Scenarios page in a real browser against a real server: the form names every number with its unit,
 * help and the label its YAML comments give it, and an edit keeps every comment; demand segments and
 * transfers are labelled; an example cannot be saved over or deleted; an invalid edit says what is wrong and
 * marks the charts outdated; a run is saved and reopened from its permalink in a new page; two saved runs
 * compare with every input that differs listed; fan charts carry production, names and a percentile table.
 */
class ScenarioFormBrowserTest {
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

  @BeforeEach
  void clearConsole() {
    browser.consoleProblems();
  }

  @AfterEach
  void noConsoleErrors() {
    assertThat(browser.consoleProblems()).as("console errors (the icon's request included)").isEmpty();
  }

  private static String yaml() {
    return browser.find("#scenario-yaml").getAttribute("value");
  }

  private static long comments(String text) {
    return text.chars().filter(c -> c == '#').count();
  }

  private static String field(String id) {
    return browser.find("#" + id).findElement(By.xpath("ancestor::div[contains(@class,'form-field')]")).getText();
  }

  private static WebElement badge(String id) {
    return browser.find("#" + id).findElement(By.xpath("ancestor::div[contains(@class,'form-field')]//span[contains(@class,'badge')]"));
  }

  @Test
  void form_editAField_keepsEveryCommentAndTheLayoutAndSetsTheNewValue() {
    assertThat(browser.open(base + "/scenarios.html?id=stinger-nspa")).isEqualTo("yes");
    String before = yaml();
    assertThat(comments(before)).isGreaterThan(100);

    WebElement initial = browser.find("#f-stocks-0-initial");
    initial.clear();
    initial.sendKeys("1234", Keys.TAB);

    String after = yaml();
    assertThat(comments(after)).isEqualTo(comments(before));
    assertThat(after).isEqualTo(before.replaceFirst("initial: 1500\n", "initial: 1234\n"));
    assertThat(field("f-stocks-0-initial")).contains("Initial stock").contains("stocks[0].initial").contains("missiles")
        .contains("Stock at the start");
    assertThat(badge("f-stocks-0-initial").getText()).isEqualTo("ASSUMPTION");
    assertThat(badge("f-stocks-0-initial").getAttribute("title")).startsWith("ASSUMPTION (not public): US stock");
    assertThat(badge("f-stocks-1-target").getText()).isEqualTo("SOURCED");
    assertThat(badge("f-items-0-unit_cost_usd").getText()).isEqualTo("DERIVED");
    assertThat(badge("f-lines-1-base_per_month").getText()).isEqualTo("SOURCED");
    assertThat(browser.find("#f-lines-1-base_per_month").findElement(By.xpath(
        "ancestor::div[contains(@class,'form-field')]//a[contains(@class,'source-link')]")).getAttribute("href"))
        .startsWith("https://esut.de/");
    assertThat(badge("f-lines-0-surge_per_month").getText()).isEqualTo("ASSUMPTION");
    assertThat(badge("f-runs").getText()).isEqualTo("SETTING");
    assertThat(field("f-lines-0-surge_per_month")).contains("Full rate").contains("missiles a month");
    browser.screenshot("scenario-form", "#scenario-form fieldset:nth-of-type(3)");
  }

  @Test
  void form_demandSegmentsAndTransfers_areLabelledWithTheirNumbers() {
    assertThat(browser.open(base + "/scenarios.html?id=us-155mm-shells")).isEqualTo("yes");

    String form = browser.find("#scenario-form").getText();

    assertThat(form).doesNotContain("undefined");
    assertThat(field("f-stocks-1-demand-1-per_month")).contains("Demand, segment 2").contains("rounds a month");
    assertThat(field("f-stocks-1-demand-1-from")).contains("From month, segment 2");
    assertThat(browser.findAll("#scenario-form h3.form-entry")).extracting(WebElement::getText)
        .contains("Stock of Ukraine / 155 mm artillery round (complete)")
        .anySatisfy(t -> assertThat(t).startsWith("transfers[0]: United States → Ukraine"))
        .anySatisfy(t -> assertThat(t).startsWith("transfers[1]: United States → Ukraine"));
  }

  @Test
  void builtScenario_everyNumberHasTheLabelTheBuildGaveIt_sourcedOnesWithTheirStoredRows() {
    String request = """
        {"item":"stinger","holders":["USA","UKR"],"start":"2022-03","horizon":48,"rate_basis":"actual","assume":{}}""";
    String answer = api.post("/api/v1/scenarios/build", "application/json", request).body();
    com.fasterxml.jackson.databind.JsonNode built = ApiFixture.json(answer);
    assertThat(browser.open(base + "/scenarios.html")).isEqualTo("yes");
    browser.script("const built = JSON.parse(arguments[0]); built.request = JSON.parse(arguments[1]);"
        + " sessionStorage.setItem('qm-built-scenario', JSON.stringify(built));", answer, request);

    assertThat(browser.open(base + "/scenarios.html#built")).isEqualTo("yes");
    browser.driver.navigate().refresh();
    assertThat(browser.waitFor("document.body.dataset.rendered", Duration.ofSeconds(60))).isEqualTo("yes");

    List<String> badges = browser.findAll("#scenario-form .badge").stream().map(WebElement::getText).toList();
    assertThat(badges).filteredOn("SOURCED"::equals).hasSize(built.path("sourced").size());
    assertThat(badges).filteredOn("ASSUMPTION"::equals).hasSize(built.path("assumptions").size());
    assertThat(badges).doesNotContain("NO LABEL");
    assertThat(browser.findAll("#scenario-form .form-label a.row-ref")).isNotEmpty()
        .allSatisfy(a -> assertThat(a.getAttribute("href")).matches(".*/api/v1/datasets/\\d+"));
    browser.script("sessionStorage.clear();");
  }

  @Test
  void example_saveAndDeleteAreDisabledWithTheReason() {
    assertThat(browser.open(base + "/scenarios.html?id=illustrative-manpads")).isEqualTo("yes");

    assertThat(browser.find("#save").isEnabled()).isFalse();
    assertThat(browser.find("#delete").isEnabled()).isFalse();
    assertThat(browser.find("#save").getAttribute("title")).contains("read-only");
    assertThat(browser.find("#read-only-note").getText()).contains("bundled example is read-only").contains("Save as new");
    assertThat(browser.find("#save-new").isEnabled()).isTrue();
  }

  @Test
  void invalidEdit_progressSaysWhatIsWrong_andTheChartsAreMarkedOutdated() {
    assertThat(browser.open(base + "/scenarios.html?id=illustrative-manpads")).isEqualTo("yes");
    runDeterministic();
    assertThat(browser.find("#results-outdated").isDisplayed()).isFalse();

    WebElement initial = browser.find("#f-stocks-0-initial");
    initial.clear();
    initial.sendKeys(Keys.TAB);

    assertThat(browser.find("#run-progress-text").getText()).startsWith("Cannot run: stocks[0].initial")
        .contains("not a number");
    assertThat(browser.find("#run").isEnabled()).isFalse();
    assertThat(browser.find("#results-outdated").getText()).startsWith("Outdated: the scenario has changed");
    assertThat(browser.find("#results").getAttribute("class")).contains("outdated");

    browser.find("#tab-yaml").click();
    WebElement text = browser.find("#scenario-yaml");
    text.clear();
    text.sendKeys("name: [unclosed");
    assertThat(browser.find("#run-progress-text").getText()).startsWith("Cannot run: the YAML does not parse");
  }

  @Test
  void fanChart_namesUnitsProductionAndPercentileTable() {
    assertThat(browser.open(base + "/scenarios.html?id=stinger-nspa")).isEqualTo("yes");

    runDeterministic();

    assertThat(browser.find("#r-fan-0 h2").getText()).isEqualTo("United States / FIM-92 Stinger: closing stock");
    assertThat(browser.find("#r-fan-0 .units").getText()).startsWith("Units: missiles of FIM-92 Stinger")
        .contains("expected production in missiles a month");
    @SuppressWarnings("unchecked")
    List<Object> production = (List<Object>) browser.script("""
        const option = echarts.getInstanceByDom(document.querySelector('#r-fan-0 .chart')).getOption();
        return option.series.find((s) => s.name.startsWith('expected production')).data;""");
    // lines[0]: base 0, full rate 6 from month 5 + expected delay 8 = 13, over 6 months, disruption 5% x 0.5
    assertThat(((Number) production.get(12)).doubleValue()).isZero();
    assertThat(((Number) production.get(30)).doubleValue()).isCloseTo(6 * (1 - 0.05 * 0.5), org.assertj.core.data.Offset.offset(1e-9));
    browser.find("#r-pct-0 summary").click();
    List<WebElement> header = browser.findAll("#r-pct-0 thead th");
    assertThat(header).extracting(WebElement::getText).containsExactly("month", "P5 (missiles)", "P50 (missiles)",
        "P95 (missiles)", "mean (missiles)", "expected production (missiles a month)");
    assertThat(browser.findAll("#r-pct-0 tbody tr")).hasSize(66);
    browser.screenshot("scenario-fan", "#r-fan-0");
  }

  @Test
  void run_savedUnderAName_isReopenedFromItsPermalinkInANewPage() {
    assertThat(browser.open(base + "/scenarios.html?id=illustrative-manpads")).isEqualTo("yes");
    WebElement initial = browser.find("#f-stocks-0-initial");
    initial.clear();
    initial.sendKeys("700", Keys.TAB);
    runDeterministic();
    String ran = yaml();
    WebElement name = browser.find("#run-name");
    name.clear();
    name.sendKeys("MANPADS with 700 at the start");

    browser.find("#save-run").click();
    browser.waitFor("document.getElementById('run-permalink') ? 'yes' : 'no'", Duration.ofSeconds(20));
    String link = browser.find("#run-permalink").getAttribute("href");
    assertThat(link).matches(".*/scenarios\\.html\\?run=\\d+");
    assertThat(browser.find("#saved-run-table").getText()).contains("MANPADS with 700 at the start");
    String original = browser.driver.getWindowHandle();
    browser.driver.switchTo().newWindow(WindowType.TAB);
    try {
      assertThat(browser.open(link)).isEqualTo("yes");

      assertThat(browser.find("#status").getText()).contains("Saved run “MANPADS with 700 at the start”");
      assertThat(yaml()).isEqualTo(ran);
      assertThat(browser.find("#r-fan-0 h2").getText()).isEqualTo("USA / Shoulder-fired air-defence missile: closing stock");
      assertThat(browser.drawnPixels("#results").values()).allMatch(n -> n > 1500);
      assertThat(browser.find("#save").isEnabled()).isFalse();
      assertThat(browser.consoleProblems()).isEmpty();
    } finally {
      browser.driver.close();
      browser.driver.switchTo().window(original);
    }
  }

  @Test
  void comparison_ofTwoSavedRuns_listsEveryInputThatDiffers_fromItsPermalink() throws Exception {
    String scenario = ApiFixture.json(api.get("/api/v1/scenarios/illustrative-manpads")).get("yaml").asText();
    String changed = scenario.replace("initial: 1500", "initial: 300").replace("quantity: 500", "quantity: 800");
    long a = saved("Baseline", scenario, 3);
    long b = saved("Fewer at the start, bigger transfer", changed, 4);

    assertThat(browser.open(base + "/scenarios.html?run=" + a + "&compare=" + b)).isEqualTo("yes");
    browser.waitFor("document.getElementById('input-diff') ? 'yes' : 'no'", Duration.ofSeconds(30));

    List<String> rows = browser.findAll("#input-diff tbody tr").stream().map(WebElement::getText).toList();
    assertThat(rows).containsExactly("stocks[0].initial 1,500 300", "transfers[0].quantity 500 800", "(run) seed 3 4");
    assertThat(browser.findAll("#input-diff thead th")).extracting(WebElement::getText)
        .containsExactly("input", "A: Baseline", "B: Fewer at the start, bigger transfer");
    List<String> sides = browser.findAll("#comparison h3").stream().map(WebElement::getText).toList();
    assertThat(sides).hasSize(2);
    assertThat(sides.get(0)).startsWith("A: Baseline · ").endsWith("300 runs, seed 3");
    assertThat(sides.get(1)).startsWith("B: Fewer at the start, bigger transfer · ").endsWith("300 runs, seed 4");
    assertThat(browser.find("#compare-permalink").getAttribute("href")).endsWith("/scenarios.html?run=" + a + "&compare=" + b);
    assertThat(browser.drawnPixels("#comparison")).containsKeys("ca-fan-0", "cb-fan-0");
    browser.screenshot("scenario-saved-compare");
  }

  /** A run made and saved through the API; its id. */
  private static long saved(String name, String yaml, long seed) throws InterruptedException {
    String run = startRun(api, Map.of("yaml", yaml, "runs", 300, "seed", seed));
    assertThat(awaitTerminal(api, run).get("status").asText()).isEqualTo("done");
    return ApiFixture.json(api.postJson(SavedRunEndpoints.PATH, Map.of("name", name, "run_id", run))).get("id").asLong();
  }

  private static void runDeterministic() {
    browser.script("document.getElementById('run-deterministic').checked = true; document.body.dataset.run = '';");
    browser.find("#run").click();
    assertThat(browser.waitFor("document.body.dataset.run", Duration.ofSeconds(60)))
        .as("run finished (status: %s)", browser.find("#status").getText()).isEqualTo("done");
  }
}
