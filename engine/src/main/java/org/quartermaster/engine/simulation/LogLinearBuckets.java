package org.quartermaster.engine.simulation;

/**
 * Log-linear buckets over all non-negative doubles, the layout of HdrHistogram and DDSketch: each
 * power of two is cut into {@value #SUB_BUCKETS} equal sub-buckets, so a bucket's width is at most
 * 1/128 of its lower edge and its midpoint is within 1/256 (0.39%) of every value in it (for every
 * normal double; there is no floor). The bucket of a value is its IEEE-754 bit pattern shifted right
 * (exponent and top 7 mantissa bits): monotonic for non-negative doubles and a single shift, which
 * matters because an update happens at every simulated cell-step.
 */
final class LogLinearBuckets {
  static final int SUB_BUCKETS = 128;
  private static final int MANTISSA_SHIFT = 52 - 7;

  private LogLinearBuckets() {}

  /** The bucket of a non-negative value: 0 … 262,143, increasing with the value. */
  static int index(double value) {
    return (int) (Double.doubleToRawLongBits(value) >>> MANTISSA_SHIFT);
  }

  /** The value that stands for every value of a bucket: its midpoint (0 for the bucket of zero). */
  static double representative(int bucket) {
    if (bucket == 0) {
      return 0.0; // holds 0 and subnormals below 2^-1029
    }
    double lower = Double.longBitsToDouble((long) bucket << MANTISSA_SHIFT);
    double upper = Double.longBitsToDouble((long) (bucket + 1) << MANTISSA_SHIFT);
    return lower + (upper - lower) / 2;
  }
}
