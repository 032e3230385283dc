package org.quartermaster.app.data;

/**
 * A production rate or target for an item.
 *
 * @param valueLow   the rate, or the low end of a range such as 12000-20000
 * @param valueHigh  the high end of a range (equal to valueLow for a single figure)
 * @param period     month, year, day, cumulative … (what the rate is per)
 * @param kind       actual, capacity, target, estimate or transferred
 * @param targetDate when a target is to be met, as the source says it, or null
 */
public record ProductionRow(
    int fileRow, String item, String producer, String country, String date, Double valueLow, Double valueHigh,
    String valueText, String period, String unit, String kind, String targetDate, Provenance provenance,
    String note) implements DataRow {

  @Override
  public String key() {
    return String.join("|", item, producer, country, java.util.Objects.toString(date, ""), java.util.Objects.toString(valueText, ""), period, kind,
        java.util.Objects.toString(targetDate, ""), java.util.Objects.toString(provenance.sourceUrl(), ""));
  }

  @Override
  public ProductionRow withProvenance(Provenance p) {
    return new ProductionRow(fileRow, item, producer, country, date, valueLow, valueHigh, valueText, period, unit,
        kind, targetDate, p, note);
  }
}
