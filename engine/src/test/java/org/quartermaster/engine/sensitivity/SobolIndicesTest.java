package org.quartermaster.engine.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Known answers: the Ishigami function, whose Sobol indices are analytic. */
class SobolIndicesTest {
  private static final double A = 7;
  private static final double B = 0.1;

  /** Ishigami and Homma (1990) on [−π, π]³, reached from the unit cube. */
  private static final ToDoubleFunction<double[]> ISHIGAMI = u -> {
    double x1 = -Math.PI + 2 * Math.PI * u[0];
    double x2 = -Math.PI + 2 * Math.PI * u[1];
    double x3 = -Math.PI + 2 * Math.PI * u[2];
    return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
  };

  // V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2
  private static final double V1 = Math.pow(1 + B * Math.pow(Math.PI, 4) / 5, 2) / 2;
  private static final double V2 = A * A / 8;
  private static final double V13 = B * B * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
  private static final double V = V1 + V2 + V13;

  @Test
  void analyticIndices_areThePublishedOnes() {
    // the figures the literature quotes, so the formulas above are the right ones
    assertThat(V1 / V).isCloseTo(0.3139, within(1e-4));
    assertThat(V2 / V).isCloseTo(0.4424, within(1e-4));
    assertThat((V1 + V13) / V).isCloseTo(0.5576, within(1e-4));
    assertThat(V13 / V).isCloseTo(0.2437, within(1e-4));
  }

  @Test
  void ishigami_estimatesAgreeWithTheAnalyticIndicesWithinTheirIntervals() {
    List<SobolIndex> indices = SobolIndices.of(ISHIGAMI, 3, 8192, 1000, 0.95, 42);
    double[] firstOrder = {V1 / V, V2 / V, 0};
    double[] total = {(V1 + V13) / V, V2 / V, V13 / V};
    for (int i = 0; i < 3; i++) {
      SobolIndex index = indices.get(i);
      assertThat(firstOrder[i]).as("S1 of x%d: %s", i + 1, index).isBetween(index.firstOrderLow(),
          index.firstOrderHigh());
      assertThat(total[i]).as("ST of x%d: %s", i + 1, index).isBetween(index.totalLow(), index.totalHigh());
      // and the intervals are narrow enough to mean something
      assertThat(index.firstOrderHigh() - index.firstOrderLow()).isLessThan(0.1);
      assertThat(index.totalHigh() - index.totalLow()).isLessThan(0.1);
      assertThat(index.firstOrder()).isCloseTo(firstOrder[i], within(0.02));
      assertThat(index.total()).isCloseTo(total[i], within(0.02));
    }
  }

  @Test
  void sameSeed_sameIntervals_otherSeed_otherIntervals_sameEstimates() {
    List<SobolIndex> one = SobolIndices.of(ISHIGAMI, 3, 512, 200, 0.95, 7);
    List<SobolIndex> again = SobolIndices.of(ISHIGAMI, 3, 512, 200, 0.95, 7);
    List<SobolIndex> other = SobolIndices.of(ISHIGAMI, 3, 512, 200, 0.95, 8);
    assertThat(again).isEqualTo(one);
    assertThat(other.get(0).firstOrder()).isEqualTo(one.get(0).firstOrder());
    assertThat(other.get(0).firstOrderLow()).isNotEqualTo(one.get(0).firstOrderLow());
  }

  @Test
  void additiveFunction_indicesAreTheVarianceShares_andFirstOrderEqualsTotal() {
    // f = 2u1 + u2 on the unit square: V1 = 4/12, V2 = 1/12, so S = 0.8 and 0.2, no interaction
    List<SobolIndex> indices = SobolIndices.of(u -> 2 * u[0] + u[1], 2, 4096, 300, 0.95, 1);
    assertThat(indices.get(0).firstOrder()).isCloseTo(0.8, within(0.01));
    assertThat(indices.get(1).firstOrder()).isCloseTo(0.2, within(0.01));
    assertThat(indices.get(0).total()).isCloseTo(0.8, within(0.01));
    assertThat(indices.get(1).total()).isCloseTo(0.2, within(0.01));
  }

  @Test
  void outputShiftedByALargeConstant_sameIndices_intervalsNoWider() {
    // the first-order estimator is computed on outputs centred on their mean; uncentred, a mean far
    // above the spread (as expected unmet demand of 60,000 ± 8,000) widened its intervals tenfold
    List<SobolIndex> plain = SobolIndices.of(ISHIGAMI, 3, 1024, 300, 0.95, 3);
    List<SobolIndex> shifted = SobolIndices.of(u -> ISHIGAMI.applyAsDouble(u) + 1e4, 3, 1024, 300, 0.95, 3);
    for (int i = 0; i < 3; i++) {
      SobolIndex p = plain.get(i);
      SobolIndex s = shifted.get(i);
      assertThat(s.firstOrder()).isCloseTo(p.firstOrder(), within(0.01));
      assertThat(s.firstOrderHigh() - s.firstOrderLow()).isLessThan(1.1 * (p.firstOrderHigh() - p.firstOrderLow()));
    }
  }

  @Test
  void saltelliSample_abMatricesAreATakingOneColumnFromB() {
    int n = 8;
    double[][] points = SaltelliSample.unitPoints(3, n);
    assertThat(points).hasNumberOfRows(40);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < n; j++) {
        double[] ab = points[(2 + i) * n + j];
        for (int c = 0; c < 3; c++) {
          assertThat(ab[c]).isEqualTo(c == i ? points[n + j][c] : points[j][c]);
        }
      }
    }
    // A and B are different halves of a 6-dimensional Sobol point (its first two points, 0 and 0.5 in
    // every dimension, are the same in both)
    assertThat(points[2]).isNotEqualTo(points[n + 2]);
  }

  @Test
  void outputsOfTheWrongLength_areRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SobolIndices.estimate(new double[10], 3, 4, 0, 0.95, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 20 outputs");
  }
}
