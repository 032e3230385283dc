package org.quartermaster.app.importer;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.quartermaster.app.data.Citation;
import org.quartermaster.app.data.SourceGrade;
/**
 * The file formats {@code qm import} reads: the one list every interface derives its own from (the
 * CLI's {@code --format} help and check, the API's {@code format=} check and
 * {@code GET /api/v1/import-formats}, the Data page's select). The name is what {@code --format}
 * takes; the label is what a person picks; the importer of each is in {@link Importers}, and which
 * format a file is in, {@link FormatDetector} tells.
 */
public enum ImportFormat {
  /** Quartermaster's own tidy CSV: the layout of the bundled dataset's files (the header says which table). */
  QM_CSV("qm-csv", "Quartermaster CSV", Citation.NONE, List.of()),
  /** Any CSV, described by a YAML mapping (a shipped one when the header is recognised). */
  CSV("csv", "CSV with a mapping", Citation.NONE, List.of()),
  /** Any Excel workbook (.xlsx), described by a YAML mapping. */
  XLSX("xlsx", "Excel (XLSX)", Citation.NONE, List.of()),
  /** NATO's defence expenditure tables: Country, 2014 … 2024 (wide; "e" marks estimates). */
  NATO("nato", "NATO expenditure table",
      new Citation("NATO", "NATO, Defence Expenditure of NATO Countries (tables)", SourceGrade.OFFICIAL),
      List.of("nato.int")),
  /** Our World in Data grapher CSV: Entity, Code, Year, value (a copy of the series it charts: a relay). */
  OWID("owid", "Our World in Data",
      new Citation(null, "Our World in Data grapher export (a copy of the series it charts)", SourceGrade.RELAY),
      List.of("ourworldindata.org")),
  /** SIPRI Arms Transfers Database trade-register CSV export. */
  SIPRI_TRANSFERS("sipri-transfers", "SIPRI trade register",
      new Citation("SIPRI", "SIPRI Arms Transfers Database, trade register", SourceGrade.RESEARCH),
      List.of("sipri.org")),
  /** The results of {@code qm sweep} as Parquet (one row per variant × cell, the sweep in the file's metadata). */
  SWEEP("sweep", "Sweep results (qm sweep)", Citation.NONE, List.of());

  private final String cliName;
  private final String label;
  private final Citation citation;
  private final List<String> hosts;

  ImportFormat(String cliName, String label, Citation citation, List<String> hosts) {
    this.cliName = cliName;
    this.label = label;
    this.citation = citation;
    this.hosts = hosts;
  }

  /**
   * The format's citation of a row cited at {@code sourceUrl}: with its grade only when the URL is on the
   * publisher's own site (a grade is the URL's: a NATO table read anywhere else, or with no URL, is not
   * graded official).
   */
  public Citation citationFor(String sourceUrl) {
    String host = hostOf(sourceUrl);
    boolean own = host != null && hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    return own ? citation : new Citation(citation.publisher(), citation.sourceTitle(), null);
  }

  private static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = java.net.URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Who produces files of this format and how well they cite (NATO's tables: NATO, official): what an
   * import cites where neither the file nor {@code --publisher}, {@code --source-title}, {@code --grade} say.
   */
  public Citation citation() {
    return citation;
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

  /** Every format's name, in order: qm-csv, csv, xlsx, nato, owid, sipri-transfers, sweep. */
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
