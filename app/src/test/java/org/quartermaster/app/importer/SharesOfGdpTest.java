package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharesOfGdpTest {

  @Test
  void amountsProblem_medianInTheThousands_namesTheMedian() {
    assertThat(SharesOfGdp.amountsProblem(List.of(4512.0, 120.0, 9000.0)))
        .contains("values look like amounts (median 4,512), not % of GDP: import with a mapping, "
            + "see docs/import-mappings.md");
  }

  @Test
  void amountsProblem_sharesOrNoValues_isEmpty() {
    assertThat(SharesOfGdp.amountsProblem(List.of(1.2, 2.5, 34.0, 117.0))).isEmpty(); // one war year is a cell's problem
    assertThat(SharesOfGdp.amountsProblem(List.of())).isEmpty();
  }

  @Test
  void cellProblem_above200_isAProblem() {
    assertThat(SharesOfGdp.cellProblem(117.35)).isEmpty(); // Kuwait, 1991
    assertThat(SharesOfGdp.cellProblem(200.5)).get().asString().startsWith("is above 200");
  }

  /** The median is the middle value of the sorted values (the mean of the two middle ones for an even count). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void median_randomValues_halfAboveHalfBelow(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Double> values = new ArrayList<>();
    int count = 1 + random.nextInt(50);
    for (int i = 0; i < count; i++) {
      values.add(random.nextDouble(0, 10_000));
    }

    double median = SharesOfGdp.median(values);

    assertThat(values.stream().filter(v -> v < median).count()).isLessThanOrEqualTo(count / 2);
    assertThat(values.stream().filter(v -> v > median).count()).isLessThanOrEqualTo(count / 2);
  }
}
