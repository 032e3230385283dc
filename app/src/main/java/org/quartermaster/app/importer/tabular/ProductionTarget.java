package org.quartermaster.app.importer.tabular;

import static org.quartermaster.app.importer.tabular.ProductionTarget.Field.*;

import java.util.List;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.Table;

/**
 * Production rates and targets: {@link ProductionRow}. {@code value_text} may be a number or a range
 * (12000-20000); when {@code value_low} is not mapped, low and high are read from it, and a text that
 * is neither (such as "about 1000") keeps no numbers. A single figure has {@code value_high = value_low}.
 */
final class ProductionTarget implements Target {

  enum Field implements TargetField {
    ITEM(FieldType.TEXT),
    PRODUCER(FieldType.TEXT),
    COUNTRY(FieldType.TEXT),
    DATE(FieldType.TEXT),
    VALUE_LOW(FieldType.NUMBER),
    VALUE_HIGH(FieldType.NUMBER),
    VALUE_TEXT(FieldType.TEXT),
    PERIOD(FieldType.WORD),
    UNIT(FieldType.TEXT),
    KIND(FieldType.WORD),
    TARGET_DATE(FieldType.TEXT),
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
    return Table.PRODUCTION;
  }

  @Override
  public List<TargetField> fields() {
    return List.of(Field.values());
  }

  @Override
  public List<List<TargetField>> required() {
    return List.of(List.of(ITEM), List.of(PRODUCER), List.of(COUNTRY), List.of(KIND));
  }

  @Override
  public DataRow build(RowValues v) {
    String item = v.required(ITEM, v.text(ITEM));
    String producer = v.required(PRODUCER, v.text(PRODUCER));
    String country = v.required(COUNTRY, v.text(COUNTRY));
    String date = v.text(DATE);
    String valueText = v.text(VALUE_TEXT);
    Double low;
    Double high;
    if (v.isMapped(VALUE_LOW)) {
      low = v.number(VALUE_LOW);
      high = v.isMapped(VALUE_HIGH) ? v.number(VALUE_HIGH) : low;
      if (valueText == null) {
        valueText = v.text(VALUE_LOW);
      }
    } else {
      double[] range = valueText == null ? null : Numbers.range(valueText, v.decimalComma());
      low = range == null ? null : range[0];
      high = range == null ? null : range[1];
    }
    String period = v.word(PERIOD);
    String unit = v.text(UNIT);
    String kind = v.required(KIND, v.word(KIND));
    String targetDate = v.text(TARGET_DATE);
    Provenance provenance = v.provenance(SOURCE_URL, AS_OF, VINTAGE, VINTAGE_MONTH, PUBLISHER);
    String note = v.text(NOTE);
    if (v.bad()) {
      return null;
    }
    return new ProductionRow(v.row(), item, producer, country, date, low, high, valueText, period, unit, kind,
        targetDate, provenance, note);
  }
}
