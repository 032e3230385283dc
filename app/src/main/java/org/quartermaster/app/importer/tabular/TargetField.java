package org.quartermaster.app.importer.tabular;

/**
 * A field of a target table: one record component of its row record, named in snake_case (the
 * provenance's components are fields of their own). Made by {@link TargetFields}, in a table's order.
 *
 * @param ordinal   the field's place among its table's fields: the index of the per-field arrays of
 *                  {@link RowValues}
 * @param fieldName the name mappings and table columns use, e.g. {@code pct_gdp}
 * @param type      what a cell of it may hold
 */
record TargetField(int ordinal, String fieldName, FieldType type) {
  @Override
  public String toString() {
    return fieldName;
  }
}
