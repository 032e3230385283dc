package org.quartermaster.engine.optimise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.engine.scenario.InvalidScenarioException;

/** The rules of an optimisation file: every problem at once, each with its path, value and what to do. */
class OptimisationValidationTest {
  @TempDir Path dir;

  private InvalidScenarioException invalid(String body) {
    return catchThrowableOfType(InvalidScenarioException.class,
        () -> OptimiseFixtures.read(dir, OptimiseFixtures.RANDOM, body));
  }

  @Test
  void everyProblemOfTheTopLevel_isListedAtOnce() {
    InvalidScenarioException e = invalid("""
        budget: {amount: -5, currency: dollars}
        runs: 1001
        batches: 10
        mode: determinstic
        objectiv: {}
        objective: {minimise: reached_by_month, cells: [USA/shel]}
        options: []
        """);
    assertThat(e.source()).endsWith("optimise.yaml");
    assertThat(e.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
        "budget.amount: must be at least 0 (got -5)",
        "budget.currency: must be an ISO 4217 code such as USD or EUR; every cost is in this currency (got \"dollars\")",
        "mode: unknown mode; did you mean 'deterministic'?; modes are monte-carlo (the default) and deterministic"
            + " (got \"determinstic\")",
        "objectiv: unknown key; did you mean 'objective'? (got {})",
        "runs: runs (1001) must be a multiple of batches (10) with at most 10000 runs per batch, e.g. runs: 1000"
            + " (got 1001)",
        "options: must be a non-empty list of {id, name, cost: {amount, source or assumption}, effects: [...]} (got [])",
        "objective.minimise: reached_by_month is maximised; write maximise: reached_by_month (got \"reached_by_month\")");
  }

  @Test
  void optionProblems_nameTheOptionAndSayWhatToDo() {
    InvalidScenarioException e = invalid("""
        budget: {amount: 100, currency: USD}
        objective: {maximise: expected_unmet_demand}
        options:
          - {id: a, name: A, cost: {amount: 10}, effects: [{add: {path: "lines[plnt].surge_per_month", amount: 5}}]}
          - {id: a, name: B, cost: {amount: 10, source: x, assumption: y}, effects: []}
          - {id: c, name: C, cost: {amount: 10, assumption: y},
             effects: [{second_shift: {line: plan, surge_per_month: 0, lead_time_months: {min: 1, mode: 2, max: 3}}},
                       {new_line: {}}]}
        """);
    assertThat(e.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
        "options[0].cost: say where the amount comes from: source: \"contract, publisher, URL, date\", or assumption:"
            + " \"why this amount\"",
        "options[1].cost: give either source or assumption, not both",
        "options[1].effects: must be a non-empty list, each one of add, second_shift, line, deliveries (got [])",
        "options[2].effects[0].second_shift.surge_per_month: must be above 0: the capacity the shift adds per month"
            + " (got 0)",
        "options[2].effects[0].second_shift.line: no production line 'plan' in the base scenario; did you mean"
            + " 'plant'?; lines here: plant (got \"plan\")",
        "options[1].id: duplicate option id; option ids must be unique (got \"a\")",
        "objective.maximise: expected_unmet_demand is minimised; write minimise: expected_unmet_demand"
            + " (got \"expected_unmet_demand\")",
        "options[2].effects[1].new_line: unknown key; known keys here: add, second_shift, line, deliveries (got {})");
  }

  @Test
  void scenarioRules_areCheckedOnTheAddedLinesAndDeliveries_andNamedByOption() {
    InvalidScenarioException e = invalid("""
        budget: {amount: 100, currency: USD}
        objective: {maximise: expected_unmet_demand}
        options:
          - id: a
            name: A
            cost: {amount: 10, assumption: x}
            effects:
              - line: {id: plant, item: shell, base_per_month: -1, surge_per_month: 5, ramp_start_month: 0,
                       ramp_months: 0, shares: {USA: 1}}
              - deliveries: {from: KOR, to: POL, item: shell, schedule: [{month: 40, quantity: 5}, {month: 1, quantity: 0}]}
          - {id: b, name: B, cost: {amount: 10, assumption: x},
             effects: [{add: {path: "lines[plant].surge_per_month", amount: -100}},
                       {add: {path: "lines[plant].ramp_start_month", amount: 0.5}}]}
        """);
    assertThat(e.problems()).extracting(Object::toString).contains(
        "objective.maximise: expected_unmet_demand is minimised; write minimise: expected_unmet_demand"
            + " (got \"expected_unmet_demand\")",
        "options[0].effects[1].deliveries.schedule[0].month: must be an integer from 0 to 35 (got 40)");
    assertThat(e.problems()).extracting(Object::toString).anyMatch(p -> p.startsWith("options[0].effects[0].line.id"))
        .anyMatch(p -> p.startsWith("options[0].effects[0].line.base_per_month"))
        .anyMatch(p -> p.startsWith("options[0].effects[1].deliveries.schedule[1].quantity"))
        .anyMatch(p -> p.startsWith("options[0].effects[1].deliveries.schedule[1].to") && p.contains("POL"));
  }

  @Test
  void amounts_areCheckedAloneAndTogether() {
    InvalidScenarioException e = invalid("""
        budget: {amount: 100, currency: USD}
        objective: {minimise: expected_unmet_demand}
        options:
          - {id: a, name: A, cost: {amount: 10, assumption: x},
             effects: [{add: {path: "lines[plant].surge_per_month", amount: -100}}]}
          - {id: b, name: B, cost: {amount: 10, assumption: x},
             effects: [{add: {path: "lines[plant].ramp_start_month", amount: 0.5}},
                       {add: {path: "lines[plnt].ramp_months", amount: 1}}]}
          - {id: c, name: C, cost: {amount: 10, assumption: x},
             effects: [{add: {path: "lines[plant].ramp_delay_months.mode", amount: -3}}]}
          - {id: d, name: D, cost: {amount: 10, assumption: x},
             effects: [{add: {path: "lines[plant].ramp_delay_months.mode", amount: -3}}]}
        """);
    assertThat(e.problems()).extracting(Object::toString).contains(
        "options[0].effects[0].add.amount: makes lines[plant].surge_per_month -40, which must be at least 0 (got -100)",
        "options[1].effects[0].add.amount: lines[plant].ramp_start_month takes whole numbers; add a whole number"
            + " (got 0.5)");
    assertThat(e.problems()).extracting(Object::toString)
        .anyMatch(p -> p.startsWith("options[1].effects[1].add.path: unknown path; did you mean"));
  }

  @Test
  void amountsThatAreValidAloneButNotTogether_areReported() {
    InvalidScenarioException e = invalid("""
        budget: {amount: 100, currency: USD}
        objective: {minimise: expected_unmet_demand}
        options:
          - {id: c, name: C, cost: {amount: 10, assumption: x},
             effects: [{add: {path: "lines[plant].ramp_delay_months.mode", amount: -3}}]}
          - {id: d, name: D, cost: {amount: 10, assumption: x},
             effects: [{add: {path: "lines[plant].ramp_delay_months.mode", amount: -3}}]}
        """);
    assertThat(e.problems()).extracting(Object::toString).containsExactly("options: with every option chosen at once,"
        + " lines[0].ramp_delay_months.mode: must be at least 0 (got -2.0); options that add to the same value must"
        + " stay valid together (or put them in one group)");
  }

  @Test
  void aValidOptionsAmounts_areCheckedEvenWhenAnotherOptionIsInvalid() {
    InvalidScenarioException e = invalid("""
        budget: {amount: 100, currency: USD}
        objective: {minimise: expected_unmet_demand}
        options:
          - {id: a, name: A, cost: {amount: 10}, effects: [{add: {path: "lines[plant].surge_per_month", amount: 1}}]}
          - {id: b, name: B, cost: {amount: 10, assumption: x},
             effects: [{add: {path: "lines[plant].ramp_delay_months.mode", amount: -5}}]}
        """);
    assertThat(e.problems()).extracting(Object::toString).containsExactly(
        "options[0].cost: say where the amount comes from: source: \"contract, publisher, URL, date\", or assumption:"
            + " \"why this amount\"",
        "options[1].effects[0].add.amount: makes lines[plant].ramp_delay_months.mode -1, which must be at least 0"
            + " (got -5)");
  }
}
