package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser (Debian's Chromium, headless) against a real server on port 0 over
 * the bundled dataset: every page loads with no console errors and draws every chart; a scenario
 * edited in the form and run from the page shows its fan charts; two runs compare side by side; a
 * file imports from the Data page and a bad one is refused with its problems; a dataset is removed
 * from the Data page once confirmed. Screenshots go to
 * target/screenshots.
 */
class DashboardBrowserTest {
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

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "overview, /, 3",
      "spending, /spending.html, 2",
      "aid, /aid.html, 3",
      "production, /production.html, 1",
      "munitions, /munitions.html, 3",
      "scenarios, /scenarios.html, 0",
      "data, /data.html, 1"})
  void page_loadsWithoutConsoleErrors_andDrawsEveryChart(String name, String path, int charts) {
    browser.consoleProblems();

    String rendered = browser.open(base + path);

    assertThat(rendered).as("%s: body[data-rendered] (status: %s)", path, browser.find("#status").getText())
        .isEqualTo("yes");
    assertThat(browser.consoleProblems()).as("console errors on %s", path).isEmpty();
    Map<String, Long> pixels = browser.drawnPixels("body");
    assertThat(pixels).as("charts on %s", path).hasSize(charts);
    assertThat(pixels.values()).as("drawn pixels per chart on %s: %s", path, pixels).allMatch(n -> n > DRAWN);
    for (WebElement card : browser.findAll("figure.chart-card")) {
      assertThat(card.findElement(org.openqa.selenium.By.tagName("h2")).getText()).as("chart title").isNotBlank();
      assertThat(card.findElement(org.openqa.selenium.By.cssSelector(".units")).getText()).startsWith("Units: ");
      assertThat(card.findElement(org.openqa.selenium.By.cssSelector("figcaption")).getText()).startsWith("Source: ")
          .hasSizeGreaterThan("Source: ".length() + 3);
      assertThat(card.findElements(org.openqa.selenium.By.tagName("button"))).extracting(WebElement::getText)
          .containsExactly("Download CSV", "Download PNG");
    }
    assertThat(browser.find("nav a[aria-current='page']").getAttribute("href")).endsWith(path.equals("/") ? "/" : path);
    browser.screenshot(name);
  }

  @Test
  void scenario_editedInTheFormAndRun_showsItsFanCharts_andTwoRunsCompare() {
    browser.consoleProblems();
    assertThat(browser.open(base + "/scenarios.html?id=illustrative-manpads")).isEqualTo("yes");

    WebElement initial = browser.find("#f-stocks-0-initial");
    assertThat(initial.getAttribute("value")).isEqualTo("1500");
    initial.clear();
    initial.sendKeys("300", Keys.TAB);
    assertThat(browser.find("#scenario-yaml").getAttribute("value")).contains("initial: 300");
    run(500);

    Map<String, Long> first = browser.drawnPixels("#results");
    assertThat(first).containsKeys("r-fan-0", "r-mtt-0", "r-fan-1", "r-fan-2");
    assertThat(first.values()).as("fan and months-to-target charts drawn: %s", first).allMatch(n -> n > DRAWN);
    assertThat(browser.find("#r-fan-0 .description").getText()).contains("target 2,500 reached in")
        .contains("of runs fall short at least once");
    assertThat(browser.find("#run-progress").getAttribute("value")).isEqualTo("500");
    browser.screenshot("scenario-run");

    WebElement demand = browser.find("#f-stocks-0-demand-0-per_month");
    demand.clear();
    demand.sendKeys("40", Keys.TAB);
    run(500);
    browser.find("#compare").click();
    Map<String, Long> compared = browser.drawnPixels("#comparison");
    assertThat(compared).containsKeys("ca-fan-0", "cb-fan-0");
    assertThat(compared.values()).allMatch(n -> n > DRAWN);
    assertThat(browser.find("#cell-differences").getText()).contains("USA / Shoulder-fired air-defence missile")
        .contains("shortfall risk, A");
    assertThat(browser.find("#input-diff").getText()).contains("stocks[0].demand[0].per_month 10 40");
    assertThat(browser.consoleProblems()).isEmpty();
    browser.screenshot("scenario-compare");
  }

  @Test
  void chart_downloadButtons_saveTheChartsFiguresAsCsv_andTheChartAsPng() {
    assertThat(browser.open(base + "/spending.html?year=2024&vintage=2024-06")).isEqualTo("yes");
    browser.script("""
        window.saved = [];
        window.blobs = [];
        URL.createObjectURL = (blob) => { window.blobs.push(blob); return 'blob:saved-' + window.blobs.length; };
        HTMLAnchorElement.prototype.click = function () { window.saved.push([this.download, this.href]); };""");

    browser.find("#spending-by-ally .actions button:nth-child(1)").click();
    browser.find("#spending-by-ally .actions button:nth-child(2)").click();

    @SuppressWarnings("unchecked")
    java.util.List<java.util.List<String>> saved = (java.util.List<java.util.List<String>>) browser.script(
        "return window.saved;");
    assertThat(saved).extracting(file -> file.get(0)).containsExactly(
        "defence-spending-by-ally-2024-vintage-2024-06.csv", "defence-spending-by-ally-2024-vintage-2024-06.png");
    String csv = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
        "window.blobs[0].text().then(arguments[arguments.length - 1]);");
    assertThat(saved.get(0).get(1)).isEqualTo("blob:saved-1");
    assertThat(csv.lines().findFirst()).hasValue("country,iso3,year,pct_gdp,estimate,vintage_month,source_url");
    assertThat(csv.lines().skip(1)).hasSize(31).anySatisfy(line -> assertThat(line).startsWith("Poland,POL,2024,4.12,"));
    assertThat(saved.get(1).get(1)).startsWith("data:image/png;base64,").hasSizeGreaterThan(20_000);
  }

  @Test
  void exposedServer_changeFromThePage_asksForTheTokenOnce_thenSendsIt() {
    try (ApiFixture exposed = ApiFixture.start(ApiSettings.loopback(0).withToken("s3cret", true))) {
      String page = "http://127.0.0.1:" + exposed.app.port() + "/scenarios.html?id=illustrative-manpads";
      assertThat(browser.open(page)).isEqualTo("yes");
      browser.script("window.asked = 0; window.prompt = () => { window.asked++; return 's3cret'; };");

      browser.find("#validate").click();
      browser.waitFor("document.querySelector('#status.ok, #status.error') ? 'yes' : 'no'", Duration.ofSeconds(10));
      assertThat(browser.find("#status").getText()).startsWith("Valid: Illustrative MANPADS replenishment");
      browser.script("document.getElementById('status').className = 'status';");
      browser.find("#validate").click();
      browser.waitFor("document.querySelector('#status.ok, #status.error') ? 'yes' : 'no'", Duration.ofSeconds(10));

      assertThat(browser.find("#status").getText()).startsWith("Valid:");
      assertThat(((Number) browser.script("return window.asked;")).intValue()).as("asked once, then kept").isEqualTo(1);
      browser.script("sessionStorage.clear();");
    }
  }

  @Test
  void scenario_invalidYaml_showsEveryProblemWithItsPath() {
    assertThat(browser.open(base + "/scenarios.html?id=illustrative-manpads")).isEqualTo("yes");
    WebElement horizon = browser.find("#f-horizon_months");
    horizon.clear();
    horizon.sendKeys("-5", Keys.TAB);

    browser.find("#validate").click();

    browser.waitFor("document.querySelector('#status.error') ? 'yes' : 'no'", Duration.ofSeconds(10));
    assertThat(browser.find("#status").getText()).contains("invalid scenario").contains("horizon_months");
  }

  @Test
  void data_importAFile_addsItsDataset_andABadFileIsRefusedWithItsProblems(@TempDir Path dir) throws IOException {
    assertThat(browser.open(base + "/data.html")).isEqualTo("yes");
    int before = browser.findAll("#datasets tbody tr").size();
    Path bad = dir.resolve("contracts-bad.csv");
    Files.writeString(bad, """
        buyer,agency,item,quantity,value,currency,date,supplier,source_url,note
        Testland,Test agency,Test item,10,lots,EUR,2025-01-01,Test supplier,https://example.org/test,browser test row
        """);
    importFile(bad);
    assertThat(browser.find("#status").getText()).contains("contracts-bad.csv:2:").contains("lots");
    assertThat(browser.findAll("#datasets tbody tr")).hasSize(before);

    Path good = dir.resolve("contracts-good.csv");
    Files.writeString(good, """
        buyer,agency,item,quantity,value,currency,date,supplier,source_url,note
        Testland,Test agency,Test item,10,1000,EUR,2025-01-01,Test supplier,https://example.org/test,browser test row
        """);
    importFile(good);
    browser.waitFor("document.querySelectorAll('#datasets tbody tr').length > " + before + " ? 'yes' : 'no'",
        Duration.ofSeconds(20));
    assertThat(browser.find("#datasets tbody").getText()).contains("contracts-good.csv");
    browser.screenshot("data-import");
  }

  @Test
  void data_removeADataset_asksFirst_cancelKeepsIt_confirmRemovesIt(@TempDir Path dir) throws IOException {
    assertThat(browser.open(base + "/data.html")).isEqualTo("yes");
    Path file = dir.resolve("contracts-to-remove.csv");
    Files.writeString(file, """
        buyer,agency,item,quantity,value,currency,date,supplier,source_url,note
        Removeland,Test agency,Removable item,10,1000,EUR,2025-01-01,Test supplier,https://example.org/rm,browser test row
        """);
    importFile(file);
    browser.waitFor("[...document.querySelectorAll('#datasets tbody tr')].some(r => r.textContent.includes("
        + "'contracts-to-remove.csv')) ? 'yes' : 'no'", Duration.ofSeconds(20));
    String id = (String) browser.script("return [...document.querySelectorAll('#datasets tbody tr')].find(r =>"
        + " r.textContent.includes('contracts-to-remove.csv')).querySelector('button[id^=remove-]').id"
        + ".replace('remove-', '');");

    browser.find("#remove-1").click(); // a bundled one: the question says so; cancelled
    assertThat(browser.find("#datasets tbody").getText()).contains("is bundled with Quartermaster. Remove it");
    browser.find("#cancel-remove-1").click();
    browser.find("#remove-" + id).click();
    assertThat(browser.find("#datasets tbody").getText()).contains("Remove dataset " + id + " and its 1 rows?");
    browser.screenshot("data-remove-asks");
    browser.find("#cancel-remove-" + id).click();
    assertThat(browser.findAll("#confirm-remove-" + id)).isEmpty();
    browser.find("#remove-" + id).click();
    browser.find("#confirm-remove-" + id).click();

    browser.waitFor("document.querySelector('#status.ok') && !document.getElementById('confirm-remove-" + id + "')"
        + " ? 'yes' : 'no'", Duration.ofSeconds(20));
    assertThat(browser.find("#status").getText()).isEqualTo("dataset " + id + " (contracts-to-remove.csv) and its 1"
        + " rows removed");
    assertThat(browser.find("#datasets tbody").getText()).doesNotContain("contracts-to-remove.csv")
        .contains("bundled/aid_to_ukraine.csv");
    assertThat(browser.consoleProblems()).isEmpty();
  }

  @Test
  void data_figuresAlreadyStored_areRefused_andTheReplaceFieldSwapsTheDataset(@TempDir Path dir) throws IOException {
    assertThat(browser.open(base + "/data.html")).isEqualTo("yes");
    String header = "buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n";
    String row = "Twinland,Test agency,Twin item,10,1000,EUR,2025-01-01,Test supplier,https://example.org/twin,";
    Path first = Files.writeString(dir.resolve("twin-first.csv"), header + row + "first copy\n");
    Path second = Files.writeString(dir.resolve("twin-second.csv"), header + row + "second copy\n");
    importFile(first);
    String id = browser.find("#status").getText().replaceAll(".* as dataset (\\d+).*", "$1");

    importFile(second);
    assertThat(browser.find("#status").getText()).contains("1 figure is already in the store")
        .contains("dataset " + id + " twin-first.csv");
    browser.find("#import-replace").sendKeys(id);
    importFile(second);

    assertThat(browser.find("#status").getText()).startsWith("dataset " + id + " (twin-first.csv, 1 rows) removed;");
    assertThat(browser.find("#import-replace").getAttribute("value")).isEmpty();
    browser.waitFor("document.getElementById('remove-" + id + "') ? 'no' : 'yes'", Duration.ofSeconds(20));
    assertThat(browser.find("#datasets tbody").getText()).contains("twin-second.csv").doesNotContain("twin-first.csv");
  }

  private static void importFile(Path file) {
    browser.script("document.getElementById('status').textContent = ''; document.getElementById('status').className = 'status';");
    browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
    browser.find("#import-submit").click();
    browser.waitFor("(s => s.classList.contains('ok') || s.classList.contains('error') ? 'yes' : 'no')"
        + "(document.getElementById('status'))", Duration.ofSeconds(30));
  }

  private static void run(int runs) {
    WebElement field = browser.find("#run-runs");
    field.clear();
    field.sendKeys(String.valueOf(runs));
    browser.script("document.body.dataset.run = '';");
    browser.find("#run").click();
    assertThat(browser.waitFor("document.body.dataset.run", Duration.ofSeconds(60)))
        .as("run finished (status: %s)", browser.find("#status").getText()).isEqualTo("done");
  }
}
