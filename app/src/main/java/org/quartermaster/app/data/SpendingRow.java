package org.quartermaster.app.data;

/**
 * Defence spending of one country in one year, as one source's release gives it.
 *
 * @param fileRow  the row (line) of the imported file it came from, 1-based
 * @param source   the series: {@code nato}, {@code sipri} or another lower-case word
 * @param pctGdp   share of GDP in percent, or null
 * @param amount   amount spent, or null
 * @param currency  currency of {@code amount} (USD, EUR …), or null
 * @param unit      the multiplier of {@code amount} (unit, thousand, million, billion), or null when not stated
 * @param priceBase the prices {@code amount} is at: {@code current}, or {@code constant YYYY}, or null when not stated
 */
public record SpendingRow(
    int fileRow, String iso3, String country, int year, Double pctGdp, Double amount, String currency,
    Estimate estimate, String source, Provenance provenance, String note, String unit, String priceBase)
    implements DataRow {

  /** A row whose amount (if any) does not state its unit or price base. */
  public SpendingRow(int fileRow, String iso3, String country, int year, Double pctGdp, Double amount,
      String currency, Estimate estimate, String source, Provenance provenance, String note) {
    this(fileRow, iso3, country, year, pctGdp, amount, currency, estimate, source, provenance, note, null, null);
  }

  /** Two rows with the same key in one file are a duplicate. */
  @Override
  public String key() {
    return source + "|" + iso3 + "|" + year + "|" + provenance.vintageMonth();
  }

  @Override
  public SpendingRow withProvenance(Provenance p) {
    return new SpendingRow(fileRow, iso3, country, year, pctGdp, amount, currency, estimate, source, p, note, unit,
        priceBase);
  }
}
