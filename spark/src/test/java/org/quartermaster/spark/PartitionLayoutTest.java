package org.quartermaster.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionLayoutTest {

  @Test
  void partitions_holdEveryVariantOnce_inOrder_withSizesWithinOne() {
    for (int variants : new int[] {1, 7, 300, 1001}) {
      for (int partitions = 1; partitions <= Math.min(variants, 13); partitions++) {
        PartitionLayout layout = new PartitionLayout(variants, partitions);
        int next = 0;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int k = 0; k < partitions; k++) {
          assertThat(layout.first(k)).isEqualTo(next);
          next = layout.end(k);
          smallest = Math.min(smallest, layout.end(k) - layout.first(k));
          largest = Math.max(largest, layout.end(k) - layout.first(k));
        }
        assertThat(next).isEqualTo(variants);
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
        assertThat(smallest).isPositive();
      }
    }
  }

  @Test
  void theDefault_isTwoPerCore_orAbout64VariantsEach_neverMoreThanTheVariants() {
    assertThat(PartitionLayout.of(300, null, 2).partitions()).isEqualTo(5); // 300 / 64, rounded up
    assertThat(PartitionLayout.of(100, null, 8).partitions()).isEqualTo(16); // two per core
    assertThat(PartitionLayout.of(3, null, 8).partitions()).isEqualTo(3);
    assertThat(PartitionLayout.of(100_000, null, 64).partitions()).isEqualTo(1563);
    assertThat(PartitionLayout.of(10, 50, 2).partitions()).isEqualTo(10);
  }

  @Test
  void noPartitions_isRefused() {
    assertThatThrownBy(() -> new PartitionLayout(10, 0)).hasMessageContaining("partitions must be in 1..10, got 0");
  }
}
