package org.quartermaster.app.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats {@code qm import} reads; the name is what {@code --format} takes. */
public enum ImportFormat {
  /** Quartermaster's own tidy CSV: the layout of the bundled dataset's files (the header says which table). */
  QM_CSV("qm-csv"),
  /** Any CSV, described by a YAML mapping. */
  CSV("csv"),
  /** Any Excel workbook (.xlsx), described by a YAML mapping. */
  XLSX("xlsx"),
  /** NATO's defence expenditure tables: Country, 2014 … 2024 (wide; "e" marks estimates). */
  NATO("nato"),
  /** Our World in Data grapher CSV: Entity, Code, Year, value. */
  OWID("owid"),
  /** SIPRI Arms Transfers Database trade-register CSV export. */
  SIPRI_TRANSFERS("sipri-transfers");

  private final String cliName;

  ImportFormat(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static Optional<ImportFormat> byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.cliName.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return cliName;
  }
}
