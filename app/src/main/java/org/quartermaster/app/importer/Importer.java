package org.quartermaster.app.importer;

import java.io.IOException;
import org.quartermaster.app.data.Countries;

/**
 * Reads one file format into rows, checking every row and collecting every problem (file, row,
 * column, value, message). An importer never touches the store: {@code ImportService} decides
 * whether and how the rows are written. One implementation per format, in its own package.
 */
public interface Importer {

  ImportFormat format();

  /** Reads the whole file. Problems in the data are returned, not thrown; IOException only for I/O. */
  ParsedFile read(ImportRequest request, Countries countries) throws IOException;
}
