package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code qm sensitivity} through {@link Main#run}. */
class SensitivityCommandTest {
  private static final String EXAMPLE = "sweeps/155mm-sensitivity.yaml";

  @TempDir Path dir;
  private Path small;

  /** The example's parameters and metrics on fewer runs, so that the sampled methods stay quick. */
  @BeforeEach
  void smallSweep() throws Exception {
    Files.copy(CliRun.example("us-155mm-shells.yaml"), dir.resolve("base.yaml"));
    small = dir.resolve("small.yaml");
    Files.writeString(small, Files.readString(CliRun.example(EXAMPLE)).replace("base: ../us-155mm-shells.yaml",
        "base: base.yaml").replace("runs: 1000", "runs: 100"));
  }

  private static CliRun qm(Path sweep, String... more) {
    List<String> args = new ArrayList<>(List.of("sensitivity", sweep.toString(), "--no-progress"));
    args.addAll(List.of(more));
    return CliRun.qm(args.toArray(String[]::new));
  }

  @Test
  void tornado_onTheExample_ranksTheDelayFirst_withUnitsAndTheBase() {
    CliRun run = qm(CliRun.example(EXAMPLE), "--metric", "expected_unmet_demand", "--cell", "USA/shell-155");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Tornado of expected_unmet_demand (shell-155 units over the horizon) for"
        + " USA/shell-155");
    assertThat(lines.get(1)).endsWith("9 variants x 1000 runs, seed 42, common random numbers");
    assertThat(lines.get(2)).startsWith("base (every parameter as in the base scenario): ");
    assertThat(lines.get(3)).startsWith("rank  parameter").endsWith("swing");
    assertThat(lines.get(4)).contains("1  lines[us-155-total].ramp_delay_months.mode").contains("      6  ");
    assertThat(lines).hasSize(9);
  }

  @Test
  void sobol_json_oneThreadAndTwo_identical_andComplete() throws Exception {
    Path one = dir.resolve("one.json");
    Path two = dir.resolve("two.json");
    CliRun first = qm(small, "--method", "sobol", "--n", "16", "--bootstrap", "100", "--threads", "1", "--out",
        one.toString());
    CliRun second = qm(small, "--method", "sobol", "--n", "16", "--bootstrap", "100", "--threads", "2", "--out",
        two.toString());
    assertThat(first.exitCode()).as(first.err()).isEqualTo(Main.OK);
    assertThat(second.exitCode()).as(second.err()).isEqualTo(Main.OK);
    assertThat(Files.readString(one)).isEqualTo(Files.readString(two));
    assertThat(first.out()).isEqualTo("sobol of expected_unmet_demand for USA/shell-155 (96 variants x 100 runs)"
        + " written to " + one + "\n");
    JsonNode json = new ObjectMapper().readTree(one.toFile());
    assertThat(json.get("method").asText()).isEqualTo("sobol");
    assertThat(json.get("metric").asText()).isEqualTo("expected_unmet_demand"); // the sweep's first metric
    assertThat(json.get("unit").asText()).isEqualTo("shell-155 units over the horizon");
    assertThat(json.get("variants").asInt()).isEqualTo(96);
    assertThat(json.get("ranked")).hasSize(4);
    JsonNode top = json.get("ranked").get(0);
    assertThat(top.get("rank").asInt()).isEqualTo(1);
    assertThat(top.get("st").asDouble()).isBetween(top.get("st_low").asDouble(), top.get("st_high").asDouble());
    assertThat(json.get("ranked").get(1).get("st").asDouble()).isLessThanOrEqualTo(top.get("st").asDouble());
  }

  @Test
  void morris_csv_rankedByMuStar() throws Exception {
    CliRun run = qm(small, "--method", "morris", "--n", "4", "--format", "csv", "--cell", "UKR/shell-155",
        "--metric", "shortfall_probability");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("rank,parameter,mu_star,mu,sigma");
    assertThat(lines).hasSize(5);
    double previous = Double.MAX_VALUE;
    for (String line : lines.subList(1, 5)) {
      double muStar = Double.parseDouble(line.split(",")[2]);
      assertThat(muStar).isLessThanOrEqualTo(previous);
      previous = muStar;
    }
  }

  @Test
  void unknownMetricCellOrMethod_exitTwo_withTheFix() {
    CliRun metric = qm(small, "--metric", "expected_unmet_demnd");
    assertThat(metric.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(metric.err()).contains("--metric expected_unmet_demnd: the sweep keeps no such metric; did you mean"
        + " 'expected_unmet_demand'?");
    CliRun cell = qm(small, "--cell", "USA/shell-152");
    assertThat(cell.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(cell.err()).contains("its cells are USA/shell-155, UKR/shell-155");
    CliRun method = qm(small, "--method", "sobel");
    assertThat(method.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(method.err()).contains("--method must be tornado, sobol or morris, got sobel");
    assertThat(qm(small, "--n", "8").err()).contains("--n applies to sobol (base points) and morris");
    assertThat(qm(small, "--method", "morris", "--levels", "3").exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(qm(small, "--format", "xlsx").exitCode()).isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void censoredMetric_forSobol_exitsTwo_andWritesNothing() {
    Path out = dir.resolve("s.json");
    CliRun run = qm(small, "--method", "sobol", "--n", "4", "--metric", "months_to_target_p50", "--out",
        out.toString());
    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("months_to_target_p50 of USA/shell-155 is empty in").contains(
        "choose another --metric");
    assertThat(out).doesNotExist();
  }

  @Test
  void help_showsEveryOptionWithItsDefault() {
    CliRun help = CliRun.qm("sensitivity", "--help");
    assertThat(help.exitCode()).isEqualTo(Main.OK);
    CliRun.assertEveryOptionShownWithDefault(help.out(), "sensitivity");
    assertThat(CliRun.qm("help").out()).contains("sensitivity");
  }

  @Test
  void invalidSweepFile_exitsTwo_listingEveryProblem() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, """
        base: base.yaml
        parameters:
          - {path: "lines[us-155-total].surge_per_mnth", range: {low: 1, high: 2}}
        """);
    CliRun run = qm(bad);
    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(bad + ": invalid sweep, 2 problems:").contains("unknown path")
        .contains("steps: is required with design grid");
    assertThat(qm(dir.resolve("missing.yaml")).err()).contains("missing.yaml: invalid sweep, 1 problem:");
  }
}
