package org.quartermaster.spark;

import java.io.Serializable;

/**
 * How a sweep's variants are split into partitions: partition k holds variants {@code k * V / P} (inclusive)
 * to {@code (k + 1) * V / P} (exclusive), so sizes differ by at most one and every variant is in exactly
 * one partition. The layout is recorded in the output's manifest: a resumed sweep keeps it.
 *
 * @param variants   the sweep's variants, at least 1
 * @param partitions 1 … variants
 */
record PartitionLayout(int variants, int partitions) implements Serializable {
  /** Variants per partition when none is asked for: enough work per task to hide its scheduling cost. */
  static final int DEFAULT_VARIANTS_PER_PARTITION = 64;

  PartitionLayout {
    if (variants < 1 || partitions < 1 || partitions > variants) {
      throw new IllegalArgumentException("partitions must be in 1.." + variants + ", got " + partitions);
    }
  }

  /**
   * The layout for {@code requested} partitions, or when that is null: at least two per core Spark
   * offers ({@code parallelism}), so a slow task does not hold the others up, and about
   * {@value #DEFAULT_VARIANTS_PER_PARTITION} variants per partition beyond that; never more than the variants.
   */
  static PartitionLayout of(int variants, Integer requested, int parallelism) {
    int partitions = requested != null ? requested
        : Math.max(2 * parallelism, (variants + DEFAULT_VARIANTS_PER_PARTITION - 1) / DEFAULT_VARIANTS_PER_PARTITION);
    return new PartitionLayout(variants, Math.min(partitions, variants));
  }

  int first(int partition) {
    return (int) ((long) partition * variants / partitions);
  }

  int end(int partition) {
    return (int) ((long) (partition + 1) * variants / partitions);
  }
}
