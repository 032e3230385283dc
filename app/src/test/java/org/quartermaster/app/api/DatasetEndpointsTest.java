package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * {@code DELETE /api/v1/datasets/{id}} and the import options about figures already in the store
 * ({@code replace=}, {@code allow_duplicates=}), on a store of their own.
 */
class DatasetEndpointsTest {
  private Store store;
  private ApiFixture api;

  @BeforeEach
  void start() {
    store = ApiFixture.seededStore();
    api = ApiFixture.start(() -> store);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private List<Integer> datasetIds() {
    List<Integer> ids = new ArrayList<>();
    ApiFixture.json(api.get("/api/v1/datasets")).get("rows").forEach(row -> ids.add(row.get("dataset_id").asInt()));
    return ids;
  }

  private HttpResponse<String> upload(String name, String more, String... items) {
    return api.upload(ImportEndpointsTest.path(name, more), ImportEndpointsTest.CSV, ImportEndpointsTest.contracts(items));
  }

  @Test
  void delete_importedDataset_returns200AndTheCachedListNoLongerShowsIt() {
    int id = ApiFixture.json(upload("gone.csv", "", "Gone alpha")).get("dataset_id").asInt();
    assertThat(datasetIds()).contains(id); // cached now
    assertThat(ApiFixture.json(api.get("/api/v1/contracts?item=Gone%20alpha")).get("rows")).hasSize(1);

    HttpResponse<String> response = api.delete("/api/v1/datasets/" + id);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"dataset_id": %d, "file": "gone.csv", "table": "contracts", "rows_removed": 1, "bundled": false,
         "message": "dataset %d (gone.csv) and its 1 rows removed"}
        """.formatted(id, id)));
    assertThat(datasetIds()).doesNotContain(id);
    assertThat(ApiFixture.json(api.get("/api/v1/contracts?item=Gone%20alpha")).get("rows")).isEmpty();
  }

  @Test
  void delete_unknownBundledOrBadId_returns404_409_400AndRemovesNothing() {
    Map<String, Object> before = StoreCounts.of(store);

    HttpResponse<String> unknown = api.delete("/api/v1/datasets/99");
    HttpResponse<String> bundled = api.delete("/api/v1/datasets/2");
    HttpResponse<String> notANumber = api.delete("/api/v1/datasets/two?force=maybe");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(unknown).get("message").asText())
        .isEqualTo("no dataset 99 in the store; GET /api/v1/datasets lists them");
    assertThat(bundled.statusCode()).isEqualTo(409);
    assertThat(ApiFixture.json(bundled).get("message").asText()).isEqualTo("dataset 2 (bundled/aid_to_ukraine.csv)"
        + " is bundled with Quartermaster: nothing removed; add force=true to remove it anyway");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(notANumber).get("problems")).extracting(p -> p.get("path").asText())
        .containsExactlyInAnyOrder("force", "id");
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  @Test
  void delete_bundledWithForce_removesItAndItsRows() {
    HttpResponse<String> response = api.delete("/api/v1/datasets/2?force=true");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(ApiFixture.json(response).get("bundled").asBoolean()).isTrue();
    assertThat(datasetIds()).containsExactly(1, 3, 4);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid")).isZero();
  }

  @Test
  void delete_exposedWithoutToken_returns401AndRemovesNothing() {
    try (ApiFixture exposed = ApiFixture.start(ApiSettings.loopback(0).withToken("s3cret", true))) {
      HttpResponse<String> refused = exposed.delete("/api/v1/datasets/1?force=true");
      HttpResponse<String> allowed = exposed.send(exposed.request("/api/v1/datasets/1?force=true")
          .header("Authorization", "Bearer s3cret").DELETE());

      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(allowed.statusCode()).isEqualTo(200);
    }
  }

  /** The figure of {@code upload("first.csv", "", "Twin beta")} in other bytes (another note). */
  private HttpResponse<String> uploadCopy(String more) {
    String text = new String(ImportEndpointsTest.contracts("Twin beta"), java.nio.charset.StandardCharsets.UTF_8)
        .replace(",sample\n", ",a later copy\n");
    return api.upload(ImportEndpointsTest.path("copy.csv", more), ImportEndpointsTest.CSV,
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void upload_figuresAlreadyStored_400NamesReplace_thenReplaceSwapsTheDataset() {
    int first = ApiFixture.json(upload("first.csv", "", "Twin beta")).get("dataset_id").asInt();
    Map<String, Object> before = StoreCounts.of(store);

    HttpResponse<String> refused = uploadCopy("");
    HttpResponse<String> both = uploadCopy("&replace=" + first + "&allow_duplicates=true");

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode problems = ApiFixture.json(refused).get("problems");
    assertThat(problems.get(0).get("message").asText()).isEqualTo("1 figure is already in the store for the same"
        + " series and release (dataset " + first + " first.csv: 1); give replace=" + first + " to replace that"
        + " dataset, or allow_duplicates=true to keep both");
    assertThat(problems.get(1).get("path").asText()).isEqualTo("copy.csv:2");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(StoreCounts.of(store)).isEqualTo(before);

    HttpResponse<String> replaced = uploadCopy("&replace=" + first);

    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
    JsonNode body = ApiFixture.json(replaced);
    assertThat(body.get("replaced_dataset_id").asInt()).isEqualTo(first);
    assertThat(body.get("message").asText()).startsWith("dataset " + first + " (first.csv, 1 rows) removed; copy.csv");
    assertThat(datasetIds()).doesNotContain(first).contains(body.get("dataset_id").asInt());
  }

  @Test
  void upload_withoutSourceUrl_isAcceptedWithAWarning() {
    byte[] bare = (ImportEndpointsTest.CONTRACTS_HEADER + "Poland,,Bare gamma,1,1,PLN,2024,Mesko,,\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<String> response = api.upload(ImportEndpointsTest.path("bare.csv", ""), ImportEndpointsTest.CSV, bare);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = ApiFixture.json(response);
    assertThat(body.get("warnings").get(0).asText()).isEqualTo("bare.csv: no source URL (neither in the file nor"
        + " source_url=): dataset " + body.get("dataset_id").asInt() + " is listed as unsourced");
    JsonNode rows = ApiFixture.json(api.get("/api/v1/datasets")).get("rows");
    assertThat(rows.get(rows.size() - 1).get("sourcing").asText()).isEqualTo("unsourced");
  }

  @Test
  void show_knownUnknownAndBadId_returns200WithTheThreeResults_404_400() {
    HttpResponse<String> known = api.get("/api/v1/datasets/2");
    HttpResponse<String> table = api.get("/api/v1/datasets/2?format=table");
    HttpResponse<String> unknown = api.get("/api/v1/datasets/99");
    HttpResponse<String> notANumber = api.get("/api/v1/datasets/two");

    assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
    assertThat(ApiFixture.json(known)).hasSize(3);
    assertThat(ApiFixture.json(known).get(0).get("title").asText()).isEqualTo("Dataset 2: bundled/aid_to_ukraine.csv");
    assertThat(table.statusCode()).isEqualTo(200);
    assertThat(table.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(table.body()).contains("Dataset 2: bundled/aid_to_ukraine.csv", "Rows of dataset 2 per table");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(unknown).get("message").asText())
        .isEqualTo("no dataset 99 in the store; GET /api/v1/datasets lists them");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(notANumber).get("problems").get(0).get("path").asText()).isEqualTo("id");
  }
}
