package org.quartermaster.app.munitions.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.Munition;
import org.quartermaster.app.munitions.ScenarioFigures;
import org.quartermaster.app.store.Store;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * Random valid {@code --assume} sets over the hand-worked store: every build validates, reads back to
 * exactly the numbers it wrote, labels each set number "set by --assume", and keeps every other number.
 */
class AssumptionsPropertyTest {
  private static Store store;
  private static ScenarioFigures figures;
  private static ScenarioBuilder.Checked plain;
  private static List<String> paths;

  @BeforeAll
  static void read(@TempDir Path dir) {
    store = HandWorkedBuildTest.handWorkedStore(dir);
    Munition javelin = Catalogue.bundled().findMunition("javelin").orElseThrow();
    figures = ScenarioFigures.read(store, Catalogue.bundled(), javelin);
    plain = ScenarioBuild.check(HandWorkedBuildTest.REQUEST, Catalogue.bundled(), Countries.standard());
    paths = Assumptions.paths(ScenarioBuilder.build(plain, figures, Countries.standard()));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void randomValidAssumptions_validate_andReadBackToTheSameValues() {
    Random random = new Random(20251101);
    int horizon = plain.horizon();
    for (int trial = 0; trial < 120; trial++) {
      Map<String, String> assume = new LinkedHashMap<>();
      for (String path : paths) {
        if (random.nextInt(3) == 0 && !path.contains("ramp_delay_months")) {
          assume.put(path, value(path, random, horizon));
        }
      }
      if (random.nextBoolean()) {
        List<Integer> delay = new ArrayList<>(List.of(random.nextInt(40), random.nextInt(40), random.nextInt(40)));
        delay.sort(null);
        assume.put("lines[usa-javelin].ramp_delay_months.min", String.valueOf(delay.get(0)));
        assume.put("lines[usa-javelin].ramp_delay_months.mode", String.valueOf(delay.get(1)));
        assume.put("lines[usa-javelin].ramp_delay_months.max", delay.get(2) + ".5");
      }
      ScenarioBuilder.Checked checked = new ScenarioBuilder.Checked(plain.munition(), plain.holders(), plain.start(),
          horizon, plain.basis(), assume);

      BuiltScenario built = ScenarioBuild.build(figures, checked, Countries.standard());

      ScenarioReader.parse(built.yaml(), "trial " + trial);
      Map<String, Double> read = ScenarioNumbers.of(built.yaml());
      for (Figure f : built.figures()) {
        assertThat(read.get(f.path())).as("trial %d: %s", trial, f.path()).isEqualTo(f.value());
      }
      assertThat(read).hasSameSizeAs(built.figures());
      assume.forEach((path, value) -> {
        Figure f = built.figures().stream().filter(g -> g.path().equals(path)).findFirst().orElseThrow();
        assertThat(f.value()).isEqualTo(Numbers.kept(Double.parseDouble(value)));
        assertThat(f.provenance()).isInstanceOfSatisfying(Provenance.Assumed.class,
            a -> assertThat(a.setByUser()).isTrue());
      });
      assertThat(ScenarioBuild.recorded(built.yaml(), "trial").assume()).isEqualTo(assume);
      BundledBuildTest.assertEveryNumberCommented(built);
    }
  }

  private static String value(String path, Random random, int horizon) {
    if (path.endsWith(".month") || path.endsWith(".from") || path.endsWith("ramp_start_month")) {
      return String.valueOf(random.nextInt(horizon));
    }
    if (path.equals("runs")) {
      return String.valueOf(1 + random.nextInt(20000));
    }
    if (path.equals("seed")) {
      return String.valueOf(random.nextInt(2_000_000_000) - 1_000_000_000L);
    }
    if (path.endsWith(".probability") || path.endsWith(".cut")) {
      return String.valueOf(random.nextInt(10001) / 10000.0);
    }
    double v = random.nextInt(4) == 0 ? random.nextInt(1_000_000) : random.nextDouble() * 5000;
    if (path.endsWith(".quantity") || path.contains(".shares.")) {
      v += 0.5;
    }
    return String.valueOf(v);
  }
}
