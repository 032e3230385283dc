package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End-to-end tests of {@code qm simulate} (and {@code qm --help}) through {@link Main#run}. */
class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANPADS = "illustrative-manpads.yaml";
  private static final int MONTHS = 120;

  /** MODEL.md "Result format v1": the top-level fields, and the extras ResultJson documents. */
  private static final Set<String> V1_FIELDS =
      Set.of("model", "scenario", "mode", "runs", "seed", "horizon_months", "cells", "lines", "transfers");
  private static final Set<String> DOCUMENTED_EXTRAS = Set.of("start", "engine");

  private static final String INVALID_SCENARIO = """
      name: two problems
      horizon_months: 0
      items: [{id: shell}]
      holders: [{id: USA}]
      stocks:
        - {holder: USA, item: shell, initial: 5, demand: [{from: 0, per_month: -1}]}
      """;

  static Stream<Arguments> badInput() {
    String manpads = CliRun.example(MANPADS).toString();
    return Stream.of(
        Arguments.of("missing file", List.of("simulate", "no-such-scenario.yaml")),
        Arguments.of("unknown option", List.of("simulate", manpads, "--runz=5")),
        Arguments.of("--runs 0", List.of("simulate", manpads, "--runs", "0")),
        Arguments.of("--runs -3", List.of("simulate", manpads, "--runs", "-3")),
        Arguments.of("--runs abc", List.of("simulate", manpads, "--runs", "abc")),
        Arguments.of("--threads 0", List.of("simulate", manpads, "--threads", "0")),
        Arguments.of("--out into a missing folder", List.of("simulate", manpads, "--out", "no-such-folder/r.json")),
        Arguments.of("--out a directory", List.of("simulate", manpads, "--out", CliRun.repoRoot().toString())),
        Arguments.of("no scenario", List.of("simulate")),
        Arguments.of("unknown command", List.of("simulat", manpads)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void simulate_badInput_exitsTwoWithMessageAndNoStackTrace(String what, List<String> args) {
    CliRun run = CliRun.qm(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).startsWith("qm: ").doesNotContain("at org.", "Exception", "internal error");
    assertThat(run.out()).doesNotContain("Result (format v1) written");
  }

  @Test
  void simulate_missingFile_namesTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.yaml");

    CliRun run = CliRun.qm("simulate", missing.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(missing + ": invalid scenario, 1 problem:", "(file): no such file");
  }

  @Test
  void simulate_invalidScenario_listsEveryProblemWithItsPath(@TempDir Path dir) throws IOException {
    Path scenario = Files.writeString(dir.resolve("bad.yaml"), INVALID_SCENARIO);

    CliRun run = CliRun.qm("simulate", scenario.toString(), "--no-progress");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .contains(scenario + ": invalid scenario, 2 problems:")
        .contains("qm:   horizon_months: must be at least 1 (got 0)")
        .contains("qm:   stocks[0].demand[0].per_month: must be at least 0 (got -1)")
        .doesNotContain("at org.", "Exception");
    assertThat(run.out()).isEmpty();
  }

  /** Valid-looking scenarios that crashed the reader or printed "P50 NaN" / vanished output with exit 0. */
  static Stream<Arguments> unboundedNumbers() {
    String line = "  - {id: a, item: shell, base_per_month: %s, surge_per_month: %s, ramp_start_month: 0, ramp_months: 0,"
        + " shares: {%s}}\n";
    String head = "horizon_months: 3\nruns: 10\nitems: [{id: shell}]\nholders: [{id: USA}, {id: UKR}]\n";
    return Stream.of(
        Arguments.of("horizon_months: 2147483648\nitems: [{id: shell}]\nholders: [{id: USA}]\n",
            "horizon_months: must be at most 1200", "(got 2147483648)"),
        Arguments.of(head + "lines:\n" + line.formatted("10", "10", "USA: 1e308, UKR: 1e308"),
            "lines[0].shares.USA: must be at most 1e15", "lines[0].shares.UKR: must be at most 1e15"),
        Arguments.of(head + "lines:\n" + line.formatted("1e308", "1e308", "USA: 1")
                + "stocks: [{holder: USA, item: shell, initial: 1e308}]\n",
            "stocks[0].initial: must be at most 9,007,199,254,740,992 (2^53)",
            "lines[0].base_per_month: must be at most 9,007,199,254,740,992 (2^53)"));
  }

  @ParameterizedTest
  @MethodSource("unboundedNumbers")
  void simulate_numbersBeyondTheEnginesArithmetic_exitsTwoNamingPathValueAndLimit(String yaml, String problem,
      String other, @TempDir Path dir) throws IOException {
    Path scenario = Files.writeString(dir.resolve("big.yaml"), yaml);

    CliRun run = CliRun.qm("simulate", scenario.toString(), "--no-progress");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(scenario + ": invalid scenario", problem, other)
        .doesNotContain("at org.", "Exception");
    assertThat(run.out()).doesNotContain("NaN").isEmpty();
  }

  @Test
  void simulate_unknownOption_suggestsTheClosestOption() {
    CliRun run = CliRun.qm("simulate", CliRun.example(MANPADS).toString(), "--runz=5");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("Unknown option", "'--runz=5'", "--runs", "Try 'qm simulate --help'");
  }

  @Test
  void simulate_zeroRunsOrThreads_namesTheOption() {
    CliRun runs = CliRun.qm("simulate", CliRun.example(MANPADS).toString(), "--runs", "0");
    CliRun threads = CliRun.qm("simulate", CliRun.example(MANPADS).toString(), "--threads", "0");

    assertThat(runs.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(runs.err()).contains("--runs must be at least 1, got 0");
    assertThat(threads.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(threads.err()).contains("--threads must be at least 1, got 0");
  }

  @Test
  void simulate_outIntoMissingFolder_exitsTwoAndCreatesNothing(@TempDir Path dir) {
    Path out = dir.resolve("missing").resolve("result.json");

    CliRun run = CliRun.qm("simulate", CliRun.example(MANPADS).toString(), "--runs", "10", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--out " + out, "does not exist");
    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @Test
  void simulate_outIsDirectory_exitsTwoAndLeavesItAlone(@TempDir Path dir) throws IOException {
    CliRun run = CliRun.qm("simulate", CliRun.example(MANPADS).toString(), "--runs", "10", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--out " + dir + " is a directory");
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void simulate_illustrativeWithOut_writesResultFormatV1(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("result.json");

    CliRun run = CliRun.qm("simulate", CliRun.example(MANPADS).toString(),
        "--runs", "500", "--seed", "7", "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode result = JSON.readTree(out.toFile());
    Set<String> topLevel = fieldNames(result);
    assertThat(topLevel).containsAll(V1_FIELDS);
    assertThat(topLevel).as("top-level fields beyond v1").isSubsetOf(union(V1_FIELDS, DOCUMENTED_EXTRAS));
    assertThat(result.get("model").asText()).isEqualTo("SM-1");
    assertThat(result.get("scenario").asText()).isEqualTo("Illustrative MANPADS replenishment");
    assertThat(result.get("mode").asText()).isEqualTo("stochastic");
    assertThat(result.get("runs").asLong()).isEqualTo(500);
    assertThat(result.get("seed").asLong()).isEqualTo(7);
    assertThat(result.get("horizon_months").asInt()).isEqualTo(MONTHS);

    JsonNode cells = result.get("cells");
    assertThat(cells).hasSize(3);
    assertThat(cells.findValuesAsText("holder")).containsExactly("USA", "NSPA", "UKR");
    for (JsonNode cell : cells) {
      assertClosingStockArrays(cell.get("closing_stock"));
      JsonNode shortfall = cell.get("shortfall");
      assertThat(fieldNames(shortfall)).contains("expected_total", "std_total", "probability_any");
      assertThat(shortfall.get("probability_any").asDouble()).isBetween(0.0, 1.0);
      assertThat(cell.has("months_to_target")).isTrue();
    }
    for (int c : new int[] {0, 1}) {
      JsonNode months = cells.get(c).get("months_to_target");
      assertThat(fieldNames(months)).containsExactlyInAnyOrder("reached_probability", "p50", "p90", "reached_by_month");
      assertThat(months.get("reached_probability").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(cells.get(2).get("months_to_target").isNull()).as("UKR has no target").isTrue();

    assertThat(result.get("lines")).hasSize(1);
    assertThat(result.get("lines").get(0).get("id").asText()).isEqualTo("line-a");
    assertThat(result.get("lines").get(0).get("expected_delivered_total").isNumber()).isTrue();
    assertThat(result.get("transfers")).hasSize(1);
    assertThat(result.get("transfers").get(0).get("index").asInt()).isZero();
    assertThat(result.get("transfers").get(0).get("expected_shortfall").isNumber()).isTrue();

    assertThat(run.out())
        .contains("Illustrative MANPADS replenishment")
        .contains("stochastic, 500 runs, seed 7, 120 months (2024-07 to 2034-06)")
        .contains("at the end of 2034-06")
        .contains("USA / manpads", "NSPA / manpads", "UKR / manpads")
        .contains("Result (format v1) written to " + out);
    assertThat(run.err()).as("stderr is not a terminal here: plain progress lines")
        .contains("qm: simulate: 500 of 500 runs (100%)").doesNotContain("at org.", "\r");
  }

  @Test
  void simulate_exactQuantilesBeyondTheHeap_exitsTwoWithWhatToChange(@TempDir Path dir) throws IOException {
    // 400 cells × 1,000 months × 10,000 runs of exact float64 values: 32 GB, far above the test JVM's heap
    StringBuilder yaml = new StringBuilder("horizon_months: 1000\nitems: [{id: shell}]\nholders:\n");
    for (int h = 0; h < 400; h++) {
      yaml.append("  - {id: H").append(h).append("}\n");
    }
    yaml.append("stocks:\n");
    for (int h = 0; h < 400; h++) {
      yaml.append("  - {holder: H").append(h).append(", item: shell, initial: 1}\n");
    }
    Path scenario = Files.writeString(dir.resolve("huge.yaml"), yaml);

    CliRun run = CliRun.qm("simulate", scenario.toString(), "--runs", "10000", "--no-progress",
        "--out", dir.resolve("r.json").toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("huge.yaml").contains("exact quantiles").contains("use fewer runs")
        .doesNotContain("at org.");
    assertThat(dir.resolve("r.json")).doesNotExist();
  }

  @Test
  void simulate_noProgress_leavesStderrEmpty() {
    CliRun run = CliRun.qm("simulate", CliRun.example(MANPADS).toString(), "--runs", "300", "--no-progress");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("stochastic, 300 runs, seed 42");
  }

  /**
   * The illustrative scenario worked by hand: d = (0 + 6 + 18) / 3 = 8, so the line makes 20 a month
   * for t < 8, 20 + 40 (t − 8) / 24 for 8 ≤ t < 32 and 60 from t = 32, times 1 − 0.5 · 0.05 = 0.975;
   * 6,380 · 0.975 = 6,220.5 in 120 months. USA gets 0.6 of it, pays 500 to UKR at t = 2 and uses 10 a
   * month; NSPA gets 0.4. USA first reaches 2,500 at t = 78 (25.1 t − 454.6 ≥ 1,500), NSPA 900 at t = 52.
   */
  @Test
  void simulate_deterministic_givesTheHandCheckedValues(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("deterministic.json");

    CliRun run = CliRun.qm("simulate", CliRun.example(MANPADS).toString(), "--deterministic", "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).as("no progress bar for a single exact run").isEmpty();
    assertThat(run.out()).contains("deterministic (expected values, 1 run)", "3,532", "2,488",
        "2,500: reached in 2031-01 (after 79 months)", "900: reached in 2028-11 (after 53 months)");
    JsonNode result = JSON.readTree(out.toFile());
    assertThat(result.get("mode").asText()).isEqualTo("deterministic");
    assertThat(result.get("runs").asLong()).isEqualTo(1);

    JsonNode usa = result.get("cells").get(0).get("closing_stock");
    JsonNode nspa = result.get("cells").get(1).get("closing_stock");
    JsonNode ukr = result.get("cells").get(2).get("closing_stock");
    assertExact(usa.get("mean").get(0), 1500 + 0.6 * 19.5 - 10);
    assertExact(usa.get("mean").get(2), 1500 + 3 * 11.7 - 500 - 30);
    assertExact(usa.get("mean").get(MONTHS - 1), 3532.3);
    assertExact(nspa.get("mean").get(0), 7.8);
    assertExact(nspa.get("mean").get(9), 0.39 * (9 * 20 + 20 + 40.0 / 24));
    assertExact(nspa.get("mean").get(MONTHS - 1), 2488.2);
    assertExact(ukr.get("mean").get(1), 0);
    assertExact(ukr.get("mean").get(2), 500);
    assertExact(ukr.get("mean").get(MONTHS - 1), 500);
    for (JsonNode stock : List.of(usa, nspa, ukr)) {
      for (int t = 0; t < MONTHS; t++) {
        double mean = stock.get("mean").get(t).asDouble();
        assertThat(stock.get("p5").get(t).asDouble()).isEqualTo(mean);
        assertThat(stock.get("p50").get(t).asDouble()).isEqualTo(mean);
        assertThat(stock.get("p95").get(t).asDouble()).isEqualTo(mean);
        assertThat(stock.get("std").get(t).asDouble()).isZero();
      }
    }
    assertMonthsToTarget(result.get("cells").get(0), 79);
    assertMonthsToTarget(result.get("cells").get(1), 53);
    for (JsonNode cell : result.get("cells")) {
      assertThat(cell.get("shortfall").get("expected_total").asDouble()).isZero();
      assertThat(cell.get("shortfall").get("probability_any").asDouble()).isZero();
    }
    assertExact(result.get("lines").get(0).get("expected_delivered_total"), 6220.5);
    assertThat(result.get("transfers").get(0).get("expected_shortfall").asDouble()).isZero();
  }

  @Test
  void simulate_invalidScenario_leavesExistingOutFileUntouched(@TempDir Path dir) throws IOException {
    Path scenario = Files.writeString(dir.resolve("bad.yaml"), INVALID_SCENARIO);
    Path out = dir.resolve("result.json");
    byte[] sentinel = "{\"sentinel\": \"an earlier result\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Files.write(out, sentinel);

    CliRun run = CliRun.qm("simulate", scenario.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(out).hasBinaryContent(sentinel);
    assertThat(listing(dir)).containsExactlyInAnyOrder("bad.yaml", "result.json");
  }

  @Test
  void simulate_successfulRun_leavesOnlyTheOutFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("result.json");
    Files.writeString(out, "old");

    CliRun run = CliRun.qm("simulate", CliRun.example(MANPADS).toString(), "--runs", "50", "--no-progress",
        "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(listing(dir)).containsExactly("result.json");
    assertThat(JSON.readTree(out.toFile()).get("runs").asInt()).isEqualTo(50);
  }

  @Test
  void simulate_oneOrTwoThreads_writesByteIdenticalFiles(@TempDir Path dir) throws IOException {
    Path one = dir.resolve("one.json");
    Path two = dir.resolve("two.json");
    String scenario = CliRun.example(MANPADS).toString();

    // 2,000 runs are 8 blocks of 256 (the last one partial), so two threads really share the work.
    CliRun first = CliRun.qm("simulate", scenario, "--runs", "2000", "--seed", "11", "--threads", "1",
        "--no-progress", "--out", one.toString());
    CliRun second = CliRun.qm("simulate", scenario, "--runs", "2000", "--seed", "11", "--threads", "2",
        "--no-progress", "--out", two.toString());

    assertThat(first.exitCode()).isZero();
    assertThat(second.exitCode()).isZero();
    assertThat(two).hasSameBinaryContentAs(one);
  }

  @Test
  void qm_help_showsCommandsAndEveryOption() {
    CliRun run = CliRun.qm("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: qm", "simulate", "validate", "help", "Exit codes: 0 success, 2 bad input");
    CliRun.assertEveryOptionShownWithDefault(run.out(), null);
  }

  @Test
  void simulate_help_showsEveryOptionWithItsDefault() {
    CliRun run = CliRun.qm("simulate", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: qm simulate", "SCENARIO.yaml");
    CliRun.assertEveryOptionShownWithDefault(run.out(), "simulate");
    String flat = run.out().replaceAll("\\s+", " ");
    assertThat(flat)
        .contains("--runs=N Monte Carlo runs (default: the scenario's runs, else 10000)")
        .contains("(default: the scenario's seed, else 42)")
        .contains("--threads=K Worker threads (default: the number of processors)");
  }

  private static void assertClosingStockArrays(JsonNode closing) {
    assertThat(fieldNames(closing)).containsAll(List.of("mean", "std", "p5", "p50", "p95"));
    for (String field : List.of("mean", "std", "p5", "p50", "p95")) {
      JsonNode values = closing.get(field);
      assertThat(values.isArray()).isTrue();
      assertThat(values).as(field).hasSize(MONTHS);
      values.forEach(v -> assertThat(v.isNumber()).as(field).isTrue());
    }
    for (int t = 0; t < MONTHS; t++) {
      assertThat(closing.get("p5").get(t).asDouble()).isLessThanOrEqualTo(closing.get("p50").get(t).asDouble());
      assertThat(closing.get("p50").get(t).asDouble()).isLessThanOrEqualTo(closing.get("p95").get(t).asDouble());
      assertThat(closing.get("std").get(t).asDouble()).isGreaterThanOrEqualTo(0);
    }
  }

  private static void assertMonthsToTarget(JsonNode cell, int months) {
    JsonNode node = cell.get("months_to_target");
    assertThat(node.get("reached_probability").asDouble()).isEqualTo(1.0);
    assertThat(node.get("p50").asDouble()).isEqualTo(months);
    assertThat(node.get("p90").asDouble()).isEqualTo(months);
  }

  private static void assertExact(JsonNode actual, double expected) {
    assertThat(actual.asDouble()).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = new ArrayList<>();
      files.forEach(f -> names.add(f.getFileName().toString()));
      return names;
    }
  }
}
