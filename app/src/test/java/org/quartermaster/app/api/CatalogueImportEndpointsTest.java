package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * Issue 11 over HTTP: a catalogue file uploaded to {@code POST /api/v1/imports} goes through the same importer
 * as {@code qm import}; the munition endpoints then read the store with the extended catalogue, and a bad alias
 * is a 400 naming the file, row, column and value.
 */
class CatalogueImportEndpointsTest {
  private static Store store;
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    store = ApiFixture.seededStore();
    api = ApiFixture.start(() -> store);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static HttpResponse<String> upload(String name, String text) {
    return api.upload(ImportEndpointsTest.path(name, ""), ImportEndpointsTest.CSV, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void upload_munitionsThenAliases_extendsTheMunitionsAndTheChain() {
    HttpResponse<String> munitions = upload("api-munitions.csv", "id,name,family,category,unit,source_url\n"
        + "shell-105-api,105 mm round (API test),105 mm,artillery ammunition,rounds,https://example.org/105\n");
    HttpResponse<String> aliases = upload("api-aliases.csv", "alias,id,source_url\n"
        + "105mm API shells,shell-105-api,https://example.org/105\n");

    assertThat(munitions.statusCode()).as(munitions.body()).isEqualTo(201);
    assertThat(ApiFixture.json(munitions).get("table").asText()).isEqualTo("munitions");
    assertThat(aliases.statusCode()).as(aliases.body()).isEqualTo(201);
    int datasetId = ApiFixture.json(munitions).get("dataset_id").asInt();
    JsonNode added = null;
    for (JsonNode m : ApiFixture.json(api.get("/api/v1/munitions")).get("rows")) {
      if (m.get("id").asText().equals("shell-105-api")) {
        added = m;
      }
    }
    assertThat(added).isNotNull();
    assertThat(added.get("catalogue").asText()).isEqualTo("dataset " + datasetId + " (api-munitions.csv row 2)");
    assertThat(added.get("aliases").asText()).contains("105mm API shells");
    HttpResponse<String> chain = api.get("/api/v1/items/105mm%20API%20shells/chain?from=2024&to=2025");
    assertThat(chain.statusCode()).as(chain.body()).isEqualTo(200);
    assertThat(ApiFixture.json(chain).toString()).contains("105 mm round (API test)");
  }

  @Test
  void upload_aliasOfAnUnknownId_returns400NamingTheRowAndTheStoreUnchanged() {
    Map<String, Object> before = StoreCounts.of(store);

    HttpResponse<String> response = upload("api-bad-aliases.csv", "alias,id\nJavelin API,javelinn\n");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = ApiFixture.json(response).get("problems").get(0);
    assertThat(problem.get("path").asText()).isEqualTo("api-bad-aliases.csv:2:id");
    assertThat(problem.get("value").asText()).isEqualTo("javelinn");
    assertThat(problem.get("message").asText()).contains("did you mean 'javelin'?");
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }
}
