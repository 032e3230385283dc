package org.quartermaster.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepMetricTest {
  @Test
  void closingStockColumns_nameTheQuantileInDecimalPercent() {
    // 0.07 × 100 is 7.000000000000001 in binary floating point: the name must still say 7
    assertThat(new SweepMetric.ClosingStock(59, List.of(0.05, 0.07, 0.5, 0.125, 1.0)).columns()).containsExactly(
        "closing_stock_m59_p5", "closing_stock_m59_p7", "closing_stock_m59_p50", "closing_stock_m59_p12_5",
        "closing_stock_m59_p100");
  }

  @Test
  void eachMetric_namesItsColumns() {
    assertThat(new SweepMetric.ReachedByMonth(36).columns()).containsExactly("reached_by_month_36");
    assertThat(SweepMetric.DEFAULT.stream().flatMap(m -> m.columns().stream()).toList()).containsExactly(
        "months_to_target_p50", "months_to_target_p90", "shortfall_probability", "expected_unmet_demand");
  }
}
