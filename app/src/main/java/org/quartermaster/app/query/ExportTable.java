package org.quartermaster.app.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The store tables {@code qm export} writes; the name is what the command takes. */
public enum ExportTable {
  SPENDING("defence_spending"),
  AID("aid"),
  DELIVERIES("deliveries"),
  PRODUCTION("production"),
  CONTRACTS("contracts"),
  DATASETS("datasets"),
  COUNTRIES("countries");

  private final String sqlName;

  ExportTable(String sqlName) {
    this.sqlName = sqlName;
  }

  /** The table's name in the store. */
  public String sqlName() {
    return sqlName;
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ExportTable> byName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.cliName().equals(wanted) || t.sqlName.equals(wanted)).findFirst();
  }

  /** spending, aid, deliveries, production, contracts, datasets, countries. */
  public static List<String> cliNames() {
    return Arrays.stream(values()).map(ExportTable::cliName).toList();
  }
}
