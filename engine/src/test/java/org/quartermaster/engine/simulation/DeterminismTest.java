package org.quartermaster.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.ResultJson;

/**
 * MODEL.md "Reproducibility": the same scenario and seed give byte-identical result JSON on 1, 2 or 4
 * threads, for run counts that are and are not a multiple of the block size, on both sides of the
 * 10,000-run switch from exact to estimated quantiles; another seed gives another result.
 */
class DeterminismTest {
  private static final long SEED = 42;

  static LongStream randomScenarioSeeds() {
    return LongStream.range(3_000, 3_008);
  }

  @ParameterizedTest(name = "{0} runs")
  @ValueSource(ints = {1, 1_000, 10_000, 10_001, 10_240})
  void run_benchLikeScenarioOnOneTwoOrFourThreads_givesIdenticalJson(int runs) {
    Scenario scenario = RandomScenarios.benchLike();

    String oneThread = json(scenario, runs, SEED, 1);

    assertThat(oneThread).contains("\"runs\" : " + runs);
    assertThat(json(scenario, runs, SEED, 2)).as("2 threads vs 1, %d runs", runs).isEqualTo(oneThread);
    assertThat(json(scenario, runs, SEED, 4)).as("4 threads vs 1, %d runs", runs).isEqualTo(oneThread);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("randomScenarioSeeds")
  void run_randomScenarioOnOneTwoOrFourThreads_givesIdenticalJson(long seed) {
    Scenario scenario = RandomScenarios.generate(seed);

    String oneThread = json(scenario, 777, seed, 1);

    assertThat(json(scenario, 777, seed, 2)).as("2 threads vs 1 on%n%s", RandomScenarios.toYaml(scenario))
        .isEqualTo(oneThread);
    assertThat(json(scenario, 777, seed, 4)).as("4 threads vs 1 on%n%s", RandomScenarios.toYaml(scenario))
        .isEqualTo(oneThread);
  }

  @Test
  void run_sameSeedTwice_givesIdenticalJson() {
    Scenario scenario = RandomScenarios.benchLike();

    assertThat(json(scenario, 10_240, SEED, 2)).isEqualTo(json(scenario, 10_240, SEED, 2));
    assertThat(json(scenario, 1_000, SEED, 2)).isEqualTo(json(scenario, 1_000, SEED, 2));
  }

  @Test
  void run_differentSeeds_giveDifferentJson() {
    Scenario scenario = RandomScenarios.benchLike();

    assertThat(withoutSeed(json(scenario, 10_240, SEED, 2)))
        .isNotEqualTo(withoutSeed(json(scenario, 10_240, SEED + 1, 2)));
    assertThat(withoutSeed(json(scenario, 1_000, SEED, 2)))
        .isNotEqualTo(withoutSeed(json(scenario, 1_000, -SEED, 2)));
  }

  @Test
  void run_deterministicModeOnFourThreads_givesTheSameJsonAsOnOne() {
    Scenario scenario = RandomScenarios.benchLike();

    String one = ResultJson.toJson(Sm1Simulator.run(scenario, SimulationOptions.deterministic()));
    String four = ResultJson.toJson(Sm1Simulator.run(scenario, SimulationOptions.deterministic().withThreads(4)));

    assertThat(four).isEqualTo(one).contains("\"runs\" : 1");
  }

  private static String json(Scenario scenario, int runs, long seed, int threads) {
    return ResultJson.toJson(Sm1Simulator.run(scenario, SimulationOptions.stochastic(runs, seed).withThreads(threads)));
  }

  /** The JSON without its "seed" line, so that two seeds are compared on results alone. */
  private static String withoutSeed(String json) {
    return json.replaceFirst("\"seed\" : -?\\d+", "");
  }
}
