package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.query.TransfersQuery;
import org.quartermaster.app.store.Store;

/** The transfers, munition catalogue, chain and years-to-replace endpoints over the bundled data. */
class MunitionEndpointsTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static JsonNode csisLine(JsonNode yearsToReplace) {
    for (JsonNode row : yearsToReplace.get("rows")) {
      if (row.get("transferred").asText().equals("delivered, cumulative")
          && row.get("rate_basis").asText().equals("actual")) {
        return row;
      }
    }
    throw new AssertionError("no delivered, cumulative line at the actual basis in " + yearsToReplace);
  }

  @Test
  void transfers_javelin_hasTheRowsQmQueryTransfersGives() {
    JsonNode body = ApiFixture.json(api.get("/api/v1/transfers?item=javelin"));

    int cli;
    try (Store store = ApiFixture.seededStore()) {
      cli = TransfersQuery.run(store, Catalogue.bundled(), new TransfersQuery.Options("javelin", null)).rows().size();
    }
    assertThat(body.get("title").asText()).isEqualTo("Transfers of javelin: drawdowns, deliveries and pledges");
    assertThat(body.get("rows").size()).isEqualTo(cli).isPositive();
    body.get("rows").forEach(row -> assertThat(row.get("item_id").asText()).isEqualTo("javelin"));
    assertThat(api.get("/api/v1/transfers?format=csv").body()).startsWith("item,item_id,supplier,");
  }

  @Test
  void chain_javelinTo2022_answersTheChainTablesWithTheCsisLineOfSevenYears() {
    HttpResponse<String> response = api.get("/api/v1/items/javelin/chain?to=2022");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode tables = ApiFixture.json(response);
    assertThat(tables.isArray()).isTrue();
    assertThat(tables.size()).isEqualTo(3);
    assertThat(tables.get(2).get("title").asText()).startsWith("Backlog of ");
    assertThat(tables.get(0).get("title").asText()).startsWith("Chain of ").contains("(javelin)", "2022");
    assertThat(tables.get(0).get("rows").size()).isPositive();
    assertThat(tables.get(0).get("sources").size()).isPositive();
    JsonNode csis = csisLine(tables.get(1));
    assertThat(csis.get("quantity").asDouble()).isEqualTo(7000.0);
    assertThat(csis.get("rate").asDouble()).isEqualTo(1000.0);
    assertThat(csis.get("years_min").asDouble()).isEqualTo(7.0);
    assertThat(csis.get("quantity_rows").asText()).matches("d\\d+:r77");
    assertThat(csis.get("rate_rows").asText()).matches("d\\d+:r32");
    List<String> units = new ArrayList<>();
    tables.get(1).get("columns").forEach(c -> units.add(c.get("name").asText() + "=" + c.get("unit").asText()));
    assertThat(units).contains("years_min=years", "rate=per year");
  }

  /** Issue 11: the backlog per year and producer, each line with a {@code backlog} field and the rows it came from. */
  @Test
  void chain_stinger_answersTheBacklogOfTheContractWithADeliveryWindow() {
    JsonNode tables = ApiFixture.json(api.get("/api/v1/items/stinger/chain?from=2022&to=2024"));

    JsonNode backlog = tables.get(tables.size() - 1);
    assertThat(backlog.get("title").asText()).isEqualTo("Backlog of FIM-92 Stinger by producer, 2022–2024, in missiles");
    assertThat(backlog.get("rows").size()).isEqualTo(3);
    JsonNode y2024 = backlog.get("rows").get(2);
    assertThat(y2024.get("year").asInt()).isEqualTo(2024);
    assertThat(y2024.get("producer").asText()).isEqualTo("Raytheon");
    assertThat(y2024.get("contracts").asText()).isEqualTo("USARMY-2022-05-STINGER");
    assertThat(y2024.get("rows").asText()).matches("d\\d+:r11");
    assertThat(y2024.get("ordered").asDouble()).isEqualTo(1300.0);
    assertThat(y2024.get("backlog").asDouble()).isBetween(450.0, 500.0); // 1,300 less 2.6 of 4.1 years' deliveries
    assertThat(y2024.get("how").asText()).contains("completion by end June 2026", "ASSUMPTION");
    assertThat(backlog.get("sources").size()).isPositive();
    List<String> chainMeasures = new ArrayList<>();
    tables.get(0).get("rows").forEach(r -> chainMeasures.add(r.get("measure").asText()));
    assertThat(chainMeasures).contains("backlog");
  }

  @Test
  void chain_aliasInThePath_answersAsTheId() {
    JsonNode byAlias = ApiFixture.json(api.get("/api/v1/items/FGM-148%20Javelin/chain?to=2022"));
    JsonNode byId = ApiFixture.json(api.get("/api/v1/items/javelin/chain?to=2022"));

    assertThat(byAlias).isEqualTo(byId);
  }

  @Test
  void chain_roundWithComponents_addsTheBindingTable() {
    JsonNode tables = ApiFixture.json(api.get("/api/v1/items/shell-155/chain?from=2022&to=2024"));

    assertThat(tables.size()).isEqualTo(4); // chain, years to replace, binding component, backlog
    assertThat(tables.get(2).toString()).contains("charge-155", "binds");
    assertThat(tables.get(3).get("title").asText()).startsWith("Backlog of ");
  }

  @Test
  void yearsToReplace_javelin_isTheSecondChainTableAlone() {
    HttpResponse<String> response = api.get("/api/v1/items/javelin/years-to-replace?to=2022");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = ApiFixture.json(response);
    assertThat(body.get("title").asText()).startsWith("Years to replace");
    assertThat(csisLine(body).get("years_min").asDouble()).isEqualTo(7.0);
    JsonNode capacity = ApiFixture.json(api.get("/api/v1/items/javelin/years-to-replace?to=2022&rate_basis=capacity"));
    capacity.get("rows").forEach(row -> assertThat(row.get("rate_basis").asText()).isEqualTo("capacity"));
    assertThat(api.get("/api/v1/items/javelin/years-to-replace?to=2022&format=table").body())
        .contains("Years to replace", "years_min");
  }

  @Test
  void unknownItem_returns404WithTheClosestName() {
    for (String path : List.of("chain", "years-to-replace")) {
      HttpResponse<String> response = api.get("/api/v1/items/javelins/" + path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      JsonNode body = ApiFixture.json(response);
      assertThat(body.get("message").asText()).as(path)
          .startsWith("unknown item 'javelins'; did you mean ").contains("(javelin)", "GET /api/v1/munitions");
      assertThat(body.at("/problems/0/path").asText()).isEqualTo("id");
      assertThat(body.at("/problems/0/value").asText()).isEqualTo("javelins");
    }
  }

  @Test
  void unresolvedName_returns404SayingWhy() {
    HttpResponse<String> response = api.get("/api/v1/items/artillery%20shells%20(all%20calibres)/chain");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(response).get("message").asText()).contains("names no single munition");
  }

  @Test
  void badParameters_return400WithEveryProblem() {
    HttpResponse<String> response =
        api.get("/api/v1/items/javelin/chain?rate_basis=best&interpolation=cubic&from=1066&hold_last=maybe");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"status": 400, "message": "4 problems with the request", "problems": [
          {"path": "from", "value": "1066", "message": "expected a year from 1900 to 2100"},
          {"path": "rate_basis", "value": "best", "message": "expected actual, capacity or target"},
          {"path": "interpolation", "value": "cubic", "message": "expected step or linear"},
          {"path": "hold_last", "value": "maybe", "message": "expected true or false"}]}
        """));
    HttpResponse<String> reversed = api.get("/api/v1/items/javelin/years-to-replace?from=2024&to=2022&rate_basis=x");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("before from (2024)", "expected actual, capacity or target");
    assertThat(api.get("/api/v1/items/javelin/years-to-replace?interpolation=linear").statusCode()).isEqualTo(400);
  }

  @Test
  void chain_itemWithoutDatedFigures_returns400AskingForTheYears() {
    HttpResponse<String> response = api.get("/api/v1/items/fuze-155/chain");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("message").asText()).contains("no dated figure", "from and to over the API");
    assertThat(api.get("/api/v1/items/fuze-155/chain?from=2022&to=2023").statusCode()).isEqualTo(200);
  }

  @Test
  void munitions_listsTheCatalogueWithAliasesAndComponents() {
    JsonNode body = ApiFixture.json(api.get("/api/v1/munitions"));

    List<String> columns = new ArrayList<>();
    body.get("columns").forEach(c -> columns.add(c.get("name").asText()));
    assertThat(columns).contains("id", "name", "family", "category", "unit", "aliases", "components");
    JsonNode shell = null;
    for (JsonNode row : body.get("rows")) {
      if (row.get("id").asText().equals("shell-155")) {
        shell = row;
      }
    }
    assertThat(shell).isNotNull();
    assertThat(shell.get("components").asText()).contains("charge-155 ×1");
    assertThat(shell.get("aliases").asText()).contains("155mm shells");
    assertThat(ApiFixture.json(api.get("/api/v1/munitions?unresolved=true")).get("title").asText())
        .contains("resolve to no munition");
  }
}
