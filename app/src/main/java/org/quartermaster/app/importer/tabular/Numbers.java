package org.quartermaster.app.importer.tabular;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as files write them: "2.35", "2,35" (decimal comma), "1 234,5", "1,234.5", "12%", "1e-3".
 * Every method takes trimmed, non-blank text. The common plain decimal is parsed without allocation
 * (this runs for every numeric cell of a million-row file); anything else takes the careful path.
 */
final class Numbers {
  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
      1e19, 1e20, 1e21, 1e22};
  /** What {@link #fast} returns for a plain decimal with more than 15 digits: only NaN signals "not plain". */
  private static final double TOO_LONG = Double.NEGATIVE_INFINITY;
  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern GROUPED_BY_COMMA = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
  private static final Pattern GROUPED_BY_POINT = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+");

  private Numbers() {}

  /** The number, or NaN when the text is not one. */
  static double parse(String text, boolean decimalComma) {
    double fast = fast(text, decimalComma ? ',' : '.');
    if (fast == TOO_LONG) {
      return Double.parseDouble(decimalComma ? text.replace(',', '.') : text);
    }
    return Double.isNaN(fast) ? careful(text, decimalComma) : fast;
  }

  /**
   * [low, high] of "12000-20000" or "12 000 – 20 000", [x, x] of a single number, or null when the
   * text is neither.
   */
  static double[] range(String text, boolean decimalComma) {
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if ((c == '-' || c == '–' || c == '—') && text.charAt(i - 1) != 'e' && text.charAt(i - 1) != 'E') {
        double low = parse(text.substring(0, i).strip(), decimalComma);
        double high = parse(text.substring(i + 1).strip(), decimalComma);
        return Double.isNaN(low) || Double.isNaN(high) ? null : new double[] {low, high};
      }
    }
    double x = parse(text, decimalComma);
    return Double.isNaN(x) ? null : new double[] {x, x};
  }

  /** "up to", "about" or "exact", from how a quantity is written. */
  static String qualifier(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("up to")) {
      return "up to";
    }
    return lower.startsWith("~") || lower.startsWith("about") || lower.startsWith("approx") || lower.startsWith("c.")
        ? "about" : "exact";
  }

  /** The number of a quantity written with or without a qualifier, or NaN. */
  static double quantity(String text, boolean decimalComma) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String prefix : new String[] {"up to", "~", "about", "approximately", "approx.", "approx", "c."}) {
      if (lower.startsWith(prefix)) {
        return parse(text.substring(prefix.length()).strip(), decimalComma);
      }
    }
    return parse(text, decimalComma);
  }

  /**
   * Optional sign, digits, optional decimal separator and digits, at most 15 significant digits: the
   * digits as a long divided by an exact power of ten is then correctly rounded, the same double
   * Double.parseDouble gives. {@link #TOO_LONG} for a plain decimal with more digits, NaN when the
   * text is anything else.
   */
  private static double fast(String text, char separator) {
    int n = text.length();
    int i = 0;
    boolean negative = false;
    char first = text.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      i = 1;
    }
    long digits = 0;
    int count = 0;
    int scale = -1;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
        if (scale >= 0) {
          scale++;
        }
      } else if (c == separator && scale < 0) {
        scale = 0;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    if (count > 15 || scale >= POWERS_OF_TEN.length) {
      return TOO_LONG;
    }
    double value = scale <= 0 ? digits : digits / POWERS_OF_TEN[scale];
    return negative ? -value : value;
  }

  private static double careful(String text, boolean decimalComma) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\u00a0' && c != '\u202f' && c != '\'') {
        b.append(c == '−' ? '-' : c);
      }
    }
    if (b.length() > 1 && b.charAt(b.length() - 1) == '%') {
      b.setLength(b.length() - 1);
    }
    String s = b.toString();
    if (decimalComma) {
      s = s.indexOf(',') >= 0 ? s.replace(".", "").replace(',', '.')
          : GROUPED_BY_POINT.matcher(s).matches() ? s.replace(".", "") : s;
    } else if (s.indexOf(',') >= 0) {
      if (!GROUPED_BY_COMMA.matcher(s).matches()) {
        return Double.NaN;
      }
      s = s.replace(",", "");
    }
    return PLAIN.matcher(s).matches() ? Double.parseDouble(s) : Double.NaN;
  }
}
