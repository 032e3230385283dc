package org.quartermaster.app.importer.tabular;

import java.util.List;
import org.quartermaster.app.data.ContractRow;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.Table;

/**
 * Procurement contracts: {@link ContractRow}. An unmapped {@code quantity_qualifier} is read from the
 * quantity itself: "up to 1000" → up to, "~220000" or "about 50" → about, a plain number → exact.
 */
final class ContractTarget implements Target {
  private static final TargetFields FIELDS = new TargetFields();
  static final TargetField BUYERS = FIELDS.add("buyers", FieldType.TEXT);
  static final TargetField AGENCY = FIELDS.add("agency", FieldType.TEXT);
  static final TargetField ITEM = FIELDS.add("item", FieldType.TEXT);
  static final TargetField QUANTITY = FIELDS.add("quantity", FieldType.QUANTITY);
  static final TargetField QUANTITY_QUALIFIER = FIELDS.add("quantity_qualifier", FieldType.WORD);
  static final TargetField QUANTITY_TEXT = FIELDS.add("quantity_text", FieldType.TEXT);
  static final TargetField VALUE = FIELDS.add("value", FieldType.NUMBER);
  static final TargetField CURRENCY = FIELDS.add("currency", FieldType.TEXT);
  static final TargetField DATE = FIELDS.add("date", FieldType.DATE);
  static final TargetField SUPPLIER = FIELDS.add("supplier", FieldType.TEXT);
  static final TargetField NOTE = FIELDS.add("note", FieldType.TEXT);
  static final TargetField CONTRACT_ID = FIELDS.add("contract_id", FieldType.TEXT);
  /** YYYY or YYYY-MM: checked with the award date by {@link ContractRow#deliveryWindowProblems}. */
  static final TargetField DELIVERY_START = FIELDS.add("delivery_start", FieldType.TEXT);
  static final TargetField DELIVERY_END = FIELDS.add("delivery_end", FieldType.TEXT);
  static final TargetFields.ProvenanceFields PROVENANCE = FIELDS.provenance();
  private static final List<TargetField> ALL = FIELDS.all();

  @Override
  public Table table() {
    return Table.CONTRACTS;
  }

  @Override
  public List<TargetField> fields() {
    return ALL;
  }

  @Override
  public List<List<TargetField>> required() {
    return List.of(List.of(BUYERS), List.of(ITEM));
  }

  @Override
  public DataRow build(RowValues v) {
    String buyers = v.required(BUYERS, v.text(BUYERS));
    String agency = v.text(AGENCY);
    String item = v.required(ITEM, v.text(ITEM));
    Double quantity = v.quantity(QUANTITY);
    String qualifier = v.isMapped(QUANTITY_QUALIFIER) ? v.word(QUANTITY_QUALIFIER)
        : quantity == null ? null : Numbers.qualifier(v.text(QUANTITY));
    String quantityText = v.isMapped(QUANTITY_TEXT) ? v.text(QUANTITY_TEXT) : v.text(QUANTITY);
    Double value = v.number(VALUE);
    String currency = v.text(CURRENCY);
    String date = v.date(DATE);
    String supplier = v.text(SUPPLIER);
    Provenance provenance = v.provenance(PROVENANCE);
    String note = v.text(NOTE);
    String contractId = v.text(CONTRACT_ID);
    String deliveryStart = v.text(DELIVERY_START);
    String deliveryEnd = v.text(DELIVERY_END);
    ContractRow.deliveryWindowProblems(date, deliveryStart, deliveryEnd).forEach(p -> v.problem(
        p.column().equals("delivery_start") ? DELIVERY_START : DELIVERY_END, p.value(), p.message()));
    if (v.bad()) {
      return null;
    }
    return new ContractRow(v.row(), buyers, agency, item, quantity, qualifier, quantityText, value, currency, date,
        supplier, provenance, note, contractId, deliveryStart, deliveryEnd);
  }
}
