package org.quartermaster.app.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Numbers as the text table writes them: digits grouped by thousands with commas from five integer
 * digits on (624,600,000 and 20,000, but 2024 and 1300, so that years never read as amounts), and
 * decimals as the column asks. A column that keeps numbers "as they are" shows at most the decimals
 * a reader can use: two, or more for small numbers, as long as six significant digits need them
 * (64,616,886,193.76 EUR; 73.778 billion; 0.05 billion), trailing zeros dropped. CSV and JSON keep
 * the full value.
 */
final class TableNumbers {
  private static final int GROUP_FROM_DIGITS = 5;
  private static final int SIGNIFICANT = 6;
  private static final int MONEY_DECIMALS = 2;

  private TableNumbers() {}

  /** @param decimals digits after the point, or -1 for the value's own (bounded as above) */
  static String format(Number number, int decimals) {
    BigDecimal value;
    if (number instanceof Double || number instanceof Float) {
      double x = number.doubleValue();
      if (!Double.isFinite(x)) {
        return number.toString();
      }
      value = new BigDecimal(number.toString());
    } else if (number instanceof BigDecimal big) {
      value = big;
    } else if (number instanceof BigInteger big) {
      value = new BigDecimal(big);
    } else {
      value = BigDecimal.valueOf(number.longValue());
    }
    if (decimals >= 0) {
      value = value.setScale(decimals, RoundingMode.HALF_EVEN);
    } else if (value.scale() > 0) {
      int integerDigits = value.precision() - value.scale();
      int shown = Math.max(MONEY_DECIMALS, SIGNIFICANT - Math.max(integerDigits, 1));
      value = value.setScale(Math.min(value.scale(), shown), RoundingMode.HALF_EVEN);
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
      if (value.scale() < 0) {
        value = value.setScale(0);
      }
    }
    return group(value.toPlainString());
  }

  private static String group(String plain) {
    int sign = plain.startsWith("-") ? 1 : 0;
    int point = plain.indexOf('.');
    int end = point < 0 ? plain.length() : point;
    if (end - sign < GROUP_FROM_DIGITS) {
      return plain;
    }
    StringBuilder out = new StringBuilder(plain.substring(0, sign));
    for (int i = sign; i < end; i++) {
      if (i > sign && (end - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    return out.append(plain.substring(end)).toString();
  }
}
