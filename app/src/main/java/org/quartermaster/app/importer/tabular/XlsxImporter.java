package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.Importer;
import org.quartermaster.app.importer.ParsedFile;

/**
 * Any Excel workbook (.xlsx), described by a YAML mapping: the mapping's {@code sheet} (name or 1-based
 * position; the first sheet by default) and {@code header_row} (found when not given). Rows are the
 * sheet's row numbers. The sheet is streamed ({@link XlsxRows}), so 100,000-row sheets read in bounded
 * memory; the shared strings, which are held whole, and each cell's text are limited ({@link XlsxLimits}).
 * Stateless and thread-safe.
 */
public final class XlsxImporter implements Importer {
  private static final int DETECTION_ROWS = 20;
  private final XlsxLimits limits;

  public XlsxImporter() {
    this(XlsxLimits.DEFAULT);
  }

  /** An importer within other limits (tests lower them). */
  XlsxImporter(XlsxLimits limits) {
    this.limits = limits;
  }

  @Override
  public ImportFormat format() {
    return ImportFormat.XLSX;
  }

  /** Reads the workbook; a mapping that cannot be used throws {@link MappingException} before any row is read. */
  @Override
  public ParsedFile read(ImportRequest request, Countries countries) throws IOException {
    Mapping mapping = request.mapping() != null ? TabularImports.mapping(request.mapping())
        : TabularImports.shipped(request, shippedMappingFor(request.file(), limits));
    RowConverter converter = new RowConverter(request.fileName(), mapping, countries, request.sourceUrl(),
        request.vintage(), Boolean.TRUE.equals(mapping.decimalComma()));
    XlsxRows.read(request.file(), mapping.sheet(), converter::accept, limits)
        .ifPresent(trouble -> converter.unreadable(0, trouble));
    return converter.finish();
  }

  /** The shipped mapping whose columns one of the first sheet's first rows has. */
  private static Optional<String> shippedMappingFor(Path file, XlsxLimits limits) throws IOException {
    String[] found = new String[1];
    int[] rows = new int[1];
    XlsxRows.read(file, null, (row, cells, count) -> {
      found[0] = Mappings.shippedMappingFor(Arrays.asList(cells).subList(0, count)).orElse(null);
      return found[0] == null && ++rows[0] < DETECTION_ROWS;
    }, limits);
    return Optional.ofNullable(found[0]);
  }
}
