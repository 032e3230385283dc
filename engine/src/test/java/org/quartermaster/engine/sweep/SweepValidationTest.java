package org.quartermaster.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;

/** Every rule of a sweep file, each with its message: path, value and what to do. */
class SweepValidationTest {
  private static final String OK_PARAMETER = "parameters: [{path: \"lines[shells].surge_per_month\", values: [50]}]\n";

  @TempDir Path dir;

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("unknown top key", "runz: 5\n" + OK_PARAMETER, "runz", "unknown key; did you mean 'runs'?"),
        Arguments.of("unknown line field", "parameters: [{path: \"lines[shells].surge_per_mnth\", values: [1]}]",
            "parameters[0].path", "did you mean 'lines[shells].surge_per_month'?"),
        Arguments.of("unknown line id", "parameters: [{path: \"lines[shell].base_per_month\", values: [1]}]",
            "parameters[0].path", "did you mean 'lines[shells].base_per_month'?"),
        Arguments.of("unknown root", "parameters: [{path: \"items[0].name\", values: [1]}]",
            "parameters[0].path", "paths start with lines[ID], stocks[HOLDER/ITEM] or transfers[INDEX]"),
        Arguments.of("unknown stock", "parameters: [{path: \"stocks[USA/rocket].initial\", values: [1]}]",
            "parameters[0].path", "no stock 'USA/rocket' (did you mean 'UKR/rocket'?); stocks here: USA/shell, UKR/rocket, POL/rocket"),
        Arguments.of("stock without target", "parameters: [{path: \"stocks[UKR/rocket].target\", values: [1]}]",
            "parameters[0].path", "stocks[UKR/rocket] has no target; give it one in the scenario to sweep it"),
        Arguments.of("missing demand segment", "parameters: [{path: \"stocks[USA/shell].demand[0].per_month\","
            + " values: [1]}]", "parameters[0].path", "has 0 demand segments, so demand[0] does not exist"),
        Arguments.of("transfer index", "parameters: [{path: \"transfers[3].quantity\", values: [1]}]",
            "parameters[0].path", "transfers are addressed by index: 0..0, or *"),
        Arguments.of("no values", "parameters: [{path: \"lines[shells].surge_per_month\"}]",
            "parameters[0]", "give the values to take: values: [..], range: {low, high, steps}"),
        Arguments.of("two kinds of values", "parameters: [{path: \"lines[shells].surge_per_month\", values: [1],"
            + " range: {low: 1, high: 2, steps: 2}}]", "parameters[0]", "give only one of values, range"),
        Arguments.of("not numbers", "parameters: [{path: \"lines[shells].surge_per_month\", values: [1, lots]}]",
            "parameters[0].values[1]", "must be a number"),
        Arguments.of("range reversed", "parameters: [{path: \"lines[shells].surge_per_month\","
            + " range: {low: 5, high: 1, steps: 2}}]", "parameters[0].range.high", "must be at least low (5)"),
        Arguments.of("grid range without steps", "parameters: [{path: \"lines[shells].surge_per_month\","
            + " range: {low: 1, high: 5}}]", "parameters[0].range.steps", "is required with design grid"),
        Arguments.of("grid with distribution", "parameters: [{path: \"lines[shells].surge_per_month\","
            + " distribution: {type: uniform, low: 1, high: 5}}]", "parameters[0].distribution",
            "a distribution needs design latin-hypercube or sobol"),
        Arguments.of("unknown distribution", "design: {type: sobol, points: 8}\nparameters: [{path:"
            + " \"lines[shells].surge_per_month\", distribution: {type: uniformm, low: 1, high: 5}}]",
            "parameters[0].distribution.type", "unknown distribution; did you mean 'uniform'?"),
        Arguments.of("unknown design", "design: sobel\n" + OK_PARAMETER, "design",
            "unknown design; did you mean 'sobol'?"),
        Arguments.of("sampled design without points", "design: latin-hypercube\n" + OK_PARAMETER, "design",
            "{type: latin-hypercube, points: 256}"),
        Arguments.of("value breaks the field's rule", "parameters: [{path: \"lines[shells].disruption.probability\","
            + " values: [0.5, 1.5]}]", "parameters[0].values[1]",
            "sets lines[shells].disruption.probability, which must be at most 1"),
        Arguments.of("month outside the horizon", "parameters: [{path: \"lines[*].ramp_start_month\","
            + " range: {low: 0, high: 30, steps: 2}}]", "parameters[0].range.high",
            "sets lines[shells].ramp_start_month, which month 30 is outside the horizon 0..23"),
        Arguments.of("combination breaks a rule", "parameters:\n  - {path: \"lines[shells].ramp_delay_months.mode\","
            + " values: [1, 4]}\n  - {path: \"lines[shells].ramp_delay_months.max\", values: [2, 6]}",
            "variants[2]", "min <= mode <= max is violated"),
        Arguments.of("the same value twice", "parameters:\n  - {path: \"lines[*].base_per_month\", values: [1]}\n"
            + "  - {path: \"lines[rockets].base_per_month\", values: [2]}", "parameters[1].path",
            "sets lines[rockets].base_per_month, which parameters[0] sets already"),
        Arguments.of("runs too many", "runs: 20000\n" + OK_PARAMETER, "runs", "must be an integer from 1 to 10000"),
        Arguments.of("unknown metric", "metrics: [months_to_target_p05]\n" + OK_PARAMETER, "metrics[0]",
            "unknown metric; did you mean 'months_to_target_p50'?"),
        Arguments.of("reached by beyond horizon", "metrics: [{reached_by_month: 40}]\n" + OK_PARAMETER,
            "metrics[0].reached_by_month", "must be an integer from 0 to 24"),
        Arguments.of("closing stock quantile", "metrics: [{closing_stock: {month: 3, quantiles: [50]}}]\n"
            + OK_PARAMETER, "metrics[0].closing_stock.quantiles", "each quantile must be from 0 to 1"),
        Arguments.of("unknown cell", "cells: [USA/shel]\n" + OK_PARAMETER, "cells[0]",
            "no such cell; did you mean 'USA/shell'?"),
        Arguments.of("no parameters", "runs: 5\n", "parameters", "must be a non-empty list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidSweep_reportsPathValueAndFix(String what, String body, String path, String message) {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> SweepFixtures.sweep(dir, SweepFixtures.EXACT, body));
    assertThat(e).as(what).isNotNull();
    assertThat(e.source()).endsWith("sweep.yaml");
    assertThat(e.problems()).as(what).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo(path);
      assertThat(p.message()).contains(message);
    });
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> SweepFixtures.sweep(dir, SweepFixtures.EXACT, """
            runs: 0
            design: sobel
            parameters:
              - {path: "lines[nope].surge_per_month", values: [1]}
              - {path: "transfers[0].quantity", values: []}
              - {path: "stocks[USA/shell].initial", values: [-1]}
            metrics: [nonsense]
            """));
    assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder("runs", "design",
        "parameters[0].path", "parameters[1].values", "parameters[2].values[0]", "metrics[0]");
  }

  @Test
  void valueProblems_carryTheValueAsWritten() {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> SweepFixtures.sweep(dir, SweepFixtures.EXACT,
            "parameters: [{path: \"stocks[USA/shell].initial\", values: [10, -3]}]"));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("parameters[0].values[1]");
      assertThat(p.value()).isEqualTo("-3");
      assertThat(p.message()).isEqualTo("sets stocks[USA/shell].initial, which must be at least 0");
    });
  }

  @Test
  void missingBaseFile_namesThePathResolvedAgainstTheSweepFolder() throws Exception {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, "base: nowhere.yaml\n" + OK_PARAMETER);
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> SweepReader.read(file, SavedScenarioSource.NONE));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("base");
      assertThat(p.message()).contains("no such scenario file").contains(dir.resolve("nowhere.yaml").toString());
    });
  }

  @Test
  void invalidBaseScenario_isReportedWithItsOwnProblems() throws Exception {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> SweepFixtures.sweep(dir, SweepFixtures.EXACT.replace("horizon_months: 24", "horizon_months: -1"),
            OK_PARAMETER));
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("base");
      assertThat(p.message()).contains("the base scenario is invalid: horizon_months");
    });
  }

  @Test
  void savedBase_isReadThroughTheSource_andAnUnknownIdIsAProblem() throws Exception {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, "saved: exact\n" + OK_PARAMETER);
    Sweep sweep = SweepReader.read(file, id -> id.equals("exact") ? Optional.of(SweepFixtures.EXACT) : Optional.empty());
    assertThat(sweep.baseLabel()).isEqualTo("saved scenario exact");
    assertThat(sweep.variantCount()).isEqualTo(1);

    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> SweepReader.read(file, SavedScenarioSource.NONE));
    assertThat(e.problems()).extracting(Problem::path).containsExactly("saved");
  }

  @Test
  void bothOrNeitherBase_isAProblem() throws Exception {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, OK_PARAMETER);
    assertThat(catchThrowableOfType(InvalidScenarioException.class,
        () -> SweepReader.read(file, SavedScenarioSource.NONE)).problems())
        .anySatisfy(p -> assertThat(p.toString()).isEqualTo("base: is required: the scenario file to vary, relative to"
            + " this sweep file (or saved: ID for a saved one)"));
  }

  @Test
  void notYaml_isAFileProblem() throws Exception {
    Path file = dir.resolve("sweep.yaml");
    Files.writeString(file, "parameters: [unclosed\n");
    assertThat(catchThrowableOfType(InvalidScenarioException.class,
        () -> SweepReader.read(file, SavedScenarioSource.NONE)).problems())
        .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo(Problem.FILE));
  }

  @Test
  void exampleSweeps_areValid() throws Exception {
    try (Stream<Path> files = Files.list(org.quartermaster.engine.Fixtures.examples().resolve("sweeps"))) {
      List<Path> sweeps = files.filter(f -> f.toString().endsWith(".yaml")).toList();
      assertThat(sweeps).isNotEmpty();
      for (Path file : sweeps) {
        assertThat(SweepReader.read(file, SavedScenarioSource.NONE).variantCount()).as(file.toString()).isPositive();
      }
    }
  }

  @Test
  void validSweep_defaultsRunsSeedMetricsAndCells() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.EXACT, OK_PARAMETER);
    assertThat(sweep.runs()).isEqualTo(SweepReader.DEFAULT_RUNS);
    assertThat(sweep.seed()).isEqualTo(42);
    assertThat(sweep.metricColumns()).containsExactly("months_to_target_p50", "months_to_target_p90",
        "shortfall_probability", "expected_unmet_demand");
    assertThat(sweep.cellCount()).isEqualTo(3);
    assertThat(sweep.parameterColumns()).containsExactly("lines[shells].surge_per_month");
    assertThat(List.of(sweep.designLabel())).containsExactly("grid");
  }
}
