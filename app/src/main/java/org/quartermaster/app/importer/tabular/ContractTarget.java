package org.quartermaster.app.importer.tabular;

import static org.quartermaster.app.importer.tabular.ContractTarget.Field.*;

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

  enum Field implements TargetField {
    BUYERS(FieldType.TEXT),
    AGENCY(FieldType.TEXT),
    ITEM(FieldType.TEXT),
    QUANTITY(FieldType.QUANTITY),
    QUANTITY_QUALIFIER(FieldType.WORD),
    QUANTITY_TEXT(FieldType.TEXT),
    VALUE(FieldType.NUMBER),
    CURRENCY(FieldType.TEXT),
    DATE(FieldType.DATE),
    SUPPLIER(FieldType.TEXT),
    NOTE(FieldType.TEXT),
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
    return Table.CONTRACTS;
  }

  @Override
  public List<TargetField> fields() {
    return List.of(Field.values());
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
    Provenance provenance = v.provenance(SOURCE_URL, AS_OF, VINTAGE, VINTAGE_MONTH, PUBLISHER);
    String note = v.text(NOTE);
    if (v.bad()) {
      return null;
    }
    return new ContractRow(v.row(), buyers, agency, item, quantity, qualifier, quantityText, value, currency, date,
        supplier, provenance, note);
  }
}
