package org.quartermaster.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.engine.Fixtures;

/**
 * The invalid catalogue: one scenario per validation rule. Each file's {@code # expect: PATH ::
 * FRAGMENT} lines name exactly the problems the validator must report (path equal, message
 * containing the fragment, case-insensitive).
 */
class InvalidScenariosTest {

  /** The example of what validation reports: deliberately invalid, the one example that is. */
  static final String BAD_EXAMPLE = "bad.yaml";

  record Expected(String path, String fragment) {}

  static List<Path> invalidScenarios() {
    return Fixtures.scenarios("invalid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidScenarios")
  void read_invalidScenario_reportsExactlyTheExpectedProblems(Path file) throws IOException {
    List<Expected> expected = Files.readAllLines(file).stream()
        .filter(line -> line.startsWith("# expect: "))
        .map(line -> line.substring("# expect: ".length()).split(" :: ", 2))
        .map(parts -> new Expected(parts[0].trim(), parts[1].trim()))
        .toList();
    assertThat(expected).as("the fixture names its expected problems").isNotEmpty();

    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> ScenarioReader.read(file));

    assertThat(e).as("%s must be rejected", file.getFileName()).isNotNull();
    List<Problem> problems = e.problems().stream().sorted(Comparator.comparing(Problem::path)).toList();
    assertThat(problems).as("problems of %s: %s", file.getFileName(), e.problems()).hasSameSizeAs(expected);
    for (Expected want : expected) {
      assertThat(e.problems())
          .as("a problem at %s mentioning '%s' in %s", want.path(), want.fragment(), e.problems())
          .anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(want.path());
            assertThat(p.message().toLowerCase(Locale.ROOT)).contains(want.fragment().toLowerCase(Locale.ROOT));
          });
    }
  }

  @Test
  void read_problem_carriesTheOffendingValue() {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> ScenarioReader.parse("""
        horizon_months: 12
        items: [{id: shell}]
        holders: [{id: USA}]
        lines:
          - {id: a, item: shell, base_per_month: 1, surge_per_month: 2, ramp_start_month: 0, ramp_months: 3,
             ramp_delay_months: {min: 0, mode: 9, max: 6}, shares: {USA: 1}}
        """, "inline"));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("lines[0].ramp_delay_months");
      assertThat(p.value()).isEqualTo("{min: 0, mode: 9, max: 6}");
      assertThat(p.toString()).contains("min <= mode <= max").contains("(got {min: 0, mode: 9, max: 6})");
    });
  }

  @Test
  void read_misspeltKey_suggestsTheKnownOneOnceAndChecksItsValue() {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> ScenarioReader.parse("horizon_month: 0\n", "inline"));

    assertThat(e.problems()).extracting(Problem::path).containsExactly("horizon_month", "horizon_month");
    assertThat(e.problems()).extracting(Problem::message)
        .containsExactly("unknown key; did you mean 'horizon_months'?", "must be at least 1");
  }

  @Test
  void read_misspeltKeyBesideTheKnownOne_isNotReadInItsPlace() {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> ScenarioReader.parse("horizon_months: 12\nhorizon_month: 0\n", "inline"));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("horizon_month");
      assertThat(p.message()).contains("did you mean 'horizon_months'");
    });
  }

  @Test
  void read_badExample_reportsEveryDeliberateMistake() {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> ScenarioReader.read(Fixtures.examples().resolve(BAD_EXAMPLE)));

    assertThat(e.problems()).extracting(Problem::path).containsExactly(
        "lines[0].ramp_delay", "lines[0].shares.UKR", "stocks[1].target", "transfer", "transfer[0].month");
  }

  @Test
  void read_missingFile_isAProblemNotACrash() {
    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> ScenarioReader.read(Path.of("no-such-scenario.yaml")));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo(Problem.FILE);
      assertThat(p.message()).isEqualTo("no such file");
    });
  }

  @Test
  void read_everyExampleAndGoldenScenario_isValid() throws IOException {
    List<Path> valid = new java.util.ArrayList<>(Fixtures.scenarios("golden"));
    try (var examples = Files.list(Fixtures.examples())) {
      examples.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith(BAD_EXAMPLE)).forEach(valid::add);
    }
    assertThat(valid).hasSizeGreaterThan(3);
    for (Path file : valid) {
      assertThat(ScenarioReader.read(file).horizonMonths()).as(file.toString()).isPositive();
    }
  }
}
