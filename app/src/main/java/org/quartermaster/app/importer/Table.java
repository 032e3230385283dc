package org.quartermaster.app.importer;

import java.util.Locale;

/** The store's data tables an import can fill. */
public enum Table {
  SPENDING("defence_spending"),
  AID("aid"),
  DELIVERIES("deliveries"),
  PRODUCTION("production"),
  CONTRACTS("contracts"),
  /** Munitions a user adds to the catalogue (schema version 11). */
  MUNITIONS("munitions"),
  /** Names a user gives munitions of the catalogue (schema version 11). */
  MUNITION_ALIASES("munition_aliases");

  private final String sqlName;

  Table(String sqlName) {
    this.sqlName = sqlName;
  }

  /** The name queries read it by: a view with the provenance's five texts on every row (V3__provenance.sql). */
  public String sqlName() {
    return sqlName;
  }

  /** The table its rows are stored in, each pointing at its provenance by id. */
  public String storedName() {
    return sqlName + "_rows";
  }

  /**
   * Whether a YAML mapping may fill the table: the data tables may; the catalogue's tables are filled only
   * from files with the bundled catalogue's own columns (qm-csv).
   */
  public boolean mappable() {
    return this != MUNITIONS && this != MUNITION_ALIASES;
  }

  /**
   * The name used in mappings and on the command line: spending, aid, deliveries, production, contracts,
   * munitions, munition_aliases.
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
