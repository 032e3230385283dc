package org.quartermaster.app.importer.tabular;

import java.util.List;
import java.util.Set;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.Table;

/**
 * Arms transfers: {@link DeliveryRow}. Supplier and recipient may be institutions or non-state actors
 * listed in the mapping's institutions (no country code). An unmapped or blank {@code order_year_estimate}
 * is taken from the year's own marker (2019e; an unmarked year in a file that marks some is not an
 * estimate); other blank estimate flags are unknown (null), not no.
 */
final class DeliveryTarget implements Target {
  private static final TargetFields FIELDS = new TargetFields();
  static final TargetField RECORD_ID = FIELDS.add("record_id", FieldType.TEXT);
  static final TargetField SUPPLIER = FIELDS.add("supplier", FieldType.COUNTRY);
  static final TargetField SUPPLIER_ISO3 = FIELDS.add("supplier_iso3", FieldType.ISO3);
  static final TargetField RECIPIENT = FIELDS.add("recipient", FieldType.COUNTRY);
  static final TargetField RECIPIENT_ISO3 = FIELDS.add("recipient_iso3", FieldType.ISO3);
  static final TargetField DESIGNATION = FIELDS.add("designation", FieldType.TEXT);
  static final TargetField DESCRIPTION = FIELDS.add("description", FieldType.TEXT);
  static final TargetField CATEGORY = FIELDS.add("category", FieldType.TEXT);
  static final TargetField ORDER_YEAR = FIELDS.add("order_year", FieldType.YEAR);
  static final TargetField ORDER_YEAR_ESTIMATE = FIELDS.add("order_year_estimate", FieldType.FLAG);
  static final TargetField NUMBER_DELIVERED = FIELDS.add("number_delivered", FieldType.INTEGER);
  static final TargetField NUMBER_DELIVERED_ESTIMATE = FIELDS.add("number_delivered_estimate", FieldType.FLAG);
  static final TargetField DELIVERY_YEARS = FIELDS.add("delivery_years", FieldType.TEXT);
  static final TargetField DELIVERY_YEAR_ESTIMATE = FIELDS.add("delivery_year_estimate", FieldType.FLAG);
  static final TargetField STATUS = FIELDS.add("status", FieldType.TEXT);
  static final TargetField TIV_UNIT = FIELDS.add("tiv_unit", FieldType.NUMBER);
  static final TargetField TIV_DELIVERED = FIELDS.add("tiv_delivered", FieldType.NUMBER);
  static final TargetField LOCAL_PRODUCTION = FIELDS.add("local_production", FieldType.TEXT);
  static final TargetFields.ProvenanceFields PROVENANCE = FIELDS.provenance();
  private static final List<TargetField> ALL = FIELDS.all();

  @Override
  public Table table() {
    return Table.DELIVERIES;
  }

  @Override
  public List<TargetField> fields() {
    return ALL;
  }

  @Override
  public List<List<TargetField>> required() {
    return List.of(List.of(RECORD_ID), List.of(SUPPLIER, SUPPLIER_ISO3), List.of(RECIPIENT, RECIPIENT_ISO3));
  }

  @Override
  public Set<TargetField> passedThrough() {
    return Set.of(RECORD_ID, DESIGNATION, DESCRIPTION, CATEGORY, ORDER_YEAR, NUMBER_DELIVERED, DELIVERY_YEARS, STATUS, TIV_UNIT, TIV_DELIVERED, LOCAL_PRODUCTION);
  }

  @Override
  public DataRow build(RowValues v) {
    String recordId = v.required(RECORD_ID, v.text(RECORD_ID));
    RowValues.CountryValue supplier = v.country(SUPPLIER, SUPPLIER_ISO3, true);
    RowValues.CountryValue recipient = v.country(RECIPIENT, RECIPIENT_ISO3, true);
    String designation = v.text(DESIGNATION);
    String description = v.text(DESCRIPTION);
    String category = v.text(CATEGORY);
    Integer orderYear = v.year(ORDER_YEAR);
    Boolean orderYearEstimate = v.estimate(ORDER_YEAR_ESTIMATE, ORDER_YEAR).flag();
    Integer numberDelivered = v.integer(NUMBER_DELIVERED);
    Boolean numberDeliveredEstimate = v.flag(NUMBER_DELIVERED_ESTIMATE).flag();
    String deliveryYears = v.text(DELIVERY_YEARS);
    Boolean deliveryYearEstimate = v.flag(DELIVERY_YEAR_ESTIMATE).flag();
    String status = v.text(STATUS);
    Double tivUnit = v.number(TIV_UNIT);
    Double tivDelivered = v.number(TIV_DELIVERED);
    String localProduction = v.text(LOCAL_PRODUCTION);
    Provenance provenance = v.provenance(PROVENANCE);
    if (v.bad()) {
      return null;
    }
    return new DeliveryRow(v.row(), recordId, supplier.name(), supplier.iso3(), recipient.name(), recipient.iso3(),
        designation, description, category, orderYear, orderYearEstimate, numberDelivered, numberDeliveredEstimate,
        deliveryYears, deliveryYearEstimate, status, tivUnit, tivDelivered, localProduction, provenance);
  }
}
