package org.quartermaster.app.importer.tabular;

import java.util.List;
import java.util.Set;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.importer.Table;

/** One store table as a mapping sees it: its fields, which are required, and how a row is built. */
sealed interface Target permits SpendingTarget, AidTarget, DeliveryTarget, ProductionTarget, ContractTarget {

  Table table();

  /** Every field, in ordinal order. */
  List<TargetField> fields();

  /** What a mapping must give: each entry lists fields of which at least one must be mapped. */
  List<List<TargetField>> required();

  /** The row from the current file row's values, or null when it has a problem (reported to {@code values}). */
  DataRow build(RowValues values);

  /**
   * The fields {@link BulkCsvImport} may convert in SQL: a plain cell of one (a plain decimal, a
   * four-digit year, printable ASCII text without surrounding spaces) gives the table column of the
   * field's name its value and nothing else in {@link #build}: no other field reads it and no rule
   * depends on it beyond its being there. A change to {@code build} that breaks this must change this
   * set; BulkImportTest and BulkImportPropertyTest import files both ways and compare.
   */
  default Set<TargetField> passedThrough() {
    return Set.of();
  }

  static Target of(Table table) {
    return switch (table) {
      case SPENDING -> new SpendingTarget();
      case AID -> new AidTarget();
      case DELIVERIES -> new DeliveryTarget();
      case PRODUCTION -> new ProductionTarget();
      case CONTRACTS -> new ContractTarget();
      case MUNITIONS, MUNITION_ALIASES -> throw new IllegalArgumentException(
          "no mapping fills " + table.cliName() + ": the catalogue's files are imported as qm-csv");
    };
  }

  /** The field named {@code name} (snake_case), or null. */
  default TargetField field(String name) {
    for (TargetField field : fields()) {
      if (field.fieldName().equals(name)) {
        return field;
      }
    }
    return null;
  }
}
