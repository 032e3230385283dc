package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;

class QueryEndpointsTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void everyReadEndpoint_noParameters_returnsTheJsonResultShape() {
    for (String path : List.of("spending", "aid", "deliveries", "production", "contracts", "datasets", "items",
        "transfers", "munitions", "items/javelin/years-to-replace")) {
      HttpResponse<String> response = api.get("/api/v1/" + path);

      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).as(path)
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      JsonNode body = ApiFixture.json(response);
      assertThat(keys(body)).as(path).containsExactly("title", "columns", "rows", "vintages", "sources", "notes");
      assertThat(keys(body.get("columns").get(0))).as(path).containsExactly("name", "unit");
    }
  }

  @Test
  void spending_yearAndThreshold_returnsThatYearWithTheGuidelineColumns() {
    JsonNode body = ApiFixture.json(api.get("/api/v1/spending?year=2024&threshold=2&source=nato"));

    assertThat(body.get("rows").size()).isPositive();
    body.get("rows").forEach(row -> assertThat(row.get("year").asInt()).isEqualTo(2024));
    assertThat(body.get("rows").get(0).has("meets")).isTrue();
    assertThat(body.get("title").asText()).contains("2024", "guideline");
  }

  @Test
  void spending_badValuesAndUnknownParameter_returns400WithEveryProblem() {
    HttpResponse<String> response = api.get("/api/v1/spending?year=last&threshold=two&colour=red");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"status": 400, "message": "3 problems with the request", "problems": [
          {"path": "colour", "value": "red",
           "message": "unknown query parameter; expected one of allies, country, format, measure, min_grade, source, threshold, vintage, year"},
          {"path": "year", "value": "last", "message": "not an integer"},
          {"path": "threshold", "value": "two", "message": "not a number"}]}
        """));
  }

  @Test
  void spending_countOfTwoSources_returns400NamingTheSourceParameter() {
    HttpResponse<String> response = api.get("/api/v1/spending?year=2024&threshold=2&source=nato,sipri");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = ApiFixture.json(response).get("problems").get(0);
    assertThat(problem.get("path").asText()).isEqualTo("source");
    assertThat(problem.get("message").asText()).startsWith("a count against threshold uses one source");
  }

  @Test
  void spending_countWithoutVintage_usesOneReleaseAndNamesIt() {
    JsonNode body = ApiFixture.json(api.get("/api/v1/spending?year=2021&threshold=2"));

    assertThat(body.get("rows")).hasSize(30);
    assertThat(body.get("vintages")).hasSize(1);
    assertThat(body.get("vintages").get(0).get("vintage_month").asText()).isEqualTo("2024-06");
    assertThat(body.get("notes").toString()).contains("2021: counted from one release, nato 2024-06",
        "6 of 29 allies with a figure meet 2% of GDP (release nato 2024-06; allies: the NATO members on 2021-12-31,"
            + " 30 in all)");
  }

  @Test
  void spending_june2024CsvCount_has23AlliesMeeting2Percent() {
    String csv = api.get("/api/v1/spending?year=2024&threshold=2&source=nato&vintage=2024-06&format=csv").body();

    assertThat(csv.lines().filter(line -> line.contains(",yes,"))).hasSize(23);
  }

  @Test
  void spending_alliesNotTrueOrFalse_returns400() {
    HttpResponse<String> response = api.get("/api/v1/spending?allies=maybe");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems").get(0).get("path").asText()).isEqualTo("allies");
  }

  @Test
  void spending_unknownCountry_returns400FromTheQuery() {
    HttpResponse<String> response = api.get("/api/v1/spending?country=Atlantis");

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.get("message").asText()).startsWith("country 'Atlantis' is neither an ISO 3166 code");
    assertThat(body.get("problems").get(0).get("path").asText()).isEqualTo("query");
  }

  /** Issue 10: a 7 KB country was fuzzy-matched against every name under the store's lock. */
  @Test
  void spending_countryLongerThanTheLimit_returns400NamingTheParameterAndTheLimit() {
    HttpResponse<String> response = api.get("/api/v1/spending?country=" + "Polandia".repeat(900));

    JsonNode problem = ApiFixture.json(response).get("problems").get(0);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problem.get("path").asText()).isEqualTo("country");
    assertThat(problem.get("message").asText()).isEqualTo("longer than 200 characters (7200 given): give at most 200");
    assertThat(problem.get("value").asText()).hasSize(61).startsWith("PolandiaPolandia").endsWith("…");
  }

  @Test
  void everyReadEndpoint_aParameterOverTheLimit_returns400ForThatParameter() {
    String tooLong = "x".repeat(QueryParams.MAX_CHARS + 1);
    for (String query : List.of("spending?vintage=", "aid?category=", "aid?release=", "deliveries?supplier=",
        "production?item=", "contracts?item=", "datasets?format=", "countries?member=")) {
      HttpResponse<String> response = api.get("/api/v1/" + query + tooLong);

      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(ApiFixture.json(response).get("problems").get(0).get("message").asText()).as(query)
          .startsWith("longer than 200 characters");
    }
  }

  @Test
  void spending_unknownParameterWithALongName_quotesItsBeginning() {
    HttpResponse<String> response = api.get("/api/v1/spending?" + "n".repeat(5000) + "=1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems").get(0).get("path").asText()).hasSize(61);
  }

  @Test
  void spending_sourceListOfMoreEntriesThanTheLimit_returns400() {
    HttpResponse<String> response = api.get("/api/v1/spending?source=" + "nato,".repeat(QueryParams.MAX_ENTRIES) + "sipri");

    JsonNode problem = ApiFixture.json(response).get("problems").get(0);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problem.get("path").asText()).isEqualTo("source");
    assertThat(problem.get("message").asText()).isEqualTo("more than 20 entries (21 given): give at most 20");
  }

  /**
   * Issue 10: a country name is resolved (fuzzy matching for "did you mean") before the store is
   * used, so a bad name is answered while another request holds the store; here the store's opening
   * holds it until the bad names have their answers.
   */
  @Test
  void spending_unknownCountry_isAnsweredWithoutWaitingForTheStore() throws Exception {
    CountDownLatch opening = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Store store = ApiFixture.seededStore();
    try (ApiFixture held = ApiFixture.start(() -> {
      opening.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return store;
    }); ExecutorService background = Executors.newSingleThreadExecutor()) {
      Future<HttpResponse<String>> holding = background.submit(() -> held.get("/api/v1/datasets"));
      assertThat(opening.await(30, TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> unknown = held.get("/api/v1/spending?country=Atlantis");
      HttpResponse<String> tooLong = held.get("/api/v1/spending?country=" + "Atlantis".repeat(900));
      release.countDown();

      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(ApiFixture.json(unknown).get("message").asText()).contains("neither an ISO 3166 code nor a known name")
          .doesNotContain("did you mean");
      assertThat(tooLong.statusCode()).isEqualTo(400);
      assertThat(holding.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    } finally {
      release.countDown();
    }
  }

  /** Issue 9: an API answer cites its sources with publisher, title, date, grade and the copy read. */
  @Test
  void aid_usMilitaryAllocations_answerWithKielRelease28AndItsCitation() {
    HttpResponse<String> response = api.get("/api/v1/aid?by=donor&donor=USA&category=military&measure=allocation");

    assertThat(response.statusCode()).isEqualTo(200);
    var json = ApiFixture.json(response);
    assertThat(json.get("rows").get(0).get("release").asText()).isEqualTo("Kiel UST Release 28");
    assertThat(json.get("rows").get(0).get("amount").asDouble()).isEqualTo(64.62);
    var source = json.get("sources").get(0);
    assertThat(source.get("publisher").asText()).isEqualTo("Kiel Institute for the World Economy");
    assertThat(source.get("grade").asText()).isEqualTo("official");
    assertThat(source.get("title").asText()).contains("Release 28");
    assertThat(source.get("read_at").asText()).contains("github.com/marhip97/ukrainastotte");
  }

  @Test
  void aid_sumOfOverlappingCategories_returns400NamingTheOptions() {
    HttpResponse<String> response = api.get("/api/v1/aid?by=donor");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("--category").contains("--measure");
  }

  @Test
  void production_unknownMinGrade_returns400ListingTheGrades() {
    HttpResponse<String> response = api.get("/api/v1/production?min_grade=excellent");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("min_grade").contains("expected one of official, research, wire, press,"
        + " relay, state-media, forum");
  }

  @Test
  void aid_unknownGrouping_returns400() {
    HttpResponse<String> response = api.get("/api/v1/aid?by=colour");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"status": 400, "message": "expected donor, donor-group, category, measure or release",
         "problems": [{"path": "by", "value": "colour",
                       "message": "expected donor, donor-group, category, measure or release"}]}
        """));
  }

  @Test
  void aid_formatCsv_returnsCsvWithTheColumnNames() {
    HttpResponse<String> json = api.get("/api/v1/aid?by=donor&category=military&measure=allocation");
    HttpResponse<String> csv = api.get("/api/v1/aid?by=donor&category=military&measure=allocation&format=csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    List<String> names = new ArrayList<>();
    ApiFixture.json(json).get("columns").forEach(c -> names.add(c.get("name").asText()));
    assertThat(csv.body().split("\r\n")[0]).isEqualTo(String.join(",", names));
    assertThat(csv.body().split("\r\n")).hasSize(ApiFixture.json(json).get("rows").size() + 1);
  }

  @Test
  void deliveries_acceptTextCsv_returnsCsv() {
    HttpResponse<String> response = api.send(api.request("/api/v1/deliveries").header("Accept", "text/csv"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
  }

  @Test
  void production_unknownFormat_returns400() {
    HttpResponse<String> response = api.get("/api/v1/production?format=xml");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems").get(0).get("path").asText()).isEqualTo("format");
  }

  @Test
  void contracts_item_filtersRows() {
    JsonNode all = ApiFixture.json(api.get("/api/v1/contracts"));
    JsonNode some = ApiFixture.json(api.get("/api/v1/contracts?item=stinger"));

    assertThat(some.get("rows").size()).isPositive().isLessThanOrEqualTo(all.get("rows").size());
  }

  @Test
  void productionAndTransfers_item_resolvesThroughTheCatalogueAndSaysHow() {
    JsonNode pac3 = ApiFixture.json(api.get("/api/v1/transfers?item=pac-3"));
    JsonNode shells = ApiFixture.json(api.get("/api/v1/production?item=shell-155"));
    JsonNode free = ApiFixture.json(api.get("/api/v1/production?item=mortar"));

    List<String> pac3Items = new java.util.ArrayList<>();
    pac3.get("rows").forEach(row -> pac3Items.add(row.get("item").asText()));
    assertThat(pac3Items).hasSize(4).containsOnly("MIM-104 PAC-3");
    assertThat(ApiFixture.json(api.get("/api/v1/production?item=pac-3")).get("rows")).isEmpty();
    assertThat(pac3.get("notes").toString()).contains("matched: 'pac-3' is the munition pac-3");
    assertThat(shells.get("rows").size()).isGreaterThan(10);
    shells.get("rows").forEach(row -> assertThat(row.get("item").asText()).startsWith("155mm")
        .doesNotContain("charge", "projectile"));
    assertThat(free.get("rows").size()).isPositive();
    assertThat(free.get("notes").toString()).contains("matched: 'mortar' names no munition of the catalogue");
  }

  @Test
  void datasets_extraParameter_returns400() {
    assertThat(api.get("/api/v1/datasets?item=x").statusCode()).isEqualTo(400);
  }

  @Test
  void items_always_returnsEachItemWithTheTablesItAppearsIn() {
    JsonNode body = ApiFixture.json(api.get("/api/v1/items"));

    assertThat(body.get("columns")).isEqualTo(ApiFixture.json("""
        [{"name": "item", "unit": null}, {"name": "appears_in", "unit": null}, {"name": "rows", "unit": null}]
        """));
    assertThat(body.get("rows").size()).isPositive();
    assertThat(body.get("rows").get(0).size()).isEqualTo(3);
    List<String> tables = new ArrayList<>();
    body.get("rows").forEach(row -> {
      tables.add(row.get("appears_in").asText());
      assertThat(row.get("rows").asInt()).isPositive();
    });
    assertThat(tables).contains("production", "contracts", "transfers")
        .containsOnly("production", "contracts", "transfers");
    assertThat(body.get("rows")).anySatisfy(row -> assertThat(row).isEqualTo(ApiFixture.json(
        "{\"item\": \"155mm artillery shell\", \"appears_in\": \"production\", \"rows\": 17}")));
  }

  @Test
  void items_formatCsv_returnsCsvWithTheColumnNames() {
    HttpResponse<String> csv = api.get("/api/v1/items?format=csv");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body().split("\r\n")[0]).isEqualTo("item,appears_in,rows");
    assertThat(csv.body().split("\r\n")).hasSize(ApiFixture.json(api.get("/api/v1/items")).get("rows").size() + 1);
  }

  @Test
  void items_unknownParameter_returns400() {
    assertThat(api.get("/api/v1/items?item=x").statusCode()).isEqualTo(400);
  }
}
