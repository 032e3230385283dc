package org.quartermaster.app.importer.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's fields, numbered in the order they are added: each {@code *Target} adds its own, then the
 * eight of the row's provenance, which every table carries the same way. Used while a target class
 * initialises, then read only.
 */
final class TargetFields {
  /**
   * The fields of a row's {@code Provenance}.
   */
  record ProvenanceFields(TargetField sourceUrl, TargetField asOf, TargetField vintage, TargetField vintageMonth,
      TargetField publisher, TargetField sourceTitle, TargetField sourceGrade, TargetField viaUrl) {
    List<TargetField> all() {
      return List.of(sourceUrl, asOf, vintage, vintageMonth, publisher, sourceTitle, sourceGrade, viaUrl);
    }
  }

  private final List<TargetField> fields = new ArrayList<>();

  /** A new field, {@code name} in snake_case, after those added before. */
  TargetField add(String name, FieldType type) {
    TargetField field = new TargetField(fields.size(), name, type);
    fields.add(field);
    return field;
  }

  /**
   * The provenance's fields, added last: source_url, as_of, vintage, vintage_month, publisher, source_title,
   * source_grade, via_url.
   */
  ProvenanceFields provenance() {
    return new ProvenanceFields(add("source_url", FieldType.TEXT), add("as_of", FieldType.DATE),
        add("vintage", FieldType.TEXT), add("vintage_month", FieldType.MONTH), add("publisher", FieldType.TEXT),
        add("source_title", FieldType.TEXT), add("source_grade", FieldType.WORD), add("via_url", FieldType.TEXT));
  }

  /** Every field, in order. */
  List<TargetField> all() {
    return List.copyOf(fields);
  }
}
