package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.app.api.RunEndpointsTest.awaitTerminal;
import static org.quartermaster.app.api.RunEndpointsTest.startRun;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.engine.result.ResultJson;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.simulation.Sm1Simulator;

/**
 * Finished runs' results: above the file limit kept in the results folder and streamed back byte for
 * byte; the run list bounded by the bytes its in-memory results hold, oldest finished forgotten first,
 * their files removed; leftovers of an earlier server removed at start.
 */
class RunResultStorageTest {
  private static final Map<String, Object> TINY = Map.of("yaml", ApiFixture.TINY_SCENARIO, "deterministic", true);

  @TempDir Path folder;

  private static byte[] tinyResult() {
    return ResultJson.toJson(Sm1Simulator.run(ScenarioReader.parse(ApiFixture.TINY_SCENARIO, "tiny"),
        SimulationOptions.deterministic())).getBytes(StandardCharsets.UTF_8);
  }

  private ApiFixture server(long resultMemoryBytes, long resultFileBytes) {
    return server(ApiSettings.RunLimits.DEFAULT.withMemory(1L << 30, resultMemoryBytes, resultFileBytes));
  }

  private ApiFixture server(ApiSettings.RunLimits limits) {
    return ApiFixture.start(ApiSettings.loopback(0).withRunResults(folder).withLimits(limits));
  }

  private long folderBytes() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private long files() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  @Test
  void result_aboveTheFileLimit_isStreamedFromItsFileIdenticalToTheEngine() throws Exception {
    String yaml = ExampleScenarios.fromClasspath().find("illustrative-manpads").orElseThrow().yaml();
    String expected = ResultJson.toJson(Sm1Simulator.run(ScenarioReader.parse(yaml, "example"),
        SimulationOptions.stochastic(300, 5)));
    try (ApiFixture server = server(4096, 1024)) {
      String id = startRun(server, Map.of("scenario_id", "illustrative-manpads", "runs", 300, "seed", 5));
      awaitTerminal(server, id);

      HttpResponse<String> result = server.get("/api/v1/runs/" + id + "/result");

      assertThat(result.statusCode()).isEqualTo(200);
      assertThat(result.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("application/json"));
      assertThat(result.body()).isEqualTo(expected);
      assertThat(Files.readString(folder.resolve("run-" + id + ".json"))).isEqualTo(expected);
    }
    assertThat(files()).as("the server removes its result files when it stops").isZero();
  }

  @Test
  void runs_inMemoryResultsOverTheirBudget_forgetTheOldestFinishedFirst() throws Exception {
    long one = tinyResult().length;
    try (ApiFixture server = server(one * 5 / 2, one * 2)) {
      String first = startRun(server, TINY);
      awaitTerminal(server, first);
      String second = startRun(server, TINY);
      awaitTerminal(server, second);
      String third = startRun(server, TINY);
      awaitTerminal(server, third);

      assertThat(server.get("/api/v1/runs/" + first).statusCode()).isEqualTo(404);
      assertThat(server.get("/api/v1/runs/" + second + "/result").body().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(tinyResult());
      assertThat(server.get("/api/v1/runs/" + third + "/result").statusCode()).isEqualTo(200);
      assertThat(files()).as("short results stay in memory").isZero();
    }
  }

  @Test
  void runs_moreThanKeptOnDisk_forgetTheOldestAndRemoveItsFile() throws Exception {
    try (ApiFixture server = server(1024, 1)) {
      String first = startRun(server, TINY);
      awaitTerminal(server, first);
      assertThat(folder.resolve("run-" + first + ".json")).exists();
      for (int k = 0; k < RunManager.KEPT; k++) {
        awaitTerminal(server, startRun(server, TINY));
      }

      assertThat(server.get("/api/v1/runs/" + first).statusCode()).isEqualTo(404);
      assertThat(folder.resolve("run-" + first + ".json")).doesNotExist();
      assertThat(files()).isEqualTo(RunManager.KEPT);
    }
  }

  @Test
  void start_leftoverResultFiles_areRemovedOthersKept() throws Exception {
    Files.writeString(folder.resolve("run-0ld.json"), "{}");
    Files.writeString(folder.resolve("notes.txt"), "mine");

    try (ApiFixture server = server(1024, 512)) {
      assertThat(folder.resolve("run-0ld.json")).doesNotExist();
      assertThat(folder.resolve("notes.txt")).hasContent("mine");
    }
  }

  @Test
  void runs_resultFilesOverTheFolderBound_forgetTheOldestFinishedFirstAndRemoveTheirFiles() throws Exception {
    String yaml = ExampleScenarios.fromClasspath().find("illustrative-manpads").orElseThrow().yaml();
    long one = ResultJson.toJson(Sm1Simulator.run(ScenarioReader.parse(yaml, "example"),
        SimulationOptions.stochastic(300, 5))).getBytes(StandardCharsets.UTF_8).length;
    Map<String, Object> run = Map.of("scenario_id", "illustrative-manpads", "runs", 300, "seed", 5);
    // room for two result files, not three (and for the result's estimate, which is on the high side)
    ApiSettings.RunLimits limits = ApiSettings.RunLimits.DEFAULT.withMemory(1L << 30, 1024, 1)
        .withResultFolderBytes(one * 5 / 2);
    try (ApiFixture server = server(limits)) {
      String first = startRun(server, run);
      awaitTerminal(server, first);
      String second = startRun(server, run);
      awaitTerminal(server, second);
      assertThat(files()).isEqualTo(2);
      String third = startRun(server, run);
      awaitTerminal(server, third);

      assertThat(server.get("/api/v1/runs/" + first).statusCode()).isEqualTo(404);
      assertThat(folder.resolve("run-" + first + ".json")).doesNotExist();
      assertThat(server.get("/api/v1/runs/" + second + "/result").body().getBytes(StandardCharsets.UTF_8))
          .hasSize((int) one);
      assertThat(server.get("/api/v1/runs/" + third + "/result").statusCode()).isEqualTo(200);
      assertThat(files()).isEqualTo(2);
      assertThat(folderBytes()).isLessThanOrEqualTo(one * 5 / 2);
    }
  }

  @Test
  void start_resultLongerThanTheWholeFolder_isRefusedWith507BeforeItRuns() throws Exception {
    ApiSettings.RunLimits limits = ApiSettings.RunLimits.DEFAULT.withMemory(1L << 30, 1024, 1)
        .withResultFolderBytes(100);
    try (ApiFixture server = server(limits)) {
      HttpResponse<String> refused = server.post("/api/v1/runs", "application/json", ApiFixture.toJson(TINY));

      assertThat(refused.statusCode()).isEqualTo(507);
      assertThat(ApiFixture.json(refused).get("message").asText())
          .contains("this run's result would take an estimated", "0.0 MiB the server keeps for run results",
              "shorter horizon or fewer cells");
      assertThat(files()).isZero();
    }
  }
}
