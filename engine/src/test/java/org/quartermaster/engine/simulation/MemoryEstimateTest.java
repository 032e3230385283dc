package org.quartermaster.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quartermaster.engine.Fixtures;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.ResultJson;
import org.quartermaster.engine.scenario.ScenarioReader;

/** The memory estimate a server admits runs with: on the high side of what a run keeps. */
class MemoryEstimateTest {
  private static final Scenario EXAMPLE = ScenarioReader.read(Fixtures.examples().resolve("us-155mm-shells.yaml"));

  @Test
  void of_exactQuantiles_countsEveryRunsClosingStock() {
    SimulationOptions options = SimulationOptions.stochastic(10_000, 1).withThreads(2);
    long kept = 8L * EXAMPLE.cells().size() * EXAMPLE.horizonMonths() * 10_000;

    assertThat(MemoryEstimate.of(EXAMPLE, options).workingBytes()).isGreaterThan(kept);
  }

  @Test
  void of_moreRunsThanExact_doesNotGrowWithRuns() {
    long estimated = MemoryEstimate.of(EXAMPLE, SimulationOptions.stochastic(20_000, 1).withThreads(2)).workingBytes();
    long million = MemoryEstimate.of(EXAMPLE, SimulationOptions.stochastic(1_000_000, 1).withThreads(2)).workingBytes();

    assertThat(million).isEqualTo(estimated);
    assertThat(estimated).isLessThan(MemoryEstimate.of(EXAMPLE, SimulationOptions.stochastic(10_000, 1)
        .withThreads(2)).workingBytes());
  }

  @Test
  void of_resultJson_isAtLeastTheRealLengthAndOfItsOrder() {
    for (SimulationOptions options : new SimulationOptions[] {
        SimulationOptions.deterministic(), SimulationOptions.stochastic(300, 7).withThreads(1)}) {
      long real = ResultJson.toJson(Sm1Simulator.run(EXAMPLE, options)).getBytes(StandardCharsets.UTF_8).length;

      long estimate = MemoryEstimate.of(EXAMPLE, options).resultJsonBytes();

      assertThat(estimate).as(options.mode().toString()).isBetween(real, 4 * real);
    }
  }
}
