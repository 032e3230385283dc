package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.Importer;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.UnreadableCsvException;

/**
 * Any CSV file, described by a YAML mapping ({@code --mapping}: a file or a shipped mapping's name;
 * without one, a file the shipped mappings know by its header, such as Kiel's bilateral_activities.csv).
 * Encoding, byte-order mark, delimiter and decimal comma are detected ({@link CsvDialect}); rows are
 * numbered as lines of the file. Streams the file: memory grows with the rows kept, not the file.
 * Stateless and thread-safe.
 */
public final class CsvImporter implements Importer {

  @Override
  public ImportFormat format() {
    return ImportFormat.CSV;
  }

  /** Whether a file with this header row is one this importer reads without a mapping (a shipped one fits). */
  public boolean looksLike(List<String> headerCells) {
    return Mappings.shippedMappingFor(headerCells).isPresent();
  }

  /** Reads the file; a mapping that cannot be used throws {@link MappingException} before any row is read. */
  @Override
  public ParsedFile read(ImportRequest request, Countries countries) throws IOException {
    Mapping mapping = request.mapping() != null ? TabularImports.mapping(request.mapping())
        : TabularImports.shipped(request, CsvDialect.shippedMappingFor(request.file()));
    CsvDialect dialect = CsvDialect.detect(request.file(), mapping);
    RowConverter converter = new RowConverter(request.fileName(), mapping, countries, request.sourceUrl(),
        request.vintage(), dialect.decimalComma());
    try (InputStream in = Files.newInputStream(request.file())) {
      in.skipNBytes(dialect.bomLength());
      CsvRows.read(new InputStreamReader(in, dialect.charset()), dialect.delimiter(), converter::accept);
    } catch (UnreadableCsvException e) {
      converter.unreadable(e.row(), e.getMessage());
    }
    return converter.finish();
  }
}
