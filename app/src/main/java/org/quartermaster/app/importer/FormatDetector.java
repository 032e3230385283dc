package org.quartermaster.app.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.quartermaster.app.importer.nato.NatoTableImporter;
import org.quartermaster.app.importer.owid.OwidGrapherImporter;
import org.quartermaster.app.importer.qmcsv.QmCsvImporter;
import org.quartermaster.app.importer.sipri.SipriTransfersImporter;
import org.quartermaster.app.importer.sweep.SweepResultFile;
import org.quartermaster.app.importer.tabular.Mappings;
import org.quartermaster.engine.sweep.SweepMetadata;

/** Tells a file's format from its first bytes and lines, for imports without --format. */
public final class FormatDetector {
  private static final int LINES = 40;

  private FormatDetector() {}

  /**
   * The file's format, or empty when no format knows it. A file with every column a shipped mapping
   * reads and others it does not know is refused with an {@link ImportFailedException} naming them.
   */
  public static Optional<ImportFormat> detect(Path file) throws IOException {
    byte[] head = head(file, 64 * 1024);
    if (isZip(head)) {
      return Optional.of(ImportFormat.XLSX); // a zip: an Office Open XML workbook
    }
    if (SweepResultFile.isParquet(head)) {
      return Optional.of(SweepResultFile.detect(file, file.toString()).map(metadata -> ImportFormat.SWEEP)
          .orElseThrow(() -> new ImportFailedException(List.of(new ImportProblem(file.toString(), 0, null, null,
              "a Parquet file without " + SweepMetadata.KEY + " metadata: qm import reads Parquet files only as the"
                  + " results of qm sweep (docs/analysis.md); give other tables as CSV with a mapping")))));
    }
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = text.lines().limit(LINES).toList();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    List<String> header = Arrays.stream(lines.get(0).split(",", -1))
        .map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
    if (QmCsvImporter.looksLike(header)) {
      return Optional.of(ImportFormat.QM_CSV);
    }
    if (SipriTransfersImporter.looksLike(lines)) {
      return Optional.of(ImportFormat.SIPRI_TRANSFERS);
    }
    if (OwidGrapherImporter.looksLike(lines)) {
      return Optional.of(ImportFormat.OWID);
    }
    if (NatoTableImporter.looksLike(lines)) {
      return Optional.of(ImportFormat.NATO);
    }
    if (Mappings.shippedMappingFor(header).isPresent()) {
      return Optional.of(ImportFormat.CSV); // a file a shipped mapping describes (the Kiel tracker's)
    }
    Optional<String> nearMiss = Mappings.nearMiss(header);
    if (nearMiss.isPresent()) { // a shipped mapping's columns and more: say so rather than "cannot tell"
      throw new ImportFailedException(List.of(new ImportProblem(file.toString(), 0, null, null, nearMiss.get())));
    }
    return Optional.empty();
  }

  /**
   * The format of a file imported with a mapping and without --format: a mapping is for the generic
   * formats, so {@code xlsx} for a workbook (a zip), else {@code csv}.
   */
  public static ImportFormat generic(Path file) throws IOException {
    return isZip(head(file, 4)) ? ImportFormat.XLSX : ImportFormat.CSV;
  }

  private static byte[] head(Path file, int bytes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(bytes);
    }
  }

  private static boolean isZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }
}
