package org.quartermaster.app.data;

/**
 * Defence spending of one country in one year, as one source's release gives it.
 *
 * @param fileRow  the row (line) of the imported file it came from, 1-based
 * @param source   the series: {@code nato}, {@code sipri} or another lower-case word
 * @param pctGdp   share of GDP in percent, or null
 * @param amount   amount spent, or null
 * @param currency currency of {@code amount} (with its unit, e.g. "USD million"), or null
 */
public record SpendingRow(
    int fileRow, String iso3, String country, int year, Double pctGdp, Double amount, String currency,
    Estimate estimate, String source, Provenance provenance, String note) implements DataRow {

  /** Two rows with the same key in one file are a duplicate. */
  @Override
  public String key() {
    return source + "|" + iso3 + "|" + year + "|" + provenance.vintageMonth();
  }

  @Override
  public SpendingRow withProvenance(Provenance p) {
    return new SpendingRow(fileRow, iso3, country, year, pctGdp, amount, currency, estimate, source, p, note);
  }
}
