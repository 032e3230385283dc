package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.sweeps.SweepFixtures;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.sweep.SweepReader;

/** {@code /api/v1/sweeps} against a real server on 127.0.0.1: stored sweeps, and sweeps run as jobs. */
class SweepEndpointsTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String startSweep(ApiFixture server, Map<String, Object> body) {
    HttpResponse<String> response = server.postJson("/api/v1/sweeps", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String id = ApiFixture.json(response).get("id").asText();
    assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/sweeps/jobs/" + id);
    return id;
  }

  private static JsonNode awaitTerminal(ApiFixture server, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = ApiFixture.json(server.get("/api/v1/sweeps/jobs/" + id));
      if (List.of("done", "failed", "cancelled").contains(status.get("status").asText())) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("sweep " + id + " did not finish");
  }

  @Test
  void post_sweepWithBaseYaml_runsToDone_resultAsJsonCsvAndParquet() throws Exception {
    String id = startSweep(api, Map.of("yaml", SweepFixtures.SWEEP_YAML, "base_yaml", SweepFixtures.baseYaml()));

    HttpResponse<String> events = api.send(api.request("/api/v1/sweeps/jobs/" + id + "/events")
        .header("Accept", "text/event-stream"));
    JsonNode status = awaitTerminal(api, id);

    assertThat(events.body()).contains("event: done");
    assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("done");
    assertThat(status.get("progress")).isEqualTo(ApiFixture.json("{\"done\": 6, \"total\": 6}"));
    JsonNode result = ApiFixture.json(api.get("/api/v1/sweeps/jobs/" + id + "/result"));
    assertThat(result.get("sweep").get("design").asText()).isEqualTo("grid");
    assertThat(result.get("sweep").get("runs").asInt()).isEqualTo(50);
    assertThat(result.get("columns").toString()).isEqualTo("[\"variant\",\"lines[us-155-total].surge_per_month\","
        + "\"transfers[1].quantity\",\"holder\",\"item\",\"months_to_target_p50\",\"shortfall_probability\","
        + "\"closing_stock_m59_p50\"]");
    assertThat(result.get("rows")).hasSize(12);
    assertThat(result.get("rows").get(11).get(0).asInt()).isEqualTo(5);
    HttpResponse<String> csv = api.get("/api/v1/sweeps/jobs/" + id + "/result?format=csv");
    assertThat(csv.body().lines()).hasSize(13);
    assertThat(csv.body()).startsWith("variant,lines[us-155-total].surge_per_month,");
    HttpResponse<byte[]> parquet = api.sendBytes(api.request("/api/v1/sweeps/jobs/" + id + "/result?format=parquet"));
    assertThat(new String(parquet.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    assertThat(api.get("/api/v1/sweeps/jobs/" + id + "/result?format=xml").statusCode()).isEqualTo(400);
  }

  @Test
  void post_sweepOfSavedExample_runs() throws Exception {
    String id = startSweep(api, Map.of("yaml", "saved: us-155mm-shells\n" + SweepFixtures.SWEEP_YAML));

    assertThat(awaitTerminal(api, id).get("status").asText()).isEqualTo("done");
  }

  @Test
  void post_invalidSweep_returns400WithTheProblemsTheCliReports(@TempDir Path dir) throws Exception {
    String bad = """
        design: sobel
        parameters:
          - {path: "lines[us-155-total].surge_per_mnth", values: [1]}
        """;
    Files.writeString(dir.resolve("base.yaml"), SweepFixtures.baseYaml());
    List<Problem> cli;
    try {
      SweepReader.read(Files.writeString(dir.resolve("bad.yaml"), "base: base.yaml\n" + bad), id -> Optional.empty());
      throw new AssertionError("the sweep file is invalid");
    } catch (InvalidScenarioException e) {
      cli = e.problems();
    }

    HttpResponse<String> response = api.postJson("/api/v1/sweeps", Map.of("yaml", bad, "base_yaml",
        SweepFixtures.baseYaml()));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problems = ApiFixture.json(response).get("problems");
    assertThat(problems).hasSize(cli.size());
    for (int i = 0; i < cli.size(); i++) {
      assertThat(problems.get(i).get("path").asText()).isEqualTo(cli.get(i).path());
      assertThat(problems.get(i).get("message").asText()).isEqualTo(cli.get(i).message());
    }
  }

  @Test
  void post_baseFileWithoutBaseYaml_returns400_andReadsNoFile() {
    HttpResponse<String> response = api.postJson("/api/v1/sweeps", Map.of("yaml", "base: /etc/passwd\n"
        + SweepFixtures.SWEEP_YAML));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = ApiFixture.json(response).get("problems").get(0);
    assertThat(problem.get("path").asText()).isEqualTo("base");
    assertThat(problem.get("message").asText()).startsWith("the server reads no file a request names");
  }

  @Test
  void post_unknownFieldAndNoYaml_returns400ListingBoth() {
    HttpResponse<String> response = api.postJson("/api/v1/sweeps", Map.of("sweep", "x"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems")).extracting(p -> p.get("path").asText())
        .containsExactly("sweep", "yaml");
  }

  @Test
  void cancel_runningAndQueuedSweeps_stopsBoth() throws Exception {
    ApiSettings oneAtATime = ApiSettings.loopback(0)
        .withLimits(new ApiSettings.RunLimits(1_000_000, 600, 2e12, 1, 1));
    String many = SweepFixtures.SWEEP_YAML.replace("runs: 50", "runs: 5000")
        .replace("values: [150000, 300000]", "range: {low: 100000, high: 400000, steps: 40}");
    try (ApiFixture server = ApiFixture.start(oneAtATime)) {
      Map<String, Object> big = Map.of("yaml", many, "base_yaml", SweepFixtures.baseYaml());
      String running = startSweep(server, big);
      String queued = startSweep(server, big);

      HttpResponse<String> cancelQueued = server.delete("/api/v1/sweeps/jobs/" + queued);
      HttpResponse<String> cancelRunning = server.delete("/api/v1/sweeps/jobs/" + running);
      JsonNode runningEnd = awaitTerminal(server, running);

      assertThat(cancelQueued.statusCode()).isEqualTo(200);
      assertThat(ApiFixture.json(cancelQueued).get("status").asText()).isEqualTo("cancelled");
      assertThat(cancelRunning.statusCode()).isEqualTo(200);
      assertThat(runningEnd.get("status").asText()).isEqualTo("cancelled");
      assertThat(runningEnd.get("progress").get("done").asLong()).isLessThan(120);
      HttpResponse<String> result = server.get("/api/v1/sweeps/jobs/" + running + "/result");
      assertThat(result.statusCode()).isEqualTo(409);
      assertThat(server.delete("/api/v1/sweeps/jobs/no-such-job").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void importUpload_sweepParquet_isStoredAndListed_anotherParquetIsRefused(@TempDir Path dir) throws Exception {
    byte[] file = Files.readAllBytes(SweepFixtures.resultFile(dir, "results.parquet"));
    try (ApiFixture server = ApiFixture.start()) {
      HttpResponse<String> imported = server.upload(ImportEndpointsTest.path("results.parquet", ""),
          "application/vnd.apache.parquet", file);
      HttpResponse<String> text = server.upload(ImportEndpointsTest.path("results.parquet", ""),
          "application/octet-stream", "variant,holder\n".getBytes(StandardCharsets.UTF_8));

      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
      assertThat(ApiFixture.json(imported).get("table").asText()).isEqualTo("sweeps");
      assertThat(ApiFixture.json(imported).get("format").asText()).isEqualTo("sweep");
      assertThat(ApiFixture.json(server.get("/api/v1/sweeps")).get("rows")).hasSize(1);
      assertThat(text.statusCode()).isEqualTo(415);
      assertThat(ApiFixture.json(text).get("message").asText()).contains("is not a Parquet file");
    }
  }

  @Test
  void importUpload_sweepParquetDryRun_namesItsTableAndStoresNothing(@TempDir Path dir) throws Exception {
    byte[] file = Files.readAllBytes(SweepFixtures.resultFile(dir, "results.parquet"));
    try (ApiFixture server = ApiFixture.start()) {
      HttpResponse<String> dry = server.upload(ImportEndpointsTest.path("results.parquet", "&dry_run=true"),
          "application/vnd.apache.parquet", file);

      assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
      assertThat(ApiFixture.json(dry).get("table").asText()).isEqualTo("sweeps");
      assertThat(ApiFixture.json(dry).get("rows_by_table").get("sweeps").asInt()).isPositive();
      assertThat(ApiFixture.json(server.get("/api/v1/sweeps")).get("rows")).isEmpty();
    }
  }

  @Test
  void get_storedSweeps_listOneAndGoneOnceItsDatasetIsRemoved(@TempDir Path dir) throws Exception {
    Path file = SweepFixtures.resultFile(dir, "results.parquet");
    int[] id = new int[1];
    try (ApiFixture server = ApiFixture.start(() -> {
      Store store = ApiFixture.seededStore();
      id[0] = new ImportService(store, Countries.standard(), Importers.standard())
          .run(new ImportRequest(file, null, null, null, null, false, false)).datasetId();
      return store;
    })) {
      JsonNode none = ApiFixture.json(server.get("/api/v1/sweeps/999"));
      JsonNode list = ApiFixture.json(server.get("/api/v1/sweeps"));
      JsonNode one = ApiFixture.json(server.get("/api/v1/sweeps/" + id[0]));

      assertThat(none.get("status").asInt()).isEqualTo(404);
      assertThat(list.get("rows")).hasSize(1);
      assertThat(list.get("rows").get(0).get("variants").asInt()).isEqualTo(6);
      assertThat(one.get(1).get("rows")).hasSize(12);
      assertThat(one.get(1).get("columns").get(5).toString())
          .isEqualTo("{\"name\":\"months_to_target_p50\",\"unit\":\"months\"}");
      assertThat(server.delete("/api/v1/datasets/" + id[0]).statusCode()).isEqualTo(200);
      assertThat(ApiFixture.json(server.get("/api/v1/sweeps")).get("rows")).isEmpty();
      assertThat(server.get("/api/v1/sweeps/" + id[0]).statusCode()).isEqualTo(404);
    }
  }
}
