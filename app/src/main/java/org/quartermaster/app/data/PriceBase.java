package org.quartermaster.app.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prices an amount is at: {@code current} (the prices of its own year) or {@code constant YYYY}
 * (the prices of one base year, as SIPRI's constant 2023 US$). Amounts at other price bases are never
 * compared as alike.
 */
public final class PriceBase {
  private static final Pattern CONSTANT = Pattern.compile("constant(?: prices)?(?: of)?\\s*\\(?((?:19|20)\\d\\d)\\)?"
      + "(?: prices)?");

  private PriceBase() {}

  /**
   * The price base in its one spelling ({@code current}, {@code constant 2023}), null for null or blank,
   * and null too for a text that is neither (the caller reports it).
   */
  public static String of(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (t.equals("current") || t.equals("current prices")) {
      return "current";
    }
    Matcher m = CONSTANT.matcher(t);
    return m.matches() ? "constant " + m.group(1) : null;
  }
}
