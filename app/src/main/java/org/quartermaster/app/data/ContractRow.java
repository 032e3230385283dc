package org.quartermaster.app.data;

/**
 * A procurement contract.
 *
 * @param quantity          the number ordered, or null when not stated
 * @param quantityQualifier {@code exact}, {@code up to} or {@code about} ("up to 1000", "~220000")
 * @param value             contract value, or null
 */
public record ContractRow(
    int fileRow, String buyers, String agency, String item, Double quantity, String quantityQualifier,
    Double value, String currency, String date, String supplier, Provenance provenance, String note) implements DataRow {

  @Override
  public String key() {
    return String.join("|", buyers, String.valueOf(agency), item, String.valueOf(quantity), String.valueOf(value),
        String.valueOf(currency), String.valueOf(date));
  }
}
