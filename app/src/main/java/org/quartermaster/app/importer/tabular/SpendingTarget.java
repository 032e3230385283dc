package org.quartermaster.app.importer.tabular;

import static org.quartermaster.app.importer.tabular.SpendingTarget.Field.*;

import java.util.List;
import java.util.Set;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.Table;

/** Defence spending: {@link SpendingRow}. A row needs a country, a year, a source and pct_gdp or amount. */
final class SpendingTarget implements Target {

  enum Field implements TargetField {
    COUNTRY(FieldType.COUNTRY),
    ISO3(FieldType.ISO3),
    YEAR(FieldType.YEAR),
    PCT_GDP(FieldType.NUMBER),
    AMOUNT(FieldType.NUMBER),
    CURRENCY(FieldType.TEXT),
    ESTIMATE(FieldType.ESTIMATE),
    SOURCE(FieldType.WORD),
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
    return Table.SPENDING;
  }

  @Override
  public List<TargetField> fields() {
    return List.of(Field.values());
  }

  @Override
  public List<List<TargetField>> required() {
    return List.of(List.of(COUNTRY, ISO3), List.of(YEAR), List.of(SOURCE), List.of(PCT_GDP, AMOUNT));
  }

  /** The year passes through: a plain year is never marked as an estimate. */
  @Override
  public Set<TargetField> passedThrough() {
    return Set.of(YEAR, PCT_GDP, AMOUNT, CURRENCY, NOTE, SOURCE_URL, PUBLISHER);
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
    Provenance provenance = v.provenance(SOURCE_URL, AS_OF, VINTAGE, VINTAGE_MONTH, PUBLISHER);
    String note = v.text(NOTE);
    if (pctGdp == null && amount == null && !v.bad()) {
      v.rowProblem("neither pct_gdp nor amount has a value");
    }
    if (v.bad()) {
      return null;
    }
    return new SpendingRow(v.row(), country.iso3(), country.name(), year, pctGdp, amount, currency, estimate, source,
        provenance, note);
  }
}
