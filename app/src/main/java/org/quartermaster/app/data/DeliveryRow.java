package org.quartermaster.app.data;

/**
 * One arms-transfer record (SIPRI Arms Transfers Database trade register): an order and what was
 * delivered of it. Country codes are null for non-state actors and unknown parties. The estimate
 * flags are null when the file does not say.
 */
public record DeliveryRow(
    int fileRow, String recordId, String supplier, String supplierIso3, String recipient, String recipientIso3,
    String designation, String description, String category, Integer orderYear, Boolean orderYearEstimate,
    Integer numberDelivered, Boolean numberDeliveredEstimate, String deliveryYears, Boolean deliveryYearEstimate,
    String status, Double tivUnit, Double tivDelivered, String localProduction, Provenance provenance)
    implements DataRow {

  @Override
  public String key() {
    return recordId + "|" + deliveryYears; // SIPRI lists a deal once per delivery year
  }

  @Override
  public DeliveryRow withProvenance(Provenance p) {
    return new DeliveryRow(fileRow, recordId, supplier, supplierIso3, recipient, recipientIso3, designation,
        description, category, orderYear, orderYearEstimate, numberDelivered, numberDeliveredEstimate, deliveryYears,
        deliveryYearEstimate, status, tivUnit, tivDelivered, localProduction, p);
  }
}
