package org.quartermaster.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.engine.Fixtures;
import org.quartermaster.engine.result.ResultJson;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * The golden catalogue: one tiny scenario per MODEL.md rule, each with a result worked out by hand
 * (scenarios/golden/README.md shows the working). Deterministic mode; every number given in the
 * expected file must match within 1e-9, every null exactly.
 */
class GoldenScenariosTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double TOLERANCE = 1e-9;

  static List<Path> goldenScenarios() {
    return Fixtures.scenarios("golden");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenScenarios")
  void deterministicRun_goldenScenario_matchesHandWorkedResult(Path scenarioFile) throws IOException {
    String name = scenarioFile.getFileName().toString().replace(".yaml", "");
    JsonNode expected = JSON.readTree(scenarioFile.resolveSibling(name + ".expected.json").toFile());
    JsonNode actual = JSON.readTree(ResultJson.toJson(
        Sm1Simulator.run(ScenarioReader.read(scenarioFile), SimulationOptions.deterministic())));

    assertThat(actual.get("mode").asText()).isEqualTo("deterministic");
    assertThat(actual.get("runs").asInt()).isEqualTo(1);
    assertThat(actual.get("cells")).as("every cell, in MODEL.md's order").hasSameSizeAs(expected.get("cells"));
    assertMatches(expected, actual, "");
  }

  /** Every field of {@code expected} must be in {@code actual} with the same value. */
  private static void assertMatches(JsonNode expected, JsonNode actual, String path) {
    assertThat(actual).as("%s is missing", path).isNotNull();
    if (expected.isObject()) {
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        assertMatches(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as("%s is an array", path).isTrue();
      assertThat(actual.size()).as("%s length", path).isEqualTo(expected.size());
      for (int k = 0; k < expected.size(); k++) {
        assertMatches(expected.get(k), actual.get(k), path + "[" + k + "]");
      }
    } else if (expected.isNumber()) {
      assertThat(actual.isNumber()).as("%s is a number, got %s", path, actual).isTrue();
      double want = expected.asDouble();
      assertThat(actual.asDouble()).as(path).isCloseTo(want,
          org.assertj.core.data.Offset.offset(TOLERANCE * Math.max(1, Math.abs(want))));
    } else if (expected.isNull()) {
      assertThat(actual.isNull()).as("%s is null, got %s", path, actual).isTrue();
    } else {
      assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
    }
  }
}
