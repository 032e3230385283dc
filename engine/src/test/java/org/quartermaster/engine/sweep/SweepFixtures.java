package org.quartermaster.engine.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny scenarios and sweep files written into a test's folder. */
final class SweepFixtures {
  /**
   * No randomness at all: no disruption, fixed delays, no demand. USA starts at 0 with target 100 and
   * one line of base_per_month 10 (so months to target is 100 / base, rounded up); UKR holds 500 of
   * a second item, sends 100 of it to POL in month 0 (POL's target is 150), and has a line of its own.
   */
  static final String EXACT = """
      name: exact
      horizon_months: 24
      items: [{id: shell}, {id: rocket}]
      holders: [{id: USA}, {id: UKR}, {id: POL}]
      lines:
        - {id: shells, item: shell, base_per_month: 10, surge_per_month: 10, ramp_start_month: 0, ramp_months: 0,
           shares: {USA: 1}}
        - {id: rockets, item: rocket, base_per_month: 5, surge_per_month: 5, ramp_start_month: 0, ramp_months: 0,
           shares: {UKR: 1}}
      stocks:
        - {holder: USA, item: shell, initial: 0, target: 100}
        - {holder: UKR, item: rocket, initial: 500}
        - {holder: POL, item: rocket, initial: 0, target: 150}
      transfers:
        - {from: UKR, to: POL, item: rocket, month: 0, quantity: 100}
      """;

  /**
   * Random in every way SM-1 is: two items, each with its own line, ramp delay, disruption and
   * Poisson demand, so a change to one item's line cannot reach the other item's cells.
   */
  static final String RANDOM = """
      name: random
      horizon_months: 36
      items: [{id: shell}, {id: rocket}]
      holders: [{id: USA}, {id: UKR}]
      lines:
        - id: shells
          item: shell
          base_per_month: 20
          surge_per_month: 60
          ramp_start_month: 2
          ramp_months: 12
          ramp_delay_months: {min: 0, mode: 4, max: 10}
          disruption: {probability: 0.1, cut: 0.5}
          shares: {USA: 3, UKR: 1}
        - id: rockets
          item: rocket
          base_per_month: 8
          surge_per_month: 20
          ramp_start_month: 0
          ramp_months: 6
          ramp_delay_months: {min: 1, mode: 2, max: 8}
          disruption: {probability: 0.05, cut: 0.3}
          shares: {USA: 1}
      stocks:
        - {holder: USA, item: shell, initial: 300, target: 900, demand: [{from: 0, per_month: 15}, {from: 12, per_month: 25}]}
        - {holder: UKR, item: shell, initial: 50, target: 200, demand: [{from: 0, per_month: 20}]}
        - {holder: USA, item: rocket, initial: 100, target: 400, demand: [{from: 0, per_month: 6}]}
      transfers:
        - {from: USA, to: UKR, item: shell, month: 6, quantity: 150}
      """;

  private SweepFixtures() {}

  /** Writes the scenario as base.yaml and the sweep as sweep.yaml (with base: base.yaml) into {@code dir}. */
  static Sweep sweep(Path dir, String scenario, String sweepBody) {
    return SweepReader.read(write(dir, scenario, sweepBody), SavedScenarioSource.NONE);
  }

  static Path write(Path dir, String scenario, String sweepBody) {
    try {
      Files.writeString(dir.resolve("base.yaml"), scenario);
      Path file = dir.resolve("sweep.yaml");
      Files.writeString(file, "base: base.yaml\n" + sweepBody);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of one cell, in variant order. */
  static List<SweepRow> cell(List<SweepRow> rows, String holder, String item) {
    return rows.stream().filter(r -> r.holder().equals(holder) && r.item().equals(item)).toList();
  }
}
