package org.quartermaster.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

class DesignTest {
  private static final Levels UNIT = new Levels.Range(0, 1, Levels.Range.NO_STEPS);

  @Test
  void grid_hasOneVariantPerCombination_firstParameterSlowest() {
    List<Levels> levels = List.of(new Levels.Values(List.of(1.0, 2.0)), new Levels.Range(0, 10, 3),
        new Levels.Values(List.of(7.0, 8.0, 9.0, 10.0)));
    double[][] values = new Design.Grid().values(levels, 1);
    assertThat(values).hasNumberOfRows(2 * 3 * 4);
    assertThat(values[0]).containsExactly(1, 0, 7);
    assertThat(values[1]).containsExactly(1, 0, 8);
    assertThat(values[4]).containsExactly(1, 5, 7);
    assertThat(values[23]).containsExactly(2, 10, 10);
    Set<List<Double>> distinct = new HashSet<>();
    for (double[] v : values) {
      distinct.add(List.of(v[0], v[1], v[2]));
    }
    assertThat(distinct).hasSize(24);
  }

  @Test
  void latinHypercube_usesEveryStratumExactlyOncePerParameter() {
    int points = 50;
    double[][] values = new Design.LatinHypercube(points).values(List.of(UNIT, UNIT, UNIT), 99);
    assertThat(values).hasNumberOfRows(points);
    for (int p = 0; p < 3; p++) {
      Set<Integer> strata = new HashSet<>();
      for (double[] v : values) {
        assertThat(v[p]).isBetween(0.0, 1.0);
        strata.add((int) Math.floor(v[p] * points));
      }
      assertThat(strata).as("parameter %d", p).hasSize(points);
    }
  }

  @Test
  void latinHypercube_dependsOnTheSeedOnly() {
    List<Levels> levels = List.of(UNIT, new Levels.Range(10, 20, Levels.Range.NO_STEPS));
    assertThat(new Design.LatinHypercube(16).values(levels, 5)).isDeepEqualTo(
        new Design.LatinHypercube(16).values(levels, 5));
    assertThat(new Design.LatinHypercube(16).values(levels, 5)[0]).isNotEqualTo(
        new Design.LatinHypercube(16).values(levels, 6)[0]);
  }

  @Test
  void sobol_pointsAreTheLibrarysFirstPoints_mappedThroughEachParametersRange() {
    List<Levels> levels = List.of(UNIT, new Levels.Range(100, 200, Levels.Range.NO_STEPS), UNIT);
    double[][] values = new Design.Sobol(8).values(levels, 1);
    SobolSequenceGenerator library = new SobolSequenceGenerator(3);
    for (double[] v : values) {
      double[] u = library.nextVector();
      assertThat(v).containsExactly(u[0], 100 + u[1] * 100, u[2]);
    }
    // the well-known start of the sequence: the origin, then the centre, then the quarters
    assertThat(values[0]).containsExactly(0, 100, 0);
    assertThat(values[1]).containsExactly(0.5, 150, 0.5);
    assertThat(values[2][0]).isIn(0.25, 0.75);
  }

  @Test
  void levels_mapTheUnitIntervalAsDocumented() {
    Levels.Values listed = new Levels.Values(List.of(3.0, 5.0, 9.0));
    assertThat(listed.at(0)).isEqualTo(3);
    assertThat(listed.at(0.34)).isEqualTo(5);
    assertThat(listed.at(0.999)).isEqualTo(9);
    Levels.Triangular triangle = new Levels.Triangular(0, 2, 4);
    assertThat(triangle.at(0.5)).isEqualTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(new Levels.Range(1, 2, 5).grid()).containsExactly(1.0, 1.25, 1.5, 1.75, 2.0);
  }
}
