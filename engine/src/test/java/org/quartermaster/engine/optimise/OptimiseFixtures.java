package org.quartermaster.engine.optimise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quartermaster.engine.sweep.SavedScenarioSource;

/** Tiny scenarios and optimisation files written into a test's folder. */
final class OptimiseFixtures {
  /**
   * No randomness: one line of 50 a month from month 0 (surge = base, no delay, no disruption), USA
   * starts at 0 and demands 100 a month, so every month 50 goes unserved: 600 over the 12 months.
   */
  static final String SHORT = """
      name: short
      horizon_months: 12
      items: [{id: shell}]
      holders: [{id: USA}]
      lines:
        - {id: plant, item: shell, base_per_month: 50, surge_per_month: 50, ramp_start_month: 0, ramp_months: 0,
           shares: {USA: 1}}
      stocks:
        - {holder: USA, item: shell, initial: 0, target: 200, demand: [{from: 0, per_month: 100}]}
      """;

  /** Random in every way SM-1 is: ramp delays, disruptions and Poisson demand in two cells. */
  static final String RANDOM = """
      name: random
      horizon_months: 36
      items: [{id: shell}]
      holders: [{id: USA}, {id: UKR}]
      lines:
        - id: plant
          item: shell
          base_per_month: 20
          surge_per_month: 60
          ramp_start_month: 2
          ramp_months: 12
          ramp_delay_months: {min: 0, mode: 4, max: 10}
          disruption: {probability: 0.1, cut: 0.5}
          shares: {USA: 3, UKR: 1}
      stocks:
        - {holder: USA, item: shell, initial: 300, target: 900, demand: [{from: 0, per_month: 35}]}
        - {holder: UKR, item: shell, initial: 50, target: 200, demand: [{from: 0, per_month: 25}]}
      transfers:
        - {from: USA, to: UKR, item: shell, month: 6, quantity: 150}
      """;

  /** Options for {@link #RANDOM}: shifts, a line, a contract and a surge add, in three groups. */
  static final String RANDOM_OPTIONS = """
      budget: {amount: 300, currency: USD}
      runs: 200
      batches: 4
      seed: 7
      objective: {minimise: expected_unmet_demand}
      options:
        - {id: shift-a, name: shift A, group: shifts, cost: {amount: 100, assumption: test},
           effects: [{second_shift: {line: plant, surge_per_month: 10, lead_time_months: {min: 2, mode: 4, max: 9}}}]}
        - {id: shift-b, name: shift B, group: shifts, cost: {amount: 150, assumption: test},
           effects: [{second_shift: {line: plant, surge_per_month: 18, lead_time_months: {min: 4, mode: 8, max: 14}}}]}
        - id: new-line
          name: new line
          cost: {amount: 180, assumption: test}
          effects:
            - line: {id: plant-2, item: shell, base_per_month: 0, surge_per_month: 25, ramp_start_month: 6,
                     ramp_months: 6, ramp_delay_months: {min: 0, mode: 3, max: 12}, shares: {USA: 1, UKR: 1}}
        - id: contract
          name: contract
          cost: {amount: 90, assumption: test}
          effects: [{deliveries: {from: KOR, to: UKR, item: shell, schedule: [{month: 3, quantity: 100},
                    {month: 9, quantity: 100}]}}]
        - {id: surge, name: more surge, cost: {amount: 60, assumption: test},
           effects: [{add: {path: "lines[plant].surge_per_month", amount: 8}}]}
      """;

  private OptimiseFixtures() {}

  /** Writes the scenario as base.yaml and the optimisation as optimise.yaml (with base: base.yaml). */
  static Path write(Path dir, String scenario, String body) {
    try {
      Files.writeString(dir.resolve("base.yaml"), scenario);
      Path file = dir.resolve("optimise.yaml");
      Files.writeString(file, "base: base.yaml\n" + body);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optimisation read(Path dir, String scenario, String body) {
    return OptimisationReader.read(write(dir, scenario, body), SavedScenarioSource.NONE);
  }
}
