package org.quartermaster.app.importer.tabular;

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
  private static final TargetFields FIELDS = new TargetFields();
  static final TargetField ITEM = FIELDS.add("item", FieldType.TEXT);
  static final TargetField PRODUCER = FIELDS.add("producer", FieldType.TEXT);
  static final TargetField COUNTRY = FIELDS.add("country", FieldType.TEXT);
  static final TargetField DATE = FIELDS.add("date", FieldType.TEXT);
  static final TargetField VALUE_LOW = FIELDS.add("value_low", FieldType.NUMBER);
  static final TargetField VALUE_HIGH = FIELDS.add("value_high", FieldType.NUMBER);
  static final TargetField VALUE_TEXT = FIELDS.add("value_text", FieldType.TEXT);
  static final TargetField PERIOD = FIELDS.add("period", FieldType.WORD);
  static final TargetField UNIT = FIELDS.add("unit", FieldType.TEXT);
  static final TargetField KIND = FIELDS.add("kind", FieldType.WORD);
  static final TargetField TARGET_DATE = FIELDS.add("target_date", FieldType.TEXT);
  static final TargetField NOTE = FIELDS.add("note", FieldType.TEXT);
  static final TargetFields.ProvenanceFields PROVENANCE = FIELDS.provenance();
  private static final List<TargetField> ALL = FIELDS.all();

  @Override
  public Table table() {
    return Table.PRODUCTION;
  }

  @Override
  public List<TargetField> fields() {
    return ALL;
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
    Provenance provenance = v.provenance(PROVENANCE);
    String note = v.text(NOTE);
    if (v.bad()) {
      return null;
    }
    return new ProductionRow(v.row(), item, producer, country, date, low, high, valueText, period, unit, kind,
        targetDate, provenance, note);
  }
}
