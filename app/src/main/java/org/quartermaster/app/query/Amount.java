package org.quartermaster.app.query;

/**
 * A spending amount with what it counts: its currency, its unit (the multiplier: million …) and its
 * price base ({@code current}, {@code constant 2023}); each may be unstated (null).
 */
record Amount(Double value, String currency, String unit, String priceBase) {
  static final Amount NONE = new Amount(null, null, null, null);

  boolean present() {
    return value != null;
  }
}
