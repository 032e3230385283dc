package org.quartermaster.app.data;

/**
 * Aid from one donor (a country, an institution or a group of donors) to Ukraine or another recipient.
 *
 * @param donorIso3   the donor's ISO 3166 alpha-3 code, or null for an institution or a group
 * @param date        ISO date or period text (YYYY, YYYY-MM, YYYY-MM-DD), or null
 * @param category    military, financial, humanitarian or total
 * @param measure     commitment, allocation, disbursement, appropriation, unspecified …
 * @param unit        the multiplier of {@code amount} as the source gives it (unit, thousand, million, billion)
 * @param dataThrough the last month the source's data cover, or null
 * @param basis       whether {@code amount} is a running total or new aid within a window, or null when the
 *                    file does not say
 * @param gdpSharePct  {@code amount} as a percentage of the donor's GDP as the source itself gives it (Kiel's
 *                     country summary), or null when the file gives none
 * @param gdpShareYear the year of the GDP that {@code gdpSharePct} divides by, or null without a share
 */
public record AidRow(
    int fileRow, String donor, String donorIso3, String recipient, String date, String category, String measure,
    double amount, String currency, String unit, String item, Double quantity, String dataThrough,
    Provenance provenance, String note, AidBasis basis, Double gdpSharePct, Integer gdpShareYear) implements DataRow {

  /** An aid row without the source's own share of GDP. */
  public AidRow(int fileRow, String donor, String donorIso3, String recipient, String date, String category,
      String measure, double amount, String currency, String unit, String item, Double quantity, String dataThrough,
      Provenance provenance, String note, AidBasis basis) {
    this(fileRow, donor, donorIso3, recipient, date, category, measure, amount, currency, unit, item, quantity,
        dataThrough, provenance, note, basis, null, null);
  }

  /** An aid row whose basis the file does not state. */
  public AidRow(int fileRow, String donor, String donorIso3, String recipient, String date, String category,
      String measure, double amount, String currency, String unit, String item, Double quantity, String dataThrough,
      Provenance provenance, String note) {
    this(fileRow, donor, donorIso3, recipient, date, category, measure, amount, currency, unit, item, quantity,
        dataThrough, provenance, note, null);
  }

  /**
   * For a running total (basis cumulative): the figure, so that one file cannot give the same donor's
   * category and measure twice in one release. None otherwise: identical lines of an activity list are
   * separate activities (the Kiel tracker's totals count each one), see {@link DataRow#key()}.
   */
  @Override
  public String key() {
    if (basis != AidBasis.CUMULATIVE) {
      return null;
    }
    return String.join("|", java.util.Objects.toString(provenance.publisher(), ""),
        java.util.Objects.toString(provenance.vintage(), ""), donorIso3 != null ? donorIso3 : donor, category,
        measure, currency, unit, java.util.Objects.toString(item, ""), java.util.Objects.toString(dataThrough, ""));
  }

  /**
   * Why an amount cannot be this row's, or empty: a running total (basis cumulative) is never negative
   * (an activity list's negative line is a correction, and stays allowed).
   */
  public static java.util.Optional<String> amountProblem(double amount, AidBasis basis) {
    return amount < 0 && basis == AidBasis.CUMULATIVE
        ? java.util.Optional.of("is negative: a running total (basis cumulative) cannot be; give the total as"
            + " published, or basis period for a correction")
        : java.util.Optional.empty();
  }

  /**
   * Why a share of GDP (a percentage) cannot be one, or empty: it lies between 0 and 100. A larger value is
   * an amount (EUR billion, a GDP) read from the wrong column.
   */
  public static java.util.Optional<String> gdpShareProblem(double pct) {
    return pct < 0 || pct > 100 || Double.isNaN(pct)
        ? java.util.Optional.of("is not a percentage of GDP (0 to 100): this column holds aid as % of the donor's"
            + " GDP, not an amount in EUR billion or a GDP; check that the file is Kiel's relative table")
        : java.util.Optional.empty();
  }

  /**
   * Why a date of this row ({@code date} or {@code data_through}: YYYY, YYYY-MM or YYYY-MM-DD) cannot be
   * reported by its release ({@code release}: YYYY-MM) or be covered by its data ({@code dataThrough}),
   * or empty: a release cannot report a period that starts after it, nor data through a later month;
   * a figure cannot be for a period that starts after its data end.
   */
  public static java.util.Optional<String> dateProblem(String date, String release, String dataThrough) {
    String month = firstMonth(date);
    if (month == null) {
      return java.util.Optional.empty();
    }
    String releaseMonth = firstMonth(release);
    if (releaseMonth != null && month.compareTo(releaseMonth) > 0) {
      return java.util.Optional.of("starts after the release that reports it (" + release + "): a release cannot"
          + " report a later period; check the date and the release month");
    }
    String throughMonth = firstMonth(dataThrough);
    if (throughMonth != null && month.compareTo(throughMonth) > 0) {
      return java.util.Optional.of("starts after the month its data run through (data_through " + dataThrough
          + "); check the date and data_through");
    }
    return java.util.Optional.empty();
  }

  /** The first month (YYYY-MM) of a period written YYYY, YYYY-MM or YYYY-MM-DD; null for other text. */
  private static String firstMonth(String period) {
    if (period == null || !period.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      return null;
    }
    return period.length() == 4 ? period + "-01" : period.substring(0, 7);
  }

  @Override
  public AidRow withProvenance(Provenance p) {
    return new AidRow(fileRow, donor, donorIso3, recipient, date, category, measure, amount, currency, unit, item,
        quantity, dataThrough, p, note, basis, gdpSharePct, gdpShareYear);
  }
}
