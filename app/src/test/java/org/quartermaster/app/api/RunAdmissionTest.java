package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.app.api.RunEndpointsTest.awaitTerminal;
import static org.quartermaster.app.api.RunEndpointsTest.startRun;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.simulation.SimulationOptions;

/**
 * Runs are admitted by their memory estimate into what all runs may hold together: a second large run
 * no longer starts beside a first that holds the memory (both used to pass a per-run check and fail
 * together with OutOfMemoryError); a run that could never fit is told what to change.
 */
class RunAdmissionTest {
  private static final int BIG_RUNS = 1_000_000;
  private static final Map<String, Object> BIG = Map.of("scenario_id", "illustrative-manpads", "runs", BIG_RUNS);

  @TempDir Path folder;

  /** The bytes the server admits the big run with (the same sum the server makes). */
  private long bigRunBytes(ApiSettings.RunLimits limits) {
    Scenario scenario = ScenarioReader.parse(
        ExampleScenarios.fromClasspath().find("illustrative-manpads").orElseThrow().yaml(), "example");
    try (RunManager manager = new RunManager(limits, folder.resolve("estimate"))) {
      return manager.admissionBytes(scenario, SimulationOptions.stochastic(BIG_RUNS, 42));
    }
  }

  @Test
  void start_secondBigRunWhileTheFirstHoldsTheMemory_returns503WithTheEstimate() throws Exception {
    ApiSettings.RunLimits twoAtATime = new ApiSettings.RunLimits(1_000_000, 600, 2e9, 2, 2);
    long oneAndAHalf = bigRunBytes(twoAtATime) * 3 / 2;
    ApiSettings settings = ApiSettings.loopback(0).withRunResults(folder)
        .withLimits(twoAtATime.withMemory(oneAndAHalf, 1 << 20, 1 << 20));
    try (ApiFixture server = ApiFixture.start(settings)) {
      String first = startRun(server, BIG);

      HttpResponse<String> second = server.postJson("/api/v1/runs", BIG);

      assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
      assertThat(second.headers().firstValue("Retry-After")).isPresent();
      assertThat(ApiFixture.json(second).get("message").asText())
          .startsWith("not enough memory for this run now: it needs an estimated ")
          .contains(" MiB of the ").contains(" that runs may hold are taken by running and queued runs");

      server.delete("/api/v1/runs/" + first);
      assertThat(awaitTerminal(server, first).get("status").asText()).isEqualTo("cancelled");
      String third = startRun(server, BIG); // the cancelled run gave its memory back
      server.delete("/api/v1/runs/" + third);
      awaitTerminal(server, third);
    }
  }

  @Test
  void start_cancelledWhileQueued_givesItsMemoryBack() throws Exception {
    ApiSettings.RunLimits oneAtATime = new ApiSettings.RunLimits(1_000_000, 600, 2e9, 1, 2);
    long twoAndAHalf = bigRunBytes(oneAtATime) * 5 / 2;
    ApiSettings settings = ApiSettings.loopback(0).withRunResults(folder)
        .withLimits(oneAtATime.withMemory(twoAndAHalf, 1 << 20, 1 << 20));
    try (ApiFixture server = ApiFixture.start(settings)) {
      String running = startRun(server, BIG);
      String queued = startRun(server, BIG);
      assertThat(server.postJson("/api/v1/runs", BIG).statusCode()).isEqualTo(503);

      server.delete("/api/v1/runs/" + queued);
      String again = startRun(server, BIG);

      for (String id : new String[] {running, again}) {
        server.delete("/api/v1/runs/" + id);
        awaitTerminal(server, id);
      }
    }
  }

  @Test
  void start_runThatCouldNeverFit_returns413SayingWhatToChange() {
    ApiSettings settings = ApiSettings.loopback(0).withRunResults(folder)
        .withLimits(ApiSettings.RunLimits.DEFAULT.withMemory(64 << 10, 1 << 20, 1 << 20));
    try (ApiFixture server = ApiFixture.start(settings)) {
      HttpResponse<String> response = server.postJson("/api/v1/runs",
          Map.of("scenario_id", "illustrative-manpads", "runs", 10_000));

      assertThat(response.statusCode()).isEqualTo(413);
      JsonNode problem = ApiFixture.json(response).get("problems").get(0);
      assertThat(problem.get("path").asText()).isEqualTo("runs");
      assertThat(problem.get("value").asText()).isEqualTo("10000");
      assertThat(problem.get("message").asText()).startsWith("this run needs an estimated ")
          .contains("more than the 0.1 MiB all runs may hold on this server: ask for fewer runs")
          .endsWith("fewer cells or a shorter horizon_months");
    }
  }
}
