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
 */
public record AidRow(
    int fileRow, String donor, String donorIso3, String recipient, String date, String category, String measure,
    double amount, String currency, String unit, String item, Double quantity, String dataThrough,
    Provenance provenance, String note, AidBasis basis) implements DataRow {

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

  @Override
  public AidRow withProvenance(Provenance p) {
    return new AidRow(fileRow, donor, donorIso3, recipient, date, category, measure, amount, currency, unit, item,
        quantity, dataThrough, p, note, basis);
  }
}
