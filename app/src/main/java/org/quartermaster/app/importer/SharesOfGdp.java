package org.quartermaster.app.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of defence spending in percent of GDP may hold. Countries spend between 0 and about
 * 40 % of GDP on defence; the highest figure on record, Kuwait's in 1991, is 117 % (SIPRI). One cell
 * above {@value #MAX_PCT} is a problem in its cell, and a table whose median is above
 * {@value #MAX_MEDIAN_PCT} holds amounts (US$ million, EUR …), not shares, which is a problem with the
 * whole file. Checked whether the format was detected or given.
 */
public final class SharesOfGdp {
  /** The largest share of GDP a single cell may hold. */
  public static final double MAX_PCT = 200;
  /** Above this median, a table holds amounts: no country's typical year is 40 % of GDP. */
  public static final double MAX_MEDIAN_PCT = 40;
  /** Where a user learns to import a table of amounts. */
  public static final String MAPPING_HINT = "import with a mapping, see docs/import-mappings.md";
  /** The same for a mapping that reads amounts as pct_gdp. */
  public static final String FIELD_HINT = "map the column to amount (with currency), not pct_gdp";

  private SharesOfGdp() {}

  /** The message for one cell that cannot be a share of GDP, or empty when it can. */
  public static Optional<String> cellProblem(double pct) {
    return cellProblem(pct, MAPPING_HINT + " for amounts");
  }

  /** The same, saying how to fix it ({@link #FIELD_HINT} in a mapping). */
  public static Optional<String> cellProblem(double pct, String fix) {
    return pct > MAX_PCT
        ? Optional.of("is above " + (int) MAX_PCT + ": not a share of GDP in percent (" + fix + ")")
        : Optional.empty();
  }

  /**
   * The whole-file message when the values look like amounts, or empty when they can be shares of GDP
   * (no values: empty too).
   */
  public static Optional<String> amountsProblem(List<Double> values) {
    return amountsProblem(values, MAPPING_HINT);
  }

  /** The same, saying how to fix it ({@link #FIELD_HINT} in a mapping). */
  public static Optional<String> amountsProblem(List<Double> values, String fix) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    double median = median(values);
    return median > MAX_MEDIAN_PCT
        ? Optional.of("values look like amounts (median " + String.format(Locale.ROOT, "%,.0f", median)
            + "), not % of GDP: " + fix)
        : Optional.empty();
  }

  /** Whether a column with this largest value and median can hold shares of GDP (the bulk path's check). */
  public static boolean fit(double max, double median) {
    return max <= MAX_PCT && median <= MAX_MEDIAN_PCT;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
