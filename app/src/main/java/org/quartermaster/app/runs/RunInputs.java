package org.quartermaster.app.runs;

import java.util.Objects;

/**
 * What a run ran: the scenario text and the options, enough to run it again and get the same result.
 *
 * @param yaml           the scenario text as run (comments included)
 * @param scenarioName   the scenario's own name (its YAML {@code name})
 * @param scenarioSha256 SHA-256 of the validated scenario's record form (as a sweep records its base)
 * @param mode           {@code stochastic} or {@code deterministic}
 * @param runs           runs made (1 when deterministic)
 * @param seed           the seed, null when deterministic
 */
public record RunInputs(String yaml, String scenarioName, String scenarioSha256, String mode, int runs, Long seed) {
  public RunInputs {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(scenarioName, "scenarioName");
    Objects.requireNonNull(scenarioSha256, "scenarioSha256");
    if (!mode.equals("stochastic") && !mode.equals("deterministic")) {
      throw new IllegalArgumentException("mode must be stochastic or deterministic: " + mode);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1: " + runs);
    }
  }
}
