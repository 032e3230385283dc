package org.quartermaster.app.importer.tabular;

import static org.quartermaster.app.importer.tabular.AidTarget.Field.*;

import java.util.List;
import java.util.Set;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.Table;

/** Aid: {@link AidRow}. The donor may be one of the mapping's institutions (no country code). */
final class AidTarget implements Target {

  enum Field implements TargetField {
    DONOR(FieldType.COUNTRY),
    DONOR_ISO3(FieldType.ISO3),
    RECIPIENT(FieldType.TEXT),
    DATE(FieldType.DATE),
    CATEGORY(FieldType.WORD),
    MEASURE(FieldType.WORD),
    AMOUNT(FieldType.NUMBER),
    CURRENCY(FieldType.TEXT),
    UNIT(FieldType.WORD),
    ITEM(FieldType.TEXT),
    QUANTITY(FieldType.NUMBER),
    DATA_THROUGH(FieldType.DATE),
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
    return Table.AID;
  }

  @Override
  public List<TargetField> fields() {
    return List.of(Field.values());
  }

  @Override
  public List<List<TargetField>> required() {
    return List.of(List.of(DONOR, DONOR_ISO3), List.of(CATEGORY), List.of(MEASURE), List.of(AMOUNT),
        List.of(CURRENCY), List.of(UNIT), List.of(RECIPIENT));
  }

  @Override
  public Set<TargetField> passedThrough() {
    return Set.of(RECIPIENT, AMOUNT, CURRENCY, ITEM, QUANTITY, NOTE, SOURCE_URL, PUBLISHER);
  }

  @Override
  public DataRow build(RowValues v) {
    RowValues.CountryValue donor = v.country(DONOR, DONOR_ISO3, true);
    String recipient = v.required(RECIPIENT, v.text(RECIPIENT));
    String date = v.date(DATE);
    String category = v.required(CATEGORY, v.word(CATEGORY));
    String measure = v.required(MEASURE, v.word(MEASURE));
    Double amount = v.required(AMOUNT, v.number(AMOUNT));
    String currency = v.required(CURRENCY, v.text(CURRENCY));
    String unit = v.required(UNIT, v.word(UNIT));
    String item = v.text(ITEM);
    Double quantity = v.number(QUANTITY);
    String dataThrough = v.date(DATA_THROUGH);
    Provenance provenance = v.provenance(SOURCE_URL, AS_OF, VINTAGE, VINTAGE_MONTH, PUBLISHER);
    String note = v.text(NOTE);
    if (v.bad()) {
      return null;
    }
    return new AidRow(v.row(), donor.name(), donor.iso3(), recipient, date, category, measure, amount, currency, unit,
        item, quantity, dataThrough, provenance, note);
  }
}
