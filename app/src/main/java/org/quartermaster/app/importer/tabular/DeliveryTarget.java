package org.quartermaster.app.importer.tabular;

import static org.quartermaster.app.importer.tabular.DeliveryTarget.Field.*;

import java.util.List;
import java.util.Set;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.Table;

/**
 * Arms transfers: {@link DeliveryRow}. Supplier and recipient may be institutions or non-state actors
 * listed in the mapping's institutions (no country code). An unmapped {@code order_year_estimate} is
 * taken from the year's own marker (2019e).
 */
final class DeliveryTarget implements Target {

  enum Field implements TargetField {
    RECORD_ID(FieldType.TEXT),
    SUPPLIER(FieldType.COUNTRY),
    SUPPLIER_ISO3(FieldType.ISO3),
    RECIPIENT(FieldType.COUNTRY),
    RECIPIENT_ISO3(FieldType.ISO3),
    DESIGNATION(FieldType.TEXT),
    DESCRIPTION(FieldType.TEXT),
    CATEGORY(FieldType.TEXT),
    ORDER_YEAR(FieldType.YEAR),
    ORDER_YEAR_ESTIMATE(FieldType.FLAG),
    NUMBER_DELIVERED(FieldType.INTEGER),
    NUMBER_DELIVERED_ESTIMATE(FieldType.FLAG),
    DELIVERY_YEARS(FieldType.TEXT),
    DELIVERY_YEAR_ESTIMATE(FieldType.FLAG),
    STATUS(FieldType.TEXT),
    TIV_UNIT(FieldType.NUMBER),
    TIV_DELIVERED(FieldType.NUMBER),
    LOCAL_PRODUCTION(FieldType.TEXT),
    SOURCE_URL(FieldType.TEXT),
    AS_OF(FieldType.DATE),
    VINTAGE(FieldType.TEXT),
    VINTAGE_MONTH(FieldType.MONTH),
    PUBLISHER(FieldType.TEXT);

    private final FieldType type;

    Field(FieldType type) {
      this.type = type;
    }

    @Override
    public FieldType type() {
      return type;
    }
  }

  @Override
  public Table table() {
    return Table.DELIVERIES;
  }

  @Override
  public List<TargetField> fields() {
    return List.of(Field.values());
  }

  @Override
  public List<List<TargetField>> required() {
    return List.of(List.of(RECORD_ID), List.of(SUPPLIER, SUPPLIER_ISO3), List.of(RECIPIENT, RECIPIENT_ISO3));
  }

  @Override
  public Set<TargetField> passedThrough() {
    return Set.of(RECORD_ID, DESIGNATION, DESCRIPTION, CATEGORY, ORDER_YEAR, NUMBER_DELIVERED, DELIVERY_YEARS, STATUS, TIV_UNIT, TIV_DELIVERED, LOCAL_PRODUCTION, SOURCE_URL, PUBLISHER);
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
    boolean orderYearEstimate = v.flag(ORDER_YEAR_ESTIMATE, v.markedEstimate(ORDER_YEAR));
    Integer numberDelivered = v.integer(NUMBER_DELIVERED);
    boolean numberDeliveredEstimate = v.flag(NUMBER_DELIVERED_ESTIMATE, false);
    String deliveryYears = v.text(DELIVERY_YEARS);
    boolean deliveryYearEstimate = v.flag(DELIVERY_YEAR_ESTIMATE, false);
    String status = v.text(STATUS);
    Double tivUnit = v.number(TIV_UNIT);
    Double tivDelivered = v.number(TIV_DELIVERED);
    String localProduction = v.text(LOCAL_PRODUCTION);
    Provenance provenance = v.provenance(SOURCE_URL, AS_OF, VINTAGE, VINTAGE_MONTH, PUBLISHER);
    if (v.bad()) {
      return null;
    }
    return new DeliveryRow(v.row(), recordId, supplier.name(), supplier.iso3(), recipient.name(), recipient.iso3(),
        designation, description, category, orderYear, orderYearEstimate, numberDelivered, numberDeliveredEstimate,
        deliveryYears, deliveryYearEstimate, status, tivUnit, tivDelivered, localProduction, provenance);
  }
}
