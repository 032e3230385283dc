package org.quartermaster.app.importer;

import java.util.Locale;

/** The store's data tables an import can fill. */
public enum Table {
  SPENDING("defence_spending"),
  AID("aid"),
  DELIVERIES("deliveries"),
  PRODUCTION("production"),
  CONTRACTS("contracts");

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

  /** The name used in mappings and on the command line: spending, aid, deliveries, production, contracts. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
