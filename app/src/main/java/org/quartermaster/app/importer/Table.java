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

  /** The table's name in the store. */
  public String sqlName() {
    return sqlName;
  }

  /** The name used in mappings and on the command line: spending, aid, deliveries, production, contracts. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
