package org.quartermaster.engine.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MorrisEffectsTest {

  @Test
  void linearFunction_muStarIsTheCoefficientsMagnitude_sigmaIsZero() {
    double[] c = {3, -5, 0.5, 0};
    List<ElementaryEffects> effects = MorrisEffects.of(u -> c[0] * u[0] + c[1] * u[1] + c[2] * u[2] + c[3] * u[3],
        4, 20, 4, 42);
    for (int i = 0; i < 4; i++) {
      assertThat(effects.get(i).muStar()).as("mu* of %d", i).isCloseTo(Math.abs(c[i]), within(1e-9));
      assertThat(effects.get(i).mu()).isCloseTo(c[i], within(1e-9));
      assertThat(effects.get(i).sigma()).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void interaction_showsInSigma_andANonMonotoneEffectInMuStarAboveMu() {
    // f = u1·u2: the effect of u1 is u2, which varies between trajectories
    List<ElementaryEffects> product = MorrisEffects.of(u -> u[0] * u[1], 2, 30, 4, 1);
    assertThat(product.get(0).sigma()).isGreaterThan(0.1);
    // f = (u − 0.5)²: up and down moves cancel in mu, not in mu*
    List<ElementaryEffects> bowl = MorrisEffects.of(u -> (u[0] - 0.5) * (u[0] - 0.5), 1, 40, 4, 1);
    assertThat(bowl.get(0).muStar()).isGreaterThan(Math.abs(bowl.get(0).mu()) + 0.01);
  }

  @Test
  void design_eachTrajectoryMovesEveryParameterOnceByDelta_onTheGrid() {
    int k = 3;
    int levels = 6;
    double delta = MorrisDesign.delta(levels); // 6/10
    double[][] points = MorrisDesign.unitPoints(k, 10, levels, 9);
    assertThat(points).hasNumberOfRows(40);
    for (int t = 0; t < 10; t++) {
      boolean[] moved = new boolean[k];
      for (int s = 0; s < k; s++) {
        double[] a = points[t * (k + 1) + s];
        double[] b = points[t * (k + 1) + s + 1];
        int changed = -1;
        for (int i = 0; i < k; i++) {
          if (a[i] != b[i]) {
            assertThat(changed).isEqualTo(-1);
            changed = i;
          }
        }
        assertThat(Math.abs(b[changed] - a[changed])).isCloseTo(delta, within(1e-12));
        moved[changed] = true;
      }
      assertThat(moved).containsOnly(true);
      for (int s = 0; s <= k; s++) {
        for (double x : points[t * (k + 1) + s]) {
          assertThat(x).isBetween(0.0, 1.0);
          assertThat(x * (levels - 1)).isCloseTo(Math.rint(x * (levels - 1)), within(1e-9));
        }
      }
    }
    assertThat(MorrisDesign.unitPoints(k, 10, levels, 9)).isDeepEqualTo(points);
  }
}
