package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code qm optimise} through {@link Main#run}. */
class OptimiseCommandTest {
  /** OptimiserGoldenTest's hand-worked case: A (shift, 100) leaves 360 unmet, B (surge, 80) 420; budget for one. */
  private static final String SCENARIO = """
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
  private static final String OPTIONS = """
      base: base.yaml
      budget: {amount: 150, currency: USD}
      mode: deterministic
      frontier_steps: 3
      objective: {minimise: expected_unmet_demand}
      options:
        - {id: A, name: second shift, cost: {amount: 100, assumption: hand-worked},
           effects: [{second_shift: {line: plant, surge_per_month: 30, lead_time_months: {min: 4, mode: 4, max: 4}}}]}
        - {id: B, name: more surge, cost: {amount: 80, assumption: hand-worked},
           effects: [{add: {path: "lines[plant].surge_per_month", amount: 15}}]}
      """;

  @TempDir Path dir;

  private Path handWorked() throws Exception {
    Files.writeString(dir.resolve("base.yaml"), SCENARIO);
    Path file = dir.resolve("options.yaml");
    Files.writeString(file, OPTIONS);
    return file;
  }

  @Test
  void handWorkedCase_table_showsChoiceRunnerUpAndFrontier() throws Exception {
    CliRun run = CliRun.qm("optimise", handWorked().toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out())
        .containsPattern("chosen +A +100 +360")
        .containsPattern("runner-up +B +80 +420")
        .contains("Chosen minus runner-up: -60.00 units (exact: deterministic mode).")
        .containsPattern("\\n +0 +\\(none\\) +0 +600")
        .containsPattern("\\n +50 +\\(none\\) +0 +600")
        .containsPattern("\\n +100 +A +100 +360")
        .containsPattern("\\n +150 +A +100 +360");
  }

  @Test
  void handWorkedCase_json_holdsTheWholeReport() throws Exception {
    Path out = dir.resolve("report.json");
    CliRun run = CliRun.qm("optimise", handWorked().toString(), "--format", "json", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out()).contains("chose A; json written to " + out);
    JsonNode report = JsonMapper.builder().build().readTree(out.toFile());
    assertThat(report.at("/chosen/optionIds/0").asText()).isEqualTo("A");
    assertThat(report.at("/chosen/value").asDouble()).isEqualTo(360);
    assertThat(report.at("/runnerUp/value").asDouble()).isEqualTo(420);
    assertThat(report.at("/difference/estimate").asDouble()).isEqualTo(-60);
    assertThat(report.at("/frontier").size()).isEqualTo(4);
    assertThat(report.at("/objectiveUnit").asText()).isEqualTo("units");
  }

  @Test
  void progress_onAPlainStderr_countsPortfoliosOutOfTheFeasibleOnes_andNoProgressSilencesIt() throws Exception {
    CliRun shown = CliRun.qm("optimise", handWorked().toString());
    CliRun silent = CliRun.qm("optimise", handWorked().toString(), "--no-progress");

    assertThat(shown.exitCode()).as(shown.err()).isEqualTo(Main.OK);
    // none, A and B are feasible (A + B is over the budget)
    assertThat(shown.err()).contains("qm: optimise: 3 of 3 portfolios (100%)");
    assertThat(silent.err()).isEmpty();
    assertThat(silent.out()).isEqualTo(shown.out());
  }

  @Test
  void threadsBelowOne_exitsTwo_namingTheOption() throws Exception {
    CliRun run = CliRun.qm("optimise", handWorked().toString(), "--threads", "0");
    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--threads must be at least 1, got 0");
  }

  @Test
  void example_oneThreadAndTwo_printIdenticalReports() {
    String example = CliRun.example("optimise/stinger.yaml").toString();
    CliRun one = CliRun.qm("optimise", example, "--threads", "1");
    CliRun two = CliRun.qm("optimise", example, "--threads", "2");
    assertThat(one.exitCode()).as(one.err()).isEqualTo(Main.OK);
    assertThat(two.out()).isEqualTo(one.out());
    assertThat(one.out()).contains("chosen ").contains("95% interval").contains("Efficient frontier");
  }

  @Test
  void example155mm_csv_isTheFrontier_oneRowPerBudgetLevel() throws Exception {
    Path out = dir.resolve("frontier.csv");
    CliRun run = CliRun.qm("optimise", CliRun.example("optimise/155mm.yaml").toString(), "--format", "csv", "--out",
        out.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(12);
    assertThat(lines.get(0)).isEqualTo("budget_level,options,cost,objective");
    assertThat(lines.get(1)).startsWith("0,(none),0,");
  }

  @Test
  void invalidFile_exitsTwo_listsEveryProblem_andWritesNothing() throws Exception {
    Files.writeString(dir.resolve("base.yaml"), SCENARIO);
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        base: base.yaml
        budget: {amount: 100, currency: usd}
        objective: {minimise: expected_unmet_demnd}
        options:
          - {id: A, name: A, cost: {amount: 10}, effects: [{add: {path: "lines[plnt].surge_per_month", amount: 5}}]}
        """);
    Path out = dir.resolve("r.json");
    CliRun run = CliRun.qm("optimise", file.toString(), "--out", out.toString());
    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(file + ": invalid optimisation, 3 problems:")
        .contains("budget.currency: must be an ISO 4217 code such as USD or EUR")
        .contains("objective.minimise: unknown objective; did you mean 'expected_unmet_demand'?")
        .contains("options[0].cost: say where the amount comes from")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void badOptions_exitTwo() throws Exception {
    String file = handWorked().toString();
    assertThat(CliRun.qm("optimise", file, "--threads", "0").exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(CliRun.qm("optimise", file, "--format", "xlsx").exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(CliRun.qm("optimise", file, "--out", dir.resolve("no-such/r.csv").toString()).exitCode())
        .isEqualTo(Main.BAD_INPUT);
    assertThat(CliRun.qm("optimise", dir.resolve("missing.yaml").toString()).err())
        .contains("missing.yaml: invalid optimisation, 1 problem:").contains("no such file");
  }

  @Test
  void help_showsEveryOptionWithItsDefault() {
    CliRun run = CliRun.qm("optimise", "--help");
    assertThat(run.exitCode()).isEqualTo(Main.OK);
    CliRun.assertEveryOptionShownWithDefault(run.out(), "optimise");
  }

  @Test
  void savedBase_isReadFromTheStoreGivenWithDb() throws Exception {
    Path db = CliRun.seededStore(dir.resolve("store.duckdb"));
    try (org.quartermaster.app.store.Store store = org.quartermaster.app.store.Store.open(db)) {
      new org.quartermaster.app.scenarios.SavedScenarios(store).create("short", "short", SCENARIO);
    }
    Path file = dir.resolve("saved.yaml");
    Files.writeString(file, OPTIONS.replace("base: base.yaml", "saved: short"));
    CliRun run = CliRun.qm("--db", db.toString(), "optimise", file.toString(), "--format", "csv");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out()).contains("150,A,100,360");

    Files.writeString(file, OPTIONS.replace("base: base.yaml", "saved: nope"));
    CliRun unknown = CliRun.qm("--db", db.toString(), "optimise", file.toString());
    assertThat(unknown.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("saved: no saved scenario has this id");
  }
}
