package org.quartermaster.app.data;

/**
 * A procurement contract.
 *
 * @param quantity          the number ordered, or null when not stated as a number
 * @param quantityQualifier {@code exact}, {@code up to} or {@code about} ("up to 1000", "~220000"), or null
 * @param quantityText      the quantity as the source writes it ("hundreds of thousands"), or null
 * @param value             contract value, or null
 */
public record ContractRow(
    int fileRow, String buyers, String agency, String item, Double quantity, String quantityQualifier, String quantityText,
    Double value, String currency, String date, String supplier, Provenance provenance, String note) implements DataRow {

  @Override
  public String key() {
    return String.join("|", buyers, java.util.Objects.toString(agency, ""), item, java.util.Objects.toString(quantity, ""), java.util.Objects.toString(value, ""),
        java.util.Objects.toString(currency, ""), java.util.Objects.toString(date, ""));
  }
}
