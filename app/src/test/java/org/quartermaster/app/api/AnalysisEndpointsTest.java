package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.cli.Main;
import org.quartermaster.app.sweeps.SweepFixtures;

/**
 * {@code POST /api/v1/sensitivity} and {@code /api/v1/optimisations} as jobs, against a real server on
 * 127.0.0.1, compared with {@code qm sensitivity} and {@code qm optimise} on the same files.
 */
class AnalysisEndpointsTest {
  /** Two of the 155 mm example's sensitivity ranges, on few runs. */
  private static final String SENSITIVITY_YAML = """
      design: {type: latin-hypercube, points: 8}
      runs: 60
      seed: 11
      parameters:
        - path: lines[us-155-total].ramp_delay_months.mode
          range: {low: 6, high: 18}
        - path: transfers[1].quantity
          range: {low: 150000, high: 300000}
      metrics:
        - expected_unmet_demand
        - shortfall_probability
      """;
  /** OptimiseCommandTest's hand-worked case: A (100) leaves 360 unmet, B (80) 420; budget for one. */
  private static final String OPTIMISE_BASE = """
      name: short
      horizon_months: 12
      items: [{id: shell}]
      holders: [{id: USA}]
      lines:
        - {id: plant, item: shell, base_per_month: 50, surge_per_month: 50, ramp_start_month: 0, ramp_months: 0,
           shares: {USA: 1}}
      stocks:
        - {holder: USA, item: shell, initial: 0, demand: [{from: 0, per_month: 100}]}
      """;
  private static final String OPTIMISE_YAML = """
      budget: {amount: 150, currency: USD}
      runs: 200
      batches: 4
      seed: 5
      frontier_steps: 3
      objective: {minimise: expected_unmet_demand}
      options:
        - {id: A, name: second shift, cost: {amount: 100, assumption: hand-worked},
           effects: [{second_shift: {line: plant, surge_per_month: 30, lead_time_months: {min: 2, mode: 4, max: 6}}}]}
        - {id: B, name: more surge, cost: {amount: 80, assumption: hand-worked},
           effects: [{add: {path: "lines[plant].surge_per_month", amount: 15}}]}
      """;

  private static ApiFixture api;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String startJob(String path, Map<String, Object> body) {
    HttpResponse<String> response = api.postJson(path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String id = ApiFixture.json(response).get("id").asText();
    assertThat(response.headers().firstValue("Location")).hasValue(path + "/jobs/" + id);
    return id;
  }

  private static JsonNode awaitDone(String path, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = ApiFixture.json(api.get(path + "/jobs/" + id));
      if (List.of("done", "failed", "cancelled").contains(status.get("status").asText())) {
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("done");
        return ApiFixture.json(api.get(path + "/jobs/" + id + "/result"));
      }
      Thread.sleep(50);
    }
    throw new AssertionError(path + " job " + id + " did not finish");
  }

  /** {@code qm ARGS --format json} on {@code file} written beside {@code base}, as JSON. */
  private JsonNode cli(String file, String base, String... args) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), base);
    Path path = Files.writeString(dir.resolve("file.yaml"), "base: base.yaml\n" + file);
    List<String> all = new ArrayList<>(List.of(args[0], path.toString(), "--format", "json"));
    all.addAll(List.of(args).subList(1, args.length));
    all.add("--no-progress");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isEqualTo(Main.OK);
    return ApiFixture.json(out.toString());
  }

  /** The result without what names the request rather than the analysis (job id, file name). */
  private static JsonNode figures(JsonNode result, String... labels) {
    ObjectNode copy = result.deepCopy();
    copy.remove("id");
    copy.remove(List.of(labels));
    return copy;
  }

  @Test
  void tornado_runsAsAJob_andEqualsTheCli() throws Exception {
    String id = startJob("/api/v1/sensitivity", Map.of("yaml", SENSITIVITY_YAML, "base_yaml",
        SweepFixtures.baseYaml(), "metric", "expected_unmet_demand", "cell", "USA/shell-155"));

    JsonNode result = awaitDone("/api/v1/sensitivity", id);

    assertThat(result.get("id").asText()).isEqualTo(id);
    assertThat(result.get("method").asText()).isEqualTo("tornado");
    assertThat(result.get("variants").asInt()).isEqualTo(5);
    assertThat(ApiFixture.json(api.get("/api/v1/sensitivity/jobs/" + id)).get("progress"))
        .isEqualTo(ApiFixture.json("{\"done\": 5, \"total\": 5}"));
    JsonNode cli = cli(SENSITIVITY_YAML, SweepFixtures.baseYaml(), "sensitivity", "--metric",
        "expected_unmet_demand", "--cell", "USA/shell-155");
    assertThat(figures(result, "sweep", "base")).isEqualTo(figures(cli, "sweep", "base"));
    assertThat(result.get("ranked").get(0).get("parameter").asText())
        .isEqualTo("lines[us-155-total].ramp_delay_months.mode");
  }

  @Test
  void morris_runsAsAJob_andEqualsTheCli() throws Exception {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("yaml", SENSITIVITY_YAML, "base_yaml",
        SweepFixtures.baseYaml(), "method", "morris", "n", 3, "metric", "shortfall_probability", "cell",
        "USA/shell-155"));

    JsonNode result = awaitDone("/api/v1/sensitivity", startJob("/api/v1/sensitivity", body));

    JsonNode cli = cli(SENSITIVITY_YAML, SweepFixtures.baseYaml(), "sensitivity", "--method", "morris", "--n", "3",
        "--metric", "shortfall_probability", "--cell", "USA/shell-155");
    assertThat(result.get("variants").asInt()).isEqualTo(9);
    assertThat(result.at("/ranked/0/mu_star").asDouble()).isPositive();
    assertThat(figures(result, "sweep", "base")).isEqualTo(figures(cli, "sweep", "base"));
  }

  @Test
  void optimisation_runsAsAJob_andChoosesAsTheCli() throws Exception {
    String id = startJob("/api/v1/optimisations", Map.of("yaml", OPTIMISE_YAML, "base_yaml", OPTIMISE_BASE));

    JsonNode result = awaitDone("/api/v1/optimisations", id);

    JsonNode cli = cli(OPTIMISE_YAML, OPTIMISE_BASE, "optimise");
    assertThat(result.at("/chosen/optionIds").toString()).isEqualTo("[\"A\"]");
    assertThat(figures(result, "source", "baseLabel")).isEqualTo(figures(cli, "source", "baseLabel"));
    JsonNode progress = ApiFixture.json(api.get("/api/v1/optimisations/jobs/" + id)).get("progress");
    assertThat(progress.get("total").asInt()).isEqualTo(3); // none, A, B: A + B is over the budget
    assertThat(progress.get("done").asInt()).isEqualTo(3);
  }

  @Test
  void sensitivity_badOptions_return400NamingEachFieldAndValue() {
    HttpResponse<String> response = api.postJson("/api/v1/sensitivity", Map.of("yaml", SENSITIVITY_YAML,
        "base_yaml", SweepFixtures.baseYaml(), "method", "tornadoo", "levels", 3, "bootstrap", -1));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problems = ApiFixture.json(response).get("problems");
    assertThat(problems).extracting(p -> p.get("path").asText()).containsExactly("method", "levels", "bootstrap");
    assertThat(problems.get(0).get("value").asText()).isEqualTo("tornadoo");
    assertThat(problems.get(0).get("message").asText()).isEqualTo("method must be tornado, sobol or morris, got"
        + " tornadoo");
    assertThat(problems.get(1).get("message").asText()).isEqualTo("levels must be even and at least 2 (e.g. 4),"
        + " got 3");
  }

  @Test
  void sensitivity_metricTheSweepDoesNotKeep_returns400WithTheCliMessage() {
    HttpResponse<String> response = api.postJson("/api/v1/sensitivity", Map.of("yaml", SENSITIVITY_YAML,
        "base_yaml", SweepFixtures.baseYaml(), "metric", "expected_unmet"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = ApiFixture.json(response).get("problems").get(0);
    assertThat(problem.get("path").asText()).isEqualTo("metric");
    assertThat(problem.get("value").asText()).isEqualTo("expected_unmet");
    assertThat(problem.get("message").asText()).startsWith("--metric expected_unmet: the sweep keeps no such metric");
  }

  @Test
  void optimisation_invalidFile_returns400WithTheProblemsTheCliLists() {
    HttpResponse<String> response = api.postJson("/api/v1/optimisations", Map.of("base_yaml", OPTIMISE_BASE, "yaml", """
        budget: {amount: 100, currency: usd}
        objective: {minimise: expected_unmet_demnd}
        options:
          - {id: A, name: A, cost: {amount: 10}, effects: [{add: {path: "lines[plnt].surge_per_month", amount: 5}}]}
        """));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = ApiFixture.json(response);
    assertThat(body.get("message").asText()).isEqualTo("invalid optimisation, 3 problems");
    assertThat(body.get("problems")).extracting(p -> p.get("path").asText() + ": " + p.get("message").asText())
        .anySatisfy(p -> assertThat(p).startsWith("budget.currency: must be an ISO 4217 code such as USD or EUR"))
        .anySatisfy(p -> assertThat(p).startsWith("objective.minimise: unknown objective; did you mean"
            + " 'expected_unmet_demand'?"))
        .anySatisfy(p -> assertThat(p).startsWith("options[0].cost: say where the amount comes from"));
  }

  @Test
  void jobs_ofOneKind_areNotFoundUnderAnother() throws Exception {
    String id = startJob("/api/v1/optimisations", Map.of("yaml", OPTIMISE_YAML, "base_yaml", OPTIMISE_BASE));

    assertThat(api.get("/api/v1/sensitivity/jobs/" + id).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/sweeps/jobs/" + id).statusCode()).isEqualTo(404);
    awaitDone("/api/v1/optimisations", id);
  }

  @Test
  void post_fromAnotherOrigin_isRefused403() {
    for (String path : List.of("/api/v1/sensitivity", "/api/v1/optimisations")) {
      HttpResponse<String> response = api.send(api.request(path).header("Content-Type", "application/json")
          .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(ApiFixture.toJson(
              Map.of("yaml", OPTIMISE_YAML, "base_yaml", OPTIMISE_BASE)))));
      assertThat(response.statusCode()).as(path).isEqualTo(403);
    }
  }

  @Test
  void examples_listTheSweepAndOptimisationFiles_readyToPost() throws Exception {
    JsonNode examples = ApiFixture.json(api.get("/api/v1/analysis/examples")).get("examples");

    assertThat(examples).extracting(e -> e.get("id").asText() + " " + e.get("kind").asText()).containsExactly(
        "sweeps/155mm-sensitivity sweep", "sweeps/155mm sweep", "optimise/155mm optimisation",
        "optimise/stinger optimisation");
    String yaml = examples.get(0).get("yaml").asText();
    assertThat(yaml).contains("\nsaved: us-155mm-shells\n").doesNotContain("\nbase:");
    String id = startJob("/api/v1/sensitivity", Map.of("yaml", yaml.replace("runs: 1000", "runs: 40")));
    assertThat(awaitDone("/api/v1/sensitivity", id).get("base").asText()).isEqualTo("saved scenario us-155mm-shells");
  }
}
