package org.quartermaster.engine.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TornadoTest {
  @Test
  void bars_widestSwingFirst_tiesInParameterOrder_missingLast() {
    var bars = Tornado.bars(new double[] {0, 0, 0, 0, 0}, new double[] {1, 1, 1, 1, 1},
        new double[] {10, 5, Double.NaN, 7, 0}, new double[] {12, 15, 3, 5, 2});
    assertThat(bars).extracting(TornadoBar::parameter).containsExactly(1, 0, 3, 4, 2);
    assertThat(bars.get(0).swing()).isEqualTo(10);
    assertThat(bars.get(4).swing()).isNaN();
  }
}
