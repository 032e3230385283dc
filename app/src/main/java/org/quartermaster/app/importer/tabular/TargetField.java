package org.quartermaster.app.importer.tabular;

import java.util.Locale;

/**
 * A field of a target table: one record component of its row record, named in snake_case (the
 * provenance's components are fields of their own). Implemented by one enum per table, whose
 * ordinals index the per-field arrays of {@link RowValues}.
 */
interface TargetField {
  String name();

  int ordinal();

  FieldType type();

  /** The name mappings use: {@code PCT_GDP} → {@code pct_gdp}. */
  default String fieldName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
