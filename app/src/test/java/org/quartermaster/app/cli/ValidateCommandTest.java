package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** End-to-end tests of {@code qm validate} through {@link Main#run}. */
class ValidateCommandTest {

  @Test
  void validate_everyExample_printsValidAndExitsZero() throws IOException {
    List<Path> examples = yamlFiles(CliRun.repoRoot().resolve("examples")).stream()
        .filter(f -> !f.endsWith("bad.yaml"))
        .toList();
    assertThat(examples).isNotEmpty();
    for (Path example : examples) {
      CliRun run = CliRun.qm("validate", example.toString());

      assertThat(run.exitCode()).as("exit code for %s", example).isZero();
      assertThat(run.out()).startsWith(example + ": valid (");
      assertThat(run.err()).isEmpty();
    }
  }

  /**
   * Issue 12: the README's example names examples/bad.yaml and shows its problems; every deliberate
   * mistake in it is reported in one pass, the misspelt key's value checked too.
   */
  @Test
  void validate_badExample_reportsEveryMistakeTheReadmeShows() {
    Path bad = CliRun.example("bad.yaml");

    CliRun run = CliRun.qm("validate", bad.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly(
        "qm: " + bad + ": invalid scenario, 5 problems:",
        "qm:   lines[0].ramp_delay: unknown key; did you mean 'ramp_delay_months'? (got {\"min\":0,\"mode\":6,\"max\":18})",
        "qm:   lines[0].shares.UKR: the shares of production line (line-a) name holder (UKR), which is not declared"
            + " in holders. Maybe add {id: UKR} to holders (got 0.4)",
        "qm:   stocks[1].target: must be at least 0 (got -900)",
        "qm:   transfer: unknown key; did you mean 'transfers'? (got [{\"from\":\"USA\",\"to\":\"NSPA\",\"item\":"
            + "\"manpads\",\"month\":130,\"quantity\":500}])",
        "qm:   transfer[0].month: month 130 is outside the horizon 0..119 (months count from 0 = the scenario's"
            + " start) (got 130)");
  }

  static Stream<Path> invalidFixtures() throws IOException {
    return yamlFiles(CliRun.repoRoot().resolve("engine/src/test/resources/scenarios/invalid")).stream();
  }

  /** Every fixture of the invalid catalogue: exit 2, one stderr line per expected problem, each with its path. */
  @ParameterizedTest
  @MethodSource("invalidFixtures")
  void validate_invalidFixture_listsEveryExpectedProblemWithItsPath(Path fixture) throws IOException {
    List<String[]> expected = new ArrayList<>();
    for (String line : Files.readAllLines(fixture)) {
      if (line.startsWith("# expect: ")) {
        expected.add(line.substring("# expect: ".length()).split(" :: ", 2));
      }
    }
    assertThat(expected).as("expectations in %s", fixture).isNotEmpty();

    CliRun run = CliRun.qm("validate", fixture.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    List<String> errLines = run.err().lines().toList();
    int n = expected.size();
    assertThat(errLines.getFirst())
        .isEqualTo("qm: " + fixture + ": invalid scenario, " + n + " problem" + (n == 1 ? "" : "s") + ":");
    List<String> problems = errLines.subList(1, errLines.size());
    assertThat(problems).hasSize(n);
    for (String[] expectation : expected) {
      assertThat(problems)
          .as("a problem at %s containing '%s'", expectation[0], expectation[1])
          .anySatisfy(line -> {
            assertThat(line).startsWith("qm:   " + expectation[0] + ": ");
            assertThat(line).containsIgnoringCase(expectation[1]);
          });
    }
    assertThat(run.err()).doesNotContain("at org.", "Exception", "internal error");
  }

  @Test
  void validate_fileWithSeveralProblems_listsEachPathAndValue(@TempDir Path dir) throws IOException {
    Path scenario = Files.writeString(dir.resolve("bad.yaml"), """
        name: three problems
        horizon_months: 12
        items: [{id: shell}]
        holders: [{id: USA}]
        stocks:
          - {holder: USA, item: shel, initial: -5}
        transfers:
          - {from: USA, to: USA, item: shell, month: 3, quantity: 0}
        """);

    CliRun run = CliRun.qm("validate", scenario.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .contains(scenario + ": invalid scenario, 3 problems:")
        .contains("qm:   stocks[0].item: ", "shel")
        .contains("qm:   stocks[0].initial: ", "(got -5)")
        .contains("qm:   transfers[0].quantity: ", "(got 0)")
        .doesNotContain("at org.", "Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void validate_horizonBeyondAnInt_exitsTwoNamingTheLimit(@TempDir Path dir) throws IOException {
    Path scenario = Files.writeString(dir.resolve("long.yaml"), """
        horizon_months: 2147483648
        items: [{id: shell}]
        holders: [{id: USA}]
        stocks: [{holder: USA, item: shell, initial: 10}]
        """);

    CliRun run = CliRun.qm("validate", scenario.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("horizon_months: must be at most 1200 (100 years); simulate a shorter horizon"
        + " (got 2147483648)").doesNotContain("at org.", "Exception");
  }

  @Test
  void validate_missingFile_exitsTwoWithoutStackTrace(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.yaml");

    CliRun run = CliRun.qm("validate", missing.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains(missing.toString(), "no such file").doesNotContain("at org.", "Exception");
  }

  @Test
  void validate_noScenarioArgument_exitsTwoWithUsageHint() {
    CliRun run = CliRun.qm("validate");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("SCENARIO.yaml", "Try 'qm validate --help'").doesNotContain("at org.");
  }

  @Test
  void validate_help_showsEveryOptionAndTheParameter() {
    CliRun run = CliRun.qm("validate", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: qm validate", "SCENARIO.yaml", "-h, --help", "-V, --version");
    CliRun.assertEveryOptionShownWithDefault(run.out(), "validate");
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
