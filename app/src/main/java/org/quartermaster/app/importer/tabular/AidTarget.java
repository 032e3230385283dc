package org.quartermaster.app.importer.tabular;

import java.util.List;
import java.util.Set;
import org.quartermaster.app.data.AidBasis;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.Table;

/** Aid: {@link AidRow}. The donor may be one of the mapping's institutions (no country code). */
final class AidTarget implements Target {
  private static final TargetFields FIELDS = new TargetFields();
  static final TargetField DONOR = FIELDS.add("donor", FieldType.COUNTRY);
  static final TargetField DONOR_ISO3 = FIELDS.add("donor_iso3", FieldType.ISO3);
  static final TargetField RECIPIENT = FIELDS.add("recipient", FieldType.TEXT);
  static final TargetField DATE = FIELDS.add("date", FieldType.DATE);
  static final TargetField CATEGORY = FIELDS.add("category", FieldType.WORD);
  static final TargetField MEASURE = FIELDS.add("measure", FieldType.WORD);
  static final TargetField AMOUNT = FIELDS.add("amount", FieldType.NUMBER);
  static final TargetField CURRENCY = FIELDS.add("currency", FieldType.TEXT);
  static final TargetField UNIT = FIELDS.add("unit", FieldType.WORD);
  static final TargetField ITEM = FIELDS.add("item", FieldType.TEXT);
  static final TargetField QUANTITY = FIELDS.add("quantity", FieldType.NUMBER);
  static final TargetField DATA_THROUGH = FIELDS.add("data_through", FieldType.DATE);
  static final TargetField NOTE = FIELDS.add("note", FieldType.TEXT);
  static final TargetField BASIS = FIELDS.add("basis", FieldType.WORD);
  /** The source's own share of the donor's GDP (%), as Kiel's country summary gives it. */
  static final TargetField GDP_SHARE_PCT = FIELDS.add("gdp_share_pct", FieldType.NUMBER);
  /** The year of the GDP that share divides by. */
  static final TargetField GDP_SHARE_YEAR = FIELDS.add("gdp_share_year", FieldType.INTEGER);
  static final TargetFields.ProvenanceFields PROVENANCE = FIELDS.provenance();
  private static final List<TargetField> ALL = FIELDS.all();

  @Override
  public Table table() {
    return Table.AID;
  }

  @Override
  public List<TargetField> fields() {
    return ALL;
  }

  @Override
  public List<List<TargetField>> required() {
    return List.of(List.of(DONOR, DONOR_ISO3), List.of(CATEGORY), List.of(MEASURE), List.of(AMOUNT),
        List.of(CURRENCY), List.of(UNIT), List.of(RECIPIENT));
  }

  @Override
  public Set<TargetField> passedThrough() {
    return Set.of(RECIPIENT, AMOUNT, CURRENCY, ITEM, QUANTITY, NOTE);
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
    Provenance provenance = v.provenance(PROVENANCE);
    String note = v.text(NOTE);
    String basisText = v.word(BASIS);
    AidBasis basis = AidBasis.byName(basisText).orElse(null);
    if (basisText != null && basis == null) {
      v.problem(BASIS, basisText, "must be cumulative (a running total) or period (new aid within a window)");
    }
    Double gdpSharePct = v.number(GDP_SHARE_PCT);
    Integer gdpShareYear = v.integer(GDP_SHARE_YEAR);
    if (gdpSharePct != null) {
      AidRow.gdpShareProblem(gdpSharePct).ifPresent(m -> v.problem(GDP_SHARE_PCT, v.text(GDP_SHARE_PCT), m));
      if (gdpShareYear == null && !v.bad()) {
        v.problem(GDP_SHARE_YEAR, null, "is missing: a share of GDP needs the year of the GDP it divides by");
      }
    }
    if (gdpShareYear != null && (gdpShareYear < 1900 || gdpShareYear > 2100)) {
      v.problem(GDP_SHARE_YEAR, v.text(GDP_SHARE_YEAR), "is not a year of GDP (1900 to 2100)");
    }
    if (amount != null) {
      AidRow.amountProblem(amount, basis).ifPresent(m -> v.problem(AMOUNT, v.text(AMOUNT), m));
    }
    if (provenance != null) {
      AidRow.dateProblem(date, provenance.vintageMonth(), dataThrough).ifPresent(m -> v.problem(DATE, date, m));
      AidRow.dateProblem(dataThrough, provenance.vintageMonth(), null)
          .ifPresent(m -> v.problem(DATA_THROUGH, dataThrough, m));
    }
    if (v.bad()) {
      return null;
    }
    return new AidRow(v.row(), donor.name(), donor.iso3(), recipient, date, category, measure, amount, currency, unit,
        item, quantity, dataThrough, provenance, note, basis, gdpSharePct, gdpSharePct == null ? null : gdpShareYear);
  }
}
