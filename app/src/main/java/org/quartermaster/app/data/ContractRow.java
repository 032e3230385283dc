package org.quartermaster.app.data;

/**
 * A procurement contract.
 *
 * @param quantity          the number ordered, or null when not stated as a number
 * @param quantityQualifier {@code exact}, {@code up to} or {@code about} ("up to 1000", "~220000"), or null
 * @param quantityText      the quantity as the source writes it ("hundreds of thousands"), or null
 * @param value             contract value, or null
 * @param contractId        the id shared by the rows that describe one contract (one order given in two
 *                          currencies), or null: totals count each id once
 */
public record ContractRow(
    int fileRow, String buyers, String agency, String item, Double quantity, String quantityQualifier, String quantityText,
    Double value, String currency, String date, String supplier, Provenance provenance, String note,
    String contractId) implements DataRow {

  /** A contract row without a contract id (each such row counts as a contract of its own). */
  public ContractRow(int fileRow, String buyers, String agency, String item, Double quantity, String quantityQualifier,
      String quantityText, Double value, String currency, String date, String supplier, Provenance provenance,
      String note) {
    this(fileRow, buyers, agency, item, quantity, quantityQualifier, quantityText, value, currency, date, supplier,
        provenance, note, null);
  }

  @Override
  public String key() {
    return String.join("|", buyers, java.util.Objects.toString(agency, ""), item, java.util.Objects.toString(quantity, ""), java.util.Objects.toString(value, ""),
        java.util.Objects.toString(currency, ""), java.util.Objects.toString(date, ""));
  }

  @Override
  public ContractRow withProvenance(Provenance p) {
    return new ContractRow(fileRow, buyers, agency, item, quantity, quantityQualifier, quantityText, value, currency,
        date, supplier, p, note, contractId);
  }
}
