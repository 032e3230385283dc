package org.quartermaster.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.engine.sweep.Sweep;

/** What executors receive: the sweep with its base inlined, rebuilt to the same variants. */
class SweepSourceTest {
  @TempDir Path dir;

  private Path sweep(String body) throws Exception {
    Files.copy(SweepJobTest.sweepFile("two-items.yaml"), dir.resolve("two-items.yaml"));
    return Files.writeString(dir.resolve("sweep.yaml"), "base: two-items.yaml\n" + body);
  }

  @Test
  void theRebuiltSweep_hasTheSameValues_forNumbersInEveryNotation() throws Exception {
    Path file = sweep("""
        design: {type: sobol, points: 16}
        runs: 5
        parameters:
          - {path: "stocks[USA/shell].initial", range: {low: 1.5e2, high: 1.0E3}}
          - {path: "lines[shells].disruption.probability", values: [0.000001, 1e-3, 0.25]}
          - {path: "transfers[0].quantity", range: {low: 100, high: 12345678.9}}
        """);
    SweepSource.Validated read = SweepSource.read(file);
    Files.delete(dir.resolve("two-items.yaml")); // an executor has no file of the driver's

    Sweep rebuilt = read.source().sweep();

    assertThat(rebuilt.variantCount()).isEqualTo(read.sweep().variantCount());
    for (int v = 0; v < rebuilt.variantCount(); v++) {
      for (int p = 0; p < 3; p++) {
        assertThat(Double.doubleToRawLongBits(rebuilt.value(v, p)))
            .isEqualTo(Double.doubleToRawLongBits(read.sweep().value(v, p)));
      }
    }
    assertThat(read.source().sweepJson()).doesNotContain("two-items.yaml").contains("\"saved\":\"base\"");
  }

  @Test
  void theHash_changesWithTheBaseScenario_notWithThePathOfTheFile() throws Exception {
    Path file = sweep("parameters: [{path: \"lines[rockets].surge_per_month\", values: [10, 20]}]\n");
    String first = SweepSource.read(file).source().sha256();
    Path copy = Files.copy(file, dir.resolve("copy.yaml"));
    assertThat(SweepSource.read(copy).source().sha256()).isEqualTo(first);

    Files.writeString(dir.resolve("two-items.yaml"),
        Files.readString(dir.resolve("two-items.yaml")).replace("initial: 300", "initial: 301"));
    assertThat(SweepSource.read(file).source().sha256()).isNotEqualTo(first);
  }

  @Test
  void aSavedBase_isUnknownOnTheDriver_withTheReadersMessage() throws Exception {
    Files.writeString(dir.resolve("saved.yaml"), """
        saved: us-155mm
        parameters: [{path: "lines[rockets].surge_per_month", values: [10, 20]}]
        """);
    assertThatThrownBy(() -> SweepJob.read(dir.resolve("saved.yaml")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("invalid sweep, 1 problem:")
        .hasMessageContaining("no saved scenario has this id");
  }
}
