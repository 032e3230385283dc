package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.HttpMethod;

/**
 * The Munitions page, the Production page's item list and the fan chart's transfer markers in a real
 * browser (Debian's Chromium, headless) against a real server on port 0 over the bundled dataset.
 * POST /api/v1/scenarios/build is answered in the browser (request interception) with a response of
 * the endpoint's contract, so the page's side of "build a scenario" is tested on its own.
 */
class MunitionsBrowserTest {
  /** A drawn chart has thousands of non-white pixels; axes and labels alone a few hundred. */
  private static final long DRAWN = 1500;
  private static final Pattern ROW = Pattern.compile("d(\\d+):r(\\d+)");
  /** What POST /api/v1/scenarios/build answers, in its contract's shape: a small valid Stinger scenario with one transfer. */
  private static final String BUILT = ApiFixture.toJson(Map.of(
      "item", Map.of("id", "stinger", "name", "FIM-92 Stinger", "unit", "missiles"),
      "yaml", """
          # FIM-92 Stinger, built from the store (numbers marked ASSUMPTION have no public source)
          name: FIM-92 Stinger, built from the store
          horizon_months: 48
          start: 2025-01
          items: [{id: stinger, name: FIM-92 Stinger}]
          holders: [{id: USA}, {id: UKR}]
          lines:
            - {id: usa-stinger, item: stinger, base_per_month: 0, surge_per_month: 60, ramp_start_month: 12,
               ramp_months: 24, shares: {USA: 1}}   # base: Raytheon 2003 (d3:r24); surge: ASSUMPTION
          stocks:
            - {holder: USA, item: stinger, initial: 1500, target: 2000}   # ASSUMPTION: no stockpile level is public
          transfers:
            - {from: USA, to: UKR, item: stinger, month: 3, quantity: 200}   # ASSUMPTION
          """,
      "assumptions", List.of(
          Map.of("path", "stocks[0].initial", "value", 1500, "rationale", "No stockpile level is public", "set_by_user", false),
          Map.of("path", "transfers[0].quantity", "value", 200, "rationale", "A package the size of 2024's", "set_by_user", false)),
      "sourced", List.of(Map.of("path", "lines[0].base_per_month", "value", 0, "source",
          Map.of("publisher", "Raytheon (RTX)", "title", "Defense One interview", "date", "2023-06", "url",
              "https://example.org/rtx")))));

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
  @CsvSource({"stinger, FIM-92 Stinger, missiles", "javelin, FGM-148 Javelin, missiles",
      "shell-155, 155 mm artillery round (complete), rounds"})
  void munitionsPage_loadsForAMunition_drawsItsChartsUnderItsName_withNoConsoleErrors(String id, String name, String unit) {
    browser.consoleProblems();

    String rendered = browser.open(base + "/munitions.html?item=" + id);

    assertThat(rendered).as("body[data-rendered] (status: %s)", browser.find("#status").getText()).isEqualTo("yes");
    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    Map<String, Long> pixels = browser.drawnPixels("body");
    assertThat(pixels).containsOnlyKeys("munition-rates", "munition-flows");
    assertThat(pixels.values()).as("drawn pixels per chart: %s", pixels).allMatch(n -> n > DRAWN);
    assertThat(browser.find("#item option:checked").getText()).isEqualTo(name + " (" + unit + ")");
    assertThat(browser.find("#munition-rates h2").getText()).isEqualTo(name + ": production rate over time");
    assertThat(browser.find("#munition-flows h2").getText()).isEqualTo(name + ": produced, transferred and contracted per year");
    assertThat(browser.find("#munition-rates .units").getText()).isEqualTo("Units: " + unit + " per month");
    assertThat(browser.find("#munition-flows .units").getText()).isEqualTo("Units: " + unit + " per year");
    for (WebElement card : browser.findAll("figure.chart-card")) {
      assertThat(card.findElement(By.cssSelector("figcaption")).getText()).startsWith("Source: ").hasSizeGreaterThan(20);
      assertThat(card.findElements(By.tagName("button"))).extracting(WebElement::getText)
          .containsExactly("Download CSV", "Download PNG");
    }
    assertThat(browser.findAll("caption")).extracting(WebElement::getText).isNotEmpty()
        .allSatisfy(caption -> assertThat(caption).startsWith(name).doesNotContain("(" + id + ")"));
    assertThat(browser.findAll("a.row-ref")).as("source links").isNotEmpty()
        .allSatisfy(link -> assertThat(link.getAttribute("data-found")).as(link.getText()).isEqualTo("yes"));
    assertThat(browser.find("#build-title").getText()).isEqualTo("Build a scenario for " + name);
    browser.screenshot("munitions-" + id);
  }

  @Test
  void munitionsPage_javelin_yearsToReplaceShowsEveryBasis_withTheCsisLineAtSevenYears() {
    assertThat(browser.open(base + "/munitions.html?item=javelin")).isEqualTo("yes");

    List<Map<String, String>> rows = table("#years-to-replace table");
    assertThat(rows).filteredOn(r -> r.get("quantity: series").equals("delivered, cumulative"))
        .extracting(r -> r.get("supplier") + " " + r.get("quantity (missiles)") + " / " + r.get("basis") + " "
            + r.get("rate (missiles per year)") + " = " + r.get("years to replace (years)"))
        .containsExactly("USA 7,000 / actual 1,000 = 7.0", "USA 7,000 / capacity 2,100 = 3.3", "USA 7,000 / target 4,000 = 1.8");
    assertThat(rows).extracting(r -> r.get("basis")).contains("actual", "capacity", "target");
    assertThat(rows.getFirst()).containsKeys("window", "quantity: how", "quantity: source rows", "rate as written",
        "rate dated", "rate: source rows");
  }

  @Test
  void munitionsPage_sourceLink_opensTheSourceOfTheRowItNames() {
    assertThat(browser.open(base + "/munitions.html?item=javelin")).isEqualTo("yes");
    WebElement csisLine = browser.findAll("#years-to-replace tbody tr").getFirst();
    WebElement rate = csisLine.findElement(By.cssSelector("td:nth-child(11) a.row-ref"));
    WebElement quantity = csisLine.findElement(By.cssSelector("td:nth-child(6) a.row-ref"));

    JsonNode rateRow = stored("/api/v1/exports/production?format=json", rate.getText());
    assertThat(rateRow.path("value_low").asDouble()).isEqualTo(1000.0);
    assertThat(rateRow.path("kind").asText()).isEqualTo("actual");
    assertThat(rate.getAttribute("href")).isEqualTo(rateRow.path("source_url").asText()).startsWith("http");
    assertThat(rate.getAttribute("title")).contains("CSIS").contains("row " + rateRow.path("file_row").asInt())
        .contains("1000");
    JsonNode quantityRow = stored("/api/v1/transfers?item=javelin", quantity.getText());
    assertThat(quantityRow.path("quantity_low").asDouble()).isEqualTo(7000.0);
    assertThat(quantity.getAttribute("href")).isEqualTo(quantityRow.path("source_url").asText());
  }

  @Test
  void munitionsPage_chainWithABacklog_drawsItsChartAndTable() {
    ArrayNode chain = (ArrayNode) ApiFixture.json(api.get("/api/v1/items/javelin/chain"));
    chain.add(ApiFixture.json("""
        {"title": "Backlog of FGM-148 Javelin", "columns": [{"name": "year", "unit": null}, {"name": "buyer", "unit": null},
          {"name": "backlog", "unit": "missiles"}, {"name": "rows", "unit": null}],
         "rows": [{"year": 2023, "buyer": "USA", "backlog": 1200, "rows": "d4:r12"},
                  {"year": 2024, "buyer": "USA", "backlog": 800, "rows": "d4:r12"}],
         "sources": [], "notes": ["backlog: ordered less delivered by the end of the year"]}"""));
    try (NetworkInterceptor stub = browser.stub(HttpMethod.GET, "/api/v1/items/javelin/chain", 200, chain.toString(),
        new ArrayList<>())) {
      assertThat(browser.open(base + "/munitions.html?item=javelin")).isEqualTo("yes");
    }

    assertThat(browser.drawnPixels("body")).containsOnlyKeys("munition-rates", "munition-flows", "munition-backlog")
        .allSatisfy((card, pixels) -> assertThat(pixels).as(card).isGreaterThan(DRAWN));
    assertThat(browser.find("#munition-backlog h2").getText()).isEqualTo("FGM-148 Javelin: backlog");
    assertThat(table("#munition-backlog + .table-wrap table")).extracting(r -> r.get("year") + " " + r.get("backlog (missiles)"))
        .containsExactly("2023 1,200", "2024 800");
  }

  @Test
  void productionPage_itemList_hasEveryMunitionWithProductionRows_underItsCatalogueName() {
    Map<String, Integer> productionRows = new LinkedHashMap<>();
    for (JsonNode item : ApiFixture.json(api.get("/api/v1/items")).path("rows")) {
      if (item.path("appears_in").asText().equals("production")) {
        productionRows.put(item.path("item").asText(), item.path("rows").asInt());
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (JsonNode munition : ApiFixture.json(api.get("/api/v1/munitions")).path("rows")) {
      int rows = Pattern.compile("; ").splitAsStream(munition.path("names_in_store").asText())
          .mapToInt(name -> productionRows.getOrDefault(name, 0)).sum();
      if (rows > 0) {
        expected.put(munition.path("id").asText(), munition.path("name").asText() + " (" + rows + " figures)");
      }
    }
    assertThat(expected).containsEntry("stinger", "FIM-92 Stinger (2 figures)")
        .containsEntry("shell-155", "155 mm artillery round (complete) (19 figures)").hasSize(15);

    assertThat(browser.open(base + "/production.html")).isEqualTo("yes");

    Map<String, String> listed = new LinkedHashMap<>();
    browser.findAll("#item option").forEach(o -> listed.put(o.getAttribute("value"), o.getText()));
    assertThat(listed).containsAllEntriesOf(expected);
    assertThat(listed).containsEntry("artillery shells", "artillery shells — not in the munition catalogue (3 figures)");
    new org.openqa.selenium.support.ui.Select(browser.find("#item")).selectByValue("stinger");
    assertThat(browser.find("table caption").getText()).startsWith("FIM-92 Stinger: its figures");
    assertThat(browser.findAll("table")).first().satisfies(t -> assertThat(t.getText()).contains("months lead time")
        .contains("no: not a rate per day, month or year"));
  }

  @Test
  void buildAScenario_postsTheFormToTheBuildRoute_thenTheScenariosPageShowsTheYamlAndItsAssumptions() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    assertThat(browser.open(base + "/munitions.html?item=stinger")).isEqualTo("yes");
    try (NetworkInterceptor stub = browser.stub(HttpMethod.POST, "/api/v1/scenarios/build", 200, BUILT, requests)) {
      WebElement holders = browser.find("#build-holders");
      holders.clear();
      holders.sendKeys("USA, UKR");
      browser.script("document.getElementById('build-start').value = '2025-01';");
      WebElement horizon = browser.find("#build-horizon");
      horizon.clear();
      horizon.sendKeys("48");
      new org.openqa.selenium.support.ui.Select(browser.find("#build-rate-basis")).selectByValue("capacity");
      browser.find("#build-submit").click();
      browser.waitFor("location.hash === '#built' && document.body.dataset.rendered", Duration.ofSeconds(60));
    }

    assertThat(requests).hasSize(1);
    assertThat(ApiFixture.json(requests.getFirst())).isEqualTo(ApiFixture.json("""
        {"item": "stinger", "holders": ["USA", "UKR"], "start": "2025-01", "horizon": 48, "rate_basis": "capacity", "assume": {}}"""));
    assertThat(browser.find("body").getAttribute("data-rendered")).isEqualTo("yes");
    assertThat(browser.find("#scenario-yaml").getAttribute("value")).startsWith("# FIM-92 Stinger, built from the store");
    assertThat(browser.find("#built h2").getText()).isEqualTo("Built from the store: FIM-92 Stinger (missiles)");
    assertThat(table("#built table")).extracting(r -> r.get("path") + "=" + r.get("value") + ": " + r.get("ASSUMPTION: rationale"))
        .containsExactly("stocks[0].initial=1,500: No stockpile level is public", "transfers[0].quantity=200: A package the size of 2024's");
    assertThat(browser.find("#built").getText()).contains("Raytheon (RTX)");
    assertThat(browser.find("#status").getText()).startsWith("Built a scenario for FIM-92 Stinger: 2 assumptions, 1 sourced numbers");
    browser.screenshot("scenario-built");

    runDeterministic();
    assertThat(transferMarks("r-fan-0")).containsExactly("2025-04: −200 to UKR");
  }

  @Test
  void buildAScenario_refused_showsTheProblemsOnTheMunitionsPage() throws Exception {
    assertThat(browser.open(base + "/munitions.html?item=javelin")).isEqualTo("yes");
    String problem = """
        {"status": 400, "message": "cannot build a scenario: 1 problem",
         "problems": [{"path": "holders", "value": "XX", "message": "unknown holder; expected a country code such as USA"}]}""";
    try (NetworkInterceptor stub = browser.stub(HttpMethod.POST, "/api/v1/scenarios/build", 400, problem, new ArrayList<>())) {
      WebElement holders = browser.find("#build-holders");
      holders.clear();
      holders.sendKeys("XX");
      browser.find("#build-submit").click();
      browser.waitFor("document.querySelector('#status.error') ? 'yes' : 'no'", Duration.ofSeconds(30));
    }

    assertThat(browser.find("#status").getText()).contains("cannot build a scenario").contains("holders 'XX'")
        .contains("unknown holder");
    assertThat(browser.find("#build-submit").isEnabled()).isTrue();
  }

  @Test
  void fanChart_ofAnExampleWithATransfer_marksItOnBothCells() {
    assertThat(browser.open(base + "/scenarios.html?id=illustrative-manpads")).isEqualTo("yes");

    runDeterministic();

    assertThat(browser.find("#r-fan-0 h2").getText()).isEqualTo("USA / manpads: closing stock");
    assertThat(transferMarks("r-fan-0")).containsExactly("2024-09: −500 to UKR");
    assertThat(browser.find("#r-fan-2 h2").getText()).isEqualTo("UKR / manpads: closing stock");
    assertThat(transferMarks("r-fan-2")).containsExactly("2024-09: +500 from USA");
    assertThat(transferMarks("r-fan-1")).as("NSPA sends and receives nothing").isEmpty();
    assertThat(browser.find("#r-fan-0 .description").getText()).contains("Scheduled transfers (dashed vertical lines): −500 to UKR in month 2");
    assertThat(browser.drawnPixels("#results").values()).allMatch(n -> n > DRAWN);
  }

  /** The fan chart's transfer markers as "month: label", read from the drawn chart's option. */
  @SuppressWarnings("unchecked")
  private static List<String> transferMarks(String card) {
    return (List<String>) browser.script("""
        const option = echarts.getInstanceByDom(document.querySelector('#' + arguments[0] + ' .chart')).getOption();
        const marks = option.series.find((s) => s.name === 'scheduled transfers');
        return marks ? marks.markLine.data.map((d) => d.xAxis + ': ' + d.label.formatter) : [];""", card);
  }

  private static void runDeterministic() {
    browser.script("document.getElementById('run-deterministic').checked = true; document.body.dataset.run = '';");
    browser.find("#run").click();
    assertThat(browser.waitFor("document.body.dataset.run", Duration.ofSeconds(60)))
        .as("run finished (status: %s)", browser.find("#status").getText()).isEqualTo("done");
  }

  /** A table's body rows as header → cell text. */
  private static List<Map<String, String>> table(String css) {
    WebElement table = browser.find(css);
    List<String> headers = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
    List<Map<String, String>> rows = new ArrayList<>();
    for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
      List<WebElement> cells = tr.findElements(By.tagName("td"));
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < headers.size(); i++) {
        row.put(headers.get(i), cells.get(i).getText());
      }
      rows.add(row);
    }
    return rows;
  }

  /** The stored row "d<dataset>:r<row>" in an answer's rows (an array, or an object with rows). */
  private static JsonNode stored(String path, String ref) {
    Matcher m = ROW.matcher(ref);
    assertThat(m.matches()).as("a row reference: %s", ref).isTrue();
    JsonNode answer = ApiFixture.json(api.get(path));
    for (JsonNode row : answer.isArray() ? answer : answer.path("rows")) {
      if (row.path("dataset_id").asText().equals(m.group(1)) && row.path("file_row").asText().equals(m.group(2))) {
        return row;
      }
    }
    throw new AssertionError(ref + " is not among the rows of " + path);
  }
}
