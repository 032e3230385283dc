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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Munitions page, the Production page's item list, "build a scenario" and the fan chart's transfer
 * markers in a real browser (Debian's Chromium, headless) against a real server on port 0 over the
 * bundled dataset: every answer the pages show (the chain with its backlog and side-by-side table,
 * POST /api/v1/scenarios/build, saving) is the server's own.
 */
class MunitionsBrowserTest {
  /** A drawn chart has thousands of non-white pixels; axes and labels alone a few hundred. */
  private static final long DRAWN = 1500;
  private static final Pattern ROW = Pattern.compile("d(\\d+):r(\\d+)");
  /** The pages' own tables, not the ones folded under each chart. */
  private static final String PAGE_TABLES = ".table-wrap:not(.chart-table .table-wrap)";

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
  @CsvSource({"stinger, FIM-92 Stinger, missiles, munition-rates munition-flows munition-backlog",
      "javelin, FGM-148 Javelin, missiles, munition-rates munition-flows",
      "shell-155, 155 mm artillery round (complete), rounds, munition-rates munition-flows munition-backlog"})
  void munitionsPage_loadsForAMunition_drawsItsChartsUnderItsName_withNoConsoleErrors(String id, String name, String unit,
      String charts) {
    browser.consoleProblems();

    String rendered = browser.open(base + "/munitions.html?item=" + id);

    assertThat(rendered).as("body[data-rendered] (status: %s)", browser.find("#status").getText()).isEqualTo("yes");
    assertThat(browser.consoleProblems()).as("console errors").isEmpty();
    Map<String, Long> pixels = browser.drawnPixels("body");
    assertThat(pixels).containsOnlyKeys(charts.split(" "));
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
    assertThat(browser.findAll(PAGE_TABLES + " caption")).extracting(WebElement::getText).isNotEmpty()
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
  void munitionsPage_stinger_backlogChartAndTable_areTheChainsBacklog_withHowItIsDerivedAndItsAssumptions() {
    JsonNode backlog = chainTable("stinger", "delivered_to_date");
    assertThat(backlog.path("rows")).hasSize(3);

    assertThat(browser.open(base + "/munitions.html?item=stinger")).isEqualTo("yes");

    assertThat(browser.find("#munition-backlog h2").getText()).isEqualTo("FIM-92 Stinger: ordered, delivered to date and backlog");
    assertThat(browser.find("#munition-backlog .units").getText()).isEqualTo("Units: missiles at the year's end");
    List<Map<String, String>> rows = table("#backlog > .table-wrap table");
    assertThat(rows).extracting(r -> r.get("year") + " " + r.get("producer") + ": " + r.get("ordered (missiles)") + " ordered, "
            + r.get("delivered to date (missiles)") + " delivered, backlog " + r.get("backlog (missiles)"))
        .containsExactly("2022 Raytheon: 1,300 ordered, 190 delivered, backlog 1,110",
            "2023 Raytheon: 1,300 ordered, 507 delivered, backlog 793",
            "2024 Raytheon: 1,300 ordered, 826 delivered, backlog 474");
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = backlog.path("rows").get(i);
      assertThat(rows.get(i).get("how derived")).isEqualTo(row.path("how").asText()).contains("ASSUMPTION: delivered evenly over the window");
      assertThat(rows.get(i).get("rows (source)")).isEqualTo(row.path("rows").asText()).isEqualTo("d4:r11");
      assertThat(rows.get(i).get("contracts")).isEqualTo("USARMY-2022-05-STINGER");
    }
    assertThat(browser.find("#backlog p.assumption").getText()).startsWith("How it is derived:").contains("ASSUMPTION, delivered evenly");
    assertThat(browser.findAll("#backlog ul.notes li")).extracting(WebElement::getText)
        .containsExactlyElementsOf(texts(backlog.path("notes")));
    assertThat(browser.findAll("#backlog ul.notes li.assumed")).extracting(WebElement::getText).isNotEmpty()
        .allSatisfy(note -> assertThat(note).contains("ASSUMPTION"));
    assertThat(browser.findAll("#backlog ul.notes a.row-ref")).extracting(WebElement::getText).contains("d4:r2", "d4:r3", "d4:r20");
    assertThat(browser.find("#munition-backlog figcaption").getText()).contains("US Army").contains("2022-05-27");
  }

  @Test
  void munitionsPage_javelin_hasNoBacklog_andSaysWhy() {
    assertThat(browser.open(base + "/munitions.html?item=javelin")).isEqualTo("yes");

    assertThat(browser.findAll("#munition-backlog")).isEmpty();
    assertThat(browser.find("#backlog h2").getText()).isEqualTo("FGM-148 Javelin: backlog of its contracts");
    assertThat(browser.findAll("#backlog ul.notes li")).extracting(WebElement::getText)
        .containsExactlyElementsOf(texts(chainTable("javelin", "delivered_to_date").path("notes")))
        .anySatisfy(note -> assertThat(note).startsWith("No backlog: no contract of FGM-148 Javelin"));
  }

  @Test
  void munitionsPage_shell155_russiaBesideTheOtherProducers_eachFigureWithItsGradeAndRows_russiasAllCalibreFiguresNotCompared() {
    JsonNode side = chainTable("shell-155?side_by_side=RUS", "side");

    assertThat(browser.open(base + "/munitions.html?item=shell-155")).isEqualTo("yes");

    assertThat(browser.find("#side-title").getText()).isEqualTo("155 mm artillery round (complete): Russia beside the other producers");
    List<Map<String, String>> rows = table("#side-by-side table");
    assertThat(rows).extracting(r -> r.get("year") + " " + r.get("side") + " " + r.get("country") + " "
            + r.get("quantity (rounds per year)") + " " + r.get("basis") + " [" + r.get("grade") + "] " + r.get("rows (source)"))
        .containsExactly("2022 other producers USA 153,732–159,222 actual [press; relay] d3:r2 d3:r13",
            "2023 other producers USA 229,216–232,866 actual [press; relay] d3:r2 d3:r3 d3:r7 d3:r13",
            "2024 other producers EU 500,000 actual [relay] d3:r50",
            "2024 other producers USA 336,000 actual [press] d3:r7",
            "2025 other producers EU 500,000 actual [relay] d3:r50",
            "2025 other producers USA 413,326 actual [press; relay] d3:r7 d3:r12");
    assertThat(rows).hasSize(side.path("rows").size())
        .allSatisfy(r -> assertThat(r.get("munition")).isEqualTo("155 mm artillery round (complete)"));
    List<String> notes = browser.findAll("#side-by-side ul.notes li").stream().map(WebElement::getText).toList();
    assertThat(notes).contains("RUS: no figure of 155 mm artillery round (complete) (shell-155) at the actual basis in the store.");
    List<String> apart = browser.findAll("#side-by-side h3 + ul.notes li").stream().map(WebElement::getText).toList();
    assertThat(apart).hasSize(4).allSatisfy(note -> assertThat(note).matches("d3:r6[3-6] RUS .*"));
    assertThat(apart.getFirst()).contains("'artillery munitions (all calibres)', 250000 rounds per month")
        .endsWith("All calibres together: no single munition");
    assertThat(browser.find("#side-by-side h3").getText()).isEqualTo("Russia's figures in the store that are not compared, and why");
    WebElement nato = browser.find("#side-by-side h3 + ul.notes a.row-ref[data-row='d3:r63']");
    assertThat(nato.getAttribute("data-found")).isEqualTo("yes");
    assertThat(nato.getAttribute("title")).contains("NATO intelligence estimate (via CNN)").contains("relay");
    assertThat(browser.findAll("#side-by-side .sources a")).extracting(a -> a.getAttribute("href"))
        .contains("https://www.yahoo.com/news/cnn-russia-producing-3-times-123642447.html");
    browser.screenshot("munitions-side-by-side", "#side-by-side");
  }

  @Test
  void munitionsPage_stinger_timeAxisOpensOnTheLastSixYears_andZoomsOutToTheLone2003Figure() {
    assertThat(browser.open(base + "/munitions.html?item=stinger")).isEqualTo("yes");

    @SuppressWarnings("unchecked")
    Map<String, Object> axis = (Map<String, Object>) browser.script("""
        const chart = echarts.getInstanceByDom(document.querySelector('#munition-rates .chart'));
        const option = chart.getOption();
        const shown = (id) => echarts.getInstanceByDom(document.querySelector('#' + id + ' .chart'))
          .getModel().getComponent('xAxis', 0).axis.scale.getExtent().map((t) => new Date(t).getUTCFullYear());
        const charts = ['munition-rates', 'munition-flows', 'munition-backlog']
          .map((id) => echarts.getInstanceByDom(document.querySelector('#' + id + ' .chart')));
        const before = charts.map((c) => new Date(c.getOption().dataZoom[0].startValue).getUTCFullYear());
        const rates = shown('munition-rates');
        chart.dispatchAction({type: 'dataZoom', start: 0, end: 100});
        return {zooms: option.dataZoom.map((z) => z.type), min: new Date(option.xAxis[0].min).getUTCFullYear(),
          max: new Date(option.xAxis[0].max).getUTCFullYear(), before, rates,
          after: charts.map((c) => c.getOption().dataZoom[0].start), ratesAfter: shown('munition-rates')};""");

    assertThat(axis.get("zooms")).isEqualTo(List.of("slider", "inside"));
    assertThat(axis.get("min")).as("the 2003 figure stays on the axis").isEqualTo(2003L);
    long max = (Long) axis.get("max");
    assertThat(axis.get("before")).as("every chart on the shared axis opens on the last six years").isEqualTo(List.of(max - 6, max - 6, max - 6));
    assertThat(axis.get("rates")).as("the rate chart shows them").isEqualTo(List.of(max - 6, max));
    assertThat(axis.get("ratesAfter")).as("zoomed out: back to 2003").isEqualTo(List.of(2003L, max));
    assertThat(axis.get("after")).as("zoomed out, the other charts follow").isEqualTo(List.of(0L, 0L, 0L));
  }

  @Test
  void munitionsPage_ofAMunitionWithoutProductionFigures_showsItsChain_andWhyThereIsNoSideBySideTable() {
    assertThat(api.get("/api/v1/items/pac-3/chain").statusCode()).isEqualTo(200);
    var refused = api.get("/api/v1/items/pac-3/chain?side_by_side=RUS");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);

    assertThat(browser.open(base + "/munitions.html?item=pac-3")).isEqualTo("yes");

    assertThat(browser.drawnPixels("body")).containsKey("munition-flows");
    assertThat(browser.find("#side-by-side").getText()).contains("No side-by-side table: "
        + ApiFixture.json(refused).path("message").asText());
    assertThat(browser.find("#build-title").getText()).isEqualTo("Build a scenario for MIM-104 PAC-3 (CRI)");
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
    assertThat(browser.find(PAGE_TABLES + " table caption").getText()).startsWith("FIM-92 Stinger: its figures");
    assertThat(browser.findAll(PAGE_TABLES + " table")).first().satisfies(t -> assertThat(t.getText()).contains("months lead time")
        .contains("no: not a rate per day, month or year"));
  }

  @Test
  void buildAScenario_stinger_opensTheBuiltScenarioWithItsAssumptionsAndSources_rebuildsWithYourValues_validatesRunsAndSaves() {
    String request = """
        {"item":"stinger","holders":["USA","UKR"],"start":"2022-03","horizon":48,"rate_basis":"actual","assume":{}}""";
    JsonNode expected = ApiFixture.json(api.post("/api/v1/scenarios/build", "application/json", request));
    assertThat(browser.open(base + "/munitions.html?item=stinger")).isEqualTo("yes");
    WebElement holders = browser.find("#build-holders");
    holders.clear();
    holders.sendKeys("USA, UKR");
    browser.script("document.getElementById('build-start').value = '2022-03';");
    WebElement horizon = browser.find("#build-horizon");
    horizon.clear();
    horizon.sendKeys("48");
    new org.openqa.selenium.support.ui.Select(browser.find("#build-rate-basis")).selectByValue("actual");
    browser.find("#build-submit").click();
    browser.waitFor("location.hash === '#built' && document.body.dataset.rendered", Duration.ofSeconds(60));

    assertThat(browser.find("body").getAttribute("data-rendered")).isEqualTo("yes");
    String yaml = browser.find("#scenario-yaml").getAttribute("value");
    assertThat(yaml).isEqualTo(expected.path("yaml").asText())
        .startsWith("# FIM-92 Stinger (stinger), counted in missiles")
        .contains("# build-parameters: " + ApiFixture.json(request));
    assertThat(browser.find("#built h2").getText()).isEqualTo("Built from the store: FIM-92 Stinger (missiles)");
    assertThat(browser.find("#status").getText()).isEqualTo("Built a scenario for FIM-92 Stinger: "
        + expected.path("assumptions").size() + " assumptions, " + expected.path("sourced").size() + " sourced numbers. Validate, run or save it.");
    List<Map<String, String>> assumptions = table("#built-assumed");
    assertThat(assumptions).extracting(r -> r.get("path") + ": " + r.get("ASSUMPTION: rationale") + " (" + r.get("set by") + ")")
        .containsExactlyElementsOf(rows(expected.path("assumptions"), n -> n.path("path").asText() + ": "
            + n.path("rationale").asText() + " (default)"));
    List<WebElement> sourced = browser.findAll("#built-sourced tbody tr");
    assertThat(sourced).hasSize(expected.path("sourced").size());
    for (int i = 0; i < sourced.size(); i++) {
      JsonNode number = expected.path("sourced").get(i);
      WebElement source = sourced.get(i).findElement(By.cssSelector("td:nth-child(4)"));
      assertThat(sourced.get(i).findElement(By.cssSelector("td:nth-child(1)")).getText()).isEqualTo(number.path("path").asText());
      assertThat(sourced.get(i).findElement(By.cssSelector("td:nth-child(3)")).getText()).isEqualTo(number.path("how").asText());
      assertThat(source.findElement(By.tagName("a")).getAttribute("href")).isEqualTo(number.path("source").path("url").asText());
      assertThat(source.getText()).startsWith(number.path("source").path("publisher").asText())
          .contains(number.path("source").path("date").asText())
          .endsWith(String.join(" ", texts(number.path("source").path("rows"))));
    }
    assertThat(browser.find("#built .idle-line").getText()).startsWith("Line usa-stinger produces nothing: its latest sourced rate is "
        + "0 missiles a month (RTX (Raytheon), 2003; d3:r24) and there is no sourced rate after 2003").contains("set one as an assumption");
    assertThat(browser.findAll("#built .built-notes li")).extracting(WebElement::getText)
        .containsExactlyElementsOf(texts(expected.path("notes")));
    browser.find("#validate").click();
    assertThat(browser.waitFor("document.querySelector('#status.ok') && /^Valid/.test(document.getElementById('status').textContent) "
        + "? 'yes' : 'no'", Duration.ofSeconds(30))).isEqualTo("yes");
    assertThat(browser.find("#status").getText()).startsWith("Valid: FIM-92 Stinger: USA, UKR from 2022-03, built from the store");
    browser.screenshot("scenario-built");

    yourValue("stocks[USA/stinger].initial", "lots");
    browser.find("#built-rebuild").click();
    browser.waitFor("document.querySelector('#status.error') ? 'yes' : 'no'", Duration.ofSeconds(30));
    assertThat(browser.find("#status").getText()).contains("stocks[USA/stinger].initial").contains("lots");
    assertThat(browser.find("#scenario-yaml").getAttribute("value")).as("a refused rebuild leaves the scenario as it was").isEqualTo(yaml);

    yourValue("stocks[USA/stinger].initial", "2000");
    yourValue("lines[usa-stinger].surge_per_month", "10");
    browser.find("#built-rebuild").click();
    browser.waitFor("document.querySelector('#status.ok') ? 'yes' : 'no'", Duration.ofSeconds(60));

    String rebuilt = browser.find("#scenario-yaml").getAttribute("value");
    assertThat(rebuilt).contains("\"stocks[USA/stinger].initial\":\"2000\"", "\"lines[usa-stinger].surge_per_month\":\"10\"")
        .containsPattern("surge_per_month: 10\\b").containsPattern("initial: 2000\\b");
    assertThat(table("#built-assumed")).filteredOn(r -> r.get("set by").equals("you"))
        .extracting(r -> r.get("path") + "=" + r.get("value"))
        .containsExactlyInAnyOrder("lines[usa-stinger].surge_per_month=10", "stocks[USA/stinger].initial=2,000");
    assertThat(browser.findAll("#built .idle-line")).as("the line now produces").isEmpty();

    runDeterministic();
    assertThat(browser.find("#r-fan-0 h2").getText()).isEqualTo("United States / FIM-92 Stinger: closing stock");
    assertThat(transferMarks("r-fan-0")).containsExactly("2023-06: −300 to UKR", "2024-11: −1,300 to UKR");

    browser.script("window.prompt = () => 'stinger-usa-ukr-built';");
    browser.find("#save").click();
    browser.waitFor("/^Saved as/.test(document.getElementById('status').textContent) ? 'yes' : 'no'", Duration.ofSeconds(30));
    assertThat(browser.find("#status").getText()).isEqualTo("Saved as stinger-usa-ukr-built.");
    assertThat(browser.find("#scenario-pick optgroup[label='Saved'] option[value='stinger-usa-ukr-built']").getText())
        .isEqualTo("FIM-92 Stinger: USA, UKR from 2022-03, built from the store");
    assertThat(ApiFixture.json(api.get("/api/v1/scenarios/stinger-usa-ukr-built")).path("yaml").asText()).isEqualTo(rebuilt);
  }

  @Test
  void buildAScenario_refused_showsTheServersProblemsOnTheMunitionsPage() {
    String problems = api.post("/api/v1/scenarios/build", "application/json", """
        {"item":"javelin","holders":["XX"],"start":"2025-01","horizon":60,"rate_basis":"actual","assume":{}}""").body();
    JsonNode problem = ApiFixture.json(problems).path("problems").get(0);
    assertThat(problem.path("path").asText()).isEqualTo("holders");
    assertThat(browser.open(base + "/munitions.html?item=javelin")).isEqualTo("yes");
    WebElement holders = browser.find("#build-holders");
    holders.clear();
    holders.sendKeys("XX");
    browser.find("#build-submit").click();
    browser.waitFor("document.querySelector('#status.error') ? 'yes' : 'no'", Duration.ofSeconds(30));

    assertThat(browser.find("#status").getText()).contains("holders 'XX' — " + problem.path("message").asText())
        .contains("not an ISO 3166 alpha-3 country code");
    assertThat(browser.find("#build-submit").isEnabled()).isTrue();
    assertThat(browser.script("return location.pathname;")).isEqualTo("/munitions.html");
  }

  @Test
  void fanChart_ofAnExampleWithATransfer_marksItOnBothCells() {
    assertThat(browser.open(base + "/scenarios.html?id=illustrative-manpads")).isEqualTo("yes");

    runDeterministic();

    assertThat(browser.find("#r-fan-0 h2").getText()).isEqualTo("USA / Shoulder-fired air-defence missile: closing stock");
    assertThat(transferMarks("r-fan-0")).containsExactly("2024-09: −500 to UKR");
    assertThat(browser.find("#r-fan-2 h2").getText()).isEqualTo("UKR / Shoulder-fired air-defence missile: closing stock");
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

  /** Types a value into the built scenario's "your value" field of a path. */
  private static void yourValue(String path, String value) {
    WebElement input = browser.find("#built input.your-value[data-path='" + path + "']");
    input.clear();
    input.sendKeys(value);
  }

  /** The table of the chain of {@code query} (an item id, with parameters) that has the column {@code column}. */
  private static JsonNode chainTable(String query, String column) {
    for (JsonNode table : ApiFixture.json(api.get("/api/v1/items/" + query.replaceFirst("^([^?]*)", "$1/chain")))) {
      for (JsonNode c : table.path("columns")) {
        if (c.path("name").asText().equals(column)) {
          return table;
        }
      }
    }
    throw new AssertionError("no table with column " + column + " in the chain of " + query);
  }

  private static List<String> texts(JsonNode array) {
    return rows(array, JsonNode::asText);
  }

  private static List<String> rows(JsonNode array, java.util.function.Function<JsonNode, String> text) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(text.apply(n)));
    return out;
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
