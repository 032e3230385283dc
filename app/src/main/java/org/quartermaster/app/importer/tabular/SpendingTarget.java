package org.quartermaster.app.importer.tabular;

import java.util.List;
import java.util.Set;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.PriceBase;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.Table;

/** Defence spending: {@link SpendingRow}. A row needs a country, a year, a source and pct_gdp or amount. */
final class SpendingTarget implements Target {
  private static final TargetFields FIELDS = new TargetFields();
  static final TargetField COUNTRY = FIELDS.add("country", FieldType.COUNTRY);
  static final TargetField ISO3 = FIELDS.add("iso3", FieldType.ISO3);
  static final TargetField YEAR = FIELDS.add("year", FieldType.YEAR);
  static final TargetField PCT_GDP = FIELDS.add("pct_gdp", FieldType.NUMBER);
  static final TargetField AMOUNT = FIELDS.add("amount", FieldType.NUMBER);
  static final TargetField CURRENCY = FIELDS.add("currency", FieldType.TEXT);
  static final TargetField ESTIMATE = FIELDS.add("estimate", FieldType.ESTIMATE);
  static final TargetField SOURCE = FIELDS.add("source", FieldType.WORD);
  static final TargetField NOTE = FIELDS.add("note", FieldType.TEXT);
  static final TargetField UNIT = FIELDS.add("unit", FieldType.WORD);
  static final TargetField PRICE_BASE = FIELDS.add("price_base", FieldType.TEXT);
  static final TargetFields.ProvenanceFields PROVENANCE = FIELDS.provenance();
  private static final List<TargetField> ALL = FIELDS.all();

  @Override
  public Table table() {
    return Table.SPENDING;
  }

  @Override
  public List<TargetField> fields() {
    return ALL;
  }

  @Override
  public List<List<TargetField>> required() {
    return List.of(List.of(COUNTRY, ISO3), List.of(YEAR), List.of(SOURCE), List.of(PCT_GDP, AMOUNT));
  }

  /** The year passes through: a plain year is never marked as an estimate. */
  @Override
  public Set<TargetField> passedThrough() {
    return Set.of(YEAR, PCT_GDP, AMOUNT, CURRENCY, NOTE);
  }

  @Override
  public DataRow build(RowValues v) {
    RowValues.CountryValue country = v.country(COUNTRY, ISO3, false);
    Integer year = v.required(YEAR, v.year(YEAR));
    Double pctGdp = v.number(PCT_GDP);
    Double amount = v.number(AMOUNT);
    String currency = v.text(CURRENCY);
    Estimate estimate = v.estimate(ESTIMATE, YEAR);
    String source = v.required(SOURCE, v.word(SOURCE));
    Provenance provenance = v.provenance(PROVENANCE);
    String note = v.text(NOTE);
    String unit = v.word(UNIT);
    String priceBase = PriceBase.of(v.text(PRICE_BASE));
    if (v.text(PRICE_BASE) != null && priceBase == null) {
      v.problem(PRICE_BASE, v.text(PRICE_BASE), "must be current or constant YYYY (e.g. constant 2023)");
    }
    if (pctGdp == null && amount == null && !v.bad()) {
      v.rowProblem("neither pct_gdp nor amount has a value");
    }
    if (v.bad()) {
      return null;
    }
    return new SpendingRow(v.row(), country.iso3(), country.name(), year, pctGdp, amount, currency, estimate, source,
        provenance, note, unit, priceBase);
  }
}
