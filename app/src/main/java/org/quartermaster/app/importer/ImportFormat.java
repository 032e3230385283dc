package org.quartermaster.app.importer;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats {@code qm import} reads: the one list every interface derives its own from (the
 * CLI's {@code --format} help and check, the API's {@code format=} check and
 * {@code GET /api/v1/import-formats}, the Data page's select). The name is what {@code --format}
 * takes; the label is what a person picks; the importer of each is in {@link Importers}, and which
 * format a file is in, {@link FormatDetector} tells.
 */
public enum ImportFormat {
  /** Quartermaster's own tidy CSV: the layout of the bundled dataset's files (the header says which table). */
  QM_CSV("qm-csv", "Quartermaster CSV"),
  /** Any CSV, described by a YAML mapping (a shipped one when the header is recognised). */
  CSV("csv", "CSV with a mapping"),
  /** Any Excel workbook (.xlsx), described by a YAML mapping. */
  XLSX("xlsx", "Excel (XLSX)"),
  /** NATO's defence expenditure tables: Country, 2014 … 2024 (wide; "e" marks estimates). */
  NATO("nato", "NATO expenditure table"),
  /** Our World in Data grapher CSV: Entity, Code, Year, value. */
  OWID("owid", "Our World in Data"),
  /** SIPRI Arms Transfers Database trade-register CSV export. */
  SIPRI_TRANSFERS("sipri-transfers", "SIPRI trade register");

  private final String cliName;
  private final String label;

  ImportFormat(String cliName, String label) {
    this.cliName = cliName;
    this.label = label;
  }

  public String cliName() {
    return cliName;
  }

  /** What a person picks in a list: "NATO expenditure table". */
  public String label() {
    return label;
  }

  public static Optional<ImportFormat> byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.cliName.equals(wanted)).findFirst();
  }

  /** Every format's name, in order: qm-csv, csv, xlsx, nato, owid, sipri-transfers. */
  public static List<String> names() {
    return Arrays.stream(values()).map(ImportFormat::cliName).toList();
  }

  /** The names for picocli's {@code completionCandidates}, so {@code --help} lists them from here. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return names().iterator();
    }
  }

  @Override
  public String toString() {
    return cliName;
  }
}
