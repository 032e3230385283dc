package org.quartermaster.engine.simulation;

import java.util.Arrays;

/**
 * Exact order statistics of non-negative doubles by radix selection on their IEEE-754 bits (which
 * sort like the values): count the values per digit of the bits, keep only the digit that holds a
 * wanted rank, and repeat on the next digits until a handful of values are left to sort. Each pass
 * is a linear, branch-predictable loop, where a comparison-based selection mispredicts a branch at
 * nearly every step on random data; for the 10,000-value series of exact quantiles this is several
 * times faster. The first digit is the value's {@link LogLinearBuckets} bucket, over the range the
 * values span. Zeros are counted apart. Falls back to sorting a copy when a value is negative, NaN
 * or infinite. Not thread-safe (scratch arrays): one instance per thread.
 */
final class BucketSelect {
  /**
   * Below this many values a segment is simply sorted. Above it one more digit pass (a 2,048-entry
   * tally) is cheaper than a sort: at 10,000 runs the bucket of a quantile often holds several hundred
   * values, and sorting them was a fifth of the exact-quantile time.
   */
  private static final int SORT_BELOW = 64;
  /** The digits after the first: bits 34–44, 23–33, 12–22 and 0–11 of the value's bit pattern. */
  private static final int[] SHIFTS = {34, 23, 12, 0};
  private static final long[] MASKS = {0x7FF, 0x7FF, 0x7FF, 0xFFF};

  private int[] counts = new int[0];
  /** Per bucket (and zeros at the end): its segment among the wanted buckets, or -1. */
  private int[] slotByBucket = new int[0];
  private final int[] digitCounts = new int[4096];

  /** The values of ascending 0-based {@code ranks} among values[0 … n). Does not modify values. */
  double[] orderStatistics(double[] values, int n, long[] ranks) {
    return orderStatistics(values, 0, n, ranks);
  }

  /** The values of ascending 0-based {@code ranks} among values[from … from + n). Does not modify values. */
  double[] orderStatistics(double[] values, int from, int n, long[] ranks) {
    // on bit patterns: for non-negative doubles they order like the values, and integer min/max is cheap
    long signs = 0;
    long maxBits = 0;
    long minPositiveBits = Long.MAX_VALUE;
    int zeros = 0;
    int end = from + n;
    for (int r = from; r < end; r++) {
      long bits = Double.doubleToRawLongBits(values[r]);
      signs |= bits;
      maxBits = Math.max(maxBits, bits);
      minPositiveBits = Math.min(minPositiveBits, bits == 0 ? Long.MAX_VALUE : bits);
      zeros += bits == 0 ? 1 : 0;
    }
    if (signs < 0 || maxBits >= Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)) {
      return bySorting(values, from, n, ranks); // a negative value, -0.0, an infinity or NaN
    }
    double[] out = new double[ranks.length];
    if (zeros == n || minPositiveBits == maxBits) {
      for (int k = 0; k < ranks.length; k++) {
        out[k] = ranks[k] < zeros ? 0.0 : Double.longBitsToDouble(maxBits);
      }
      return out;
    }
    int first = (int) (minPositiveBits >>> 45);
    int buckets = (int) (maxBits >>> 45) - first + 1;
    if (counts.length < buckets + 1) {
      counts = new int[buckets + 1];
      slotByBucket = new int[buckets + 1];
    }
    // zeros go to the extra entry at [buckets]: a conditional move, where a branch would mispredict
    for (int r = from; r < end; r++) {
      counts[bucketOrZeroSlot(values[r], first, buckets)]++;
    }
    // each wanted rank: its bucket and its rank among that bucket's values
    int[] bucketOfRank = new int[ranks.length];
    int[] rankInBucket = new int[ranks.length];
    long below = zeros;
    int b = 0;
    for (int k = 0; k < ranks.length; k++) {
      if (ranks[k] < zeros) {
        bucketOfRank[k] = -1;
        continue;
      }
      while (below + counts[b] <= ranks[k]) {
        below += counts[b++];
      }
      bucketOfRank[k] = b;
      rankInBucket[k] = (int) (ranks[k] - below);
    }
    // one pass gathers the values of every wanted bucket, each bucket into its own segment
    int[] slotOfBucket = new int[ranks.length];
    long[][] segments = new long[ranks.length][];
    int[] filled = new int[ranks.length];
    int slots = 0;
    for (int k = 0; k < ranks.length; k++) {
      if (bucketOfRank[k] >= 0 && (slots == 0 || bucketOfRank[k] != slotOfBucket[slots - 1])) {
        slotOfBucket[slots] = bucketOfRank[k];
        segments[slots] = new long[counts[bucketOfRank[k]]];
        slots++;
      }
    }
    // a look-up of each value's segment, -1 for unwanted buckets and for zeros: one rarely taken branch
    // per value, where testing the value against every wanted bucket mispredicted often
    Arrays.fill(slotByBucket, 0, buckets + 1, -1);
    for (int slot = 0; slot < slots; slot++) {
      slotByBucket[slotOfBucket[slot]] = slot;
    }
    for (int r = from; r < end; r++) {
      double v = values[r];
      int slot = slotByBucket[bucketOrZeroSlot(v, first, buckets)];
      if (slot >= 0) {
        segments[slot][filled[slot]++] = Double.doubleToRawLongBits(v);
      }
    }
    for (int k = 0, slot = -1; k < ranks.length; k++) {
      if (bucketOfRank[k] < 0) {
        out[k] = 0.0;
        continue;
      }
      if (slot < 0 || slotOfBucket[slot] != bucketOfRank[k]) {
        slot++;
      }
      out[k] = Double.longBitsToDouble(select(segments[slot], filled[slot], rankInBucket[k], 0));
    }
    Arrays.fill(counts, 0, buckets + 1, 0);
    return out;
  }

  /** The value's bucket counted from {@code first}, or {@code zeroSlot} for a zero. */
  private static int bucketOrZeroSlot(double value, int first, int zeroSlot) {
    return value == 0 ? zeroSlot : LogLinearBuckets.index(value) - first;
  }

  /** The rank-th smallest of bits[0 … m), all equal in the digits before {@code digit}. */
  private long select(long[] bits, int m, int rank, int digit) {
    while (m >= SORT_BELOW && digit < SHIFTS.length) {
      int shift = SHIFTS[digit];
      long mask = MASKS[digit];
      int[] tally = digitCounts;
      for (int i = 0; i < m; i++) {
        tally[(int) ((bits[i] >>> shift) & mask)]++;
      }
      int d = 0;
      int below = 0;
      while (below + tally[d] <= rank) {
        below += tally[d++];
      }
      Arrays.fill(tally, 0, (int) mask + 1, 0);
      long[] next = new long[m];
      int kept = 0;
      for (int i = 0; i < m; i++) {
        if (((bits[i] >>> shift) & mask) == d) {
          next[kept++] = bits[i];
        }
      }
      bits = next;
      m = kept;
      rank -= below;
      digit++;
    }
    long[] sorted = Arrays.copyOf(bits, m);
    Arrays.sort(sorted);
    return sorted[rank];
  }

  private static double[] bySorting(double[] values, int from, int n, long[] ranks) {
    double[] sorted = Arrays.copyOfRange(values, from, from + n);
    Arrays.sort(sorted);
    double[] out = new double[ranks.length];
    for (int k = 0; k < ranks.length; k++) {
      out[k] = sorted[(int) ranks[k]];
    }
    return out;
  }
}
