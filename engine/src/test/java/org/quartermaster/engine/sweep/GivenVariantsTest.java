package org.quartermaster.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Given variants as JSON: every double back to the last bit, NaN as null, anything else refused. */
class GivenVariantsTest {
  @Test
  void json_readsBackTheSameDoubles_bitForBit_andNaNAsTheBasesValue() {
    double[][] values = {{0.1 + 0.2, Double.NaN, 1e-310}, {Math.PI, -0.0, 12345678.901234567}, {Double.MIN_VALUE,
        Double.MAX_VALUE, 1.0 / 3}};
    GivenVariants given = new GivenVariants("morris (r = 1, p = 4)", values);

    GivenVariants read = GivenVariants.parse(given.toJson(), 3);

    assertThat(read.design()).isEqualTo("morris (r = 1, p = 4)");
    for (int v = 0; v < values.length; v++) {
      for (int p = 0; p < 3; p++) {
        assertThat(Double.doubleToRawLongBits(read.valuesByVariant()[v][p])).as("values[%d][%d]", v, p)
            .isEqualTo(Double.doubleToRawLongBits(values[v][p]));
      }
    }
    assertThat(given.toJson()).contains("null");
  }

  @Test
  void parse_refusesOtherText_sayingWhatIsWrong() {
    assertThatThrownBy(() -> GivenVariants.parse("[1, 2]", 2)).hasMessageContaining("expected {\"design\"");
    assertThatThrownBy(() -> GivenVariants.parse("{\"design\": \"x\", \"values\": [[1]]}", 2))
        .hasMessageContaining("values[0] must list 2 values");
    assertThatThrownBy(() -> GivenVariants.parse("{\"design\": \"x\", \"values\": [[1, \"a\"]]}", 2))
        .hasMessageContaining("values[0][1] must be a number or null, got \"a\"");
    assertThatThrownBy(() -> GivenVariants.parse("{\"design\": \"x\", \"values\": []}", 2))
        .hasMessageContaining("expected 1 to 100000 variants, got 0");
    assertThatThrownBy(() -> GivenVariants.parse("{", 2)).hasMessageContaining("not JSON");
  }
}
