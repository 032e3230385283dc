package org.quartermaster.app.munitions.build;

import java.math.BigDecimal;

/** How a built scenario's numbers are kept and written: to 4 decimals, in plain notation. */
final class Numbers {
  private Numbers() {}

  /** {@code value} to 4 decimals, so the YAML is readable and reads back to exactly this double. */
  static double kept(double value) {
    return Math.round(value * 1e4) / 1e4;
  }

  /** Plain notation, no exponent, no trailing zeros: {@code 1300}, {@code 83.3333}, {@code 0.05}. */
  static String plain(double value) {
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
