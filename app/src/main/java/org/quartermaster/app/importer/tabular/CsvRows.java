package org.quartermaster.app.importer.tabular;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A CSV text's rows through Jackson's streaming CSV parser (quotes, doubled quotes, line breaks in
 * quoted cells), each with the line it starts on. One cell array is reused for every row.
 */
final class CsvRows {
  private static final CsvFactory FACTORY = new CsvFactory();

  /** Receives rows; returns false to stop reading. */
  @FunctionalInterface
  interface Sink {
    boolean row(int line, String[] cells, int count);
  }

  private CsvRows() {}

  /**
   * Reads every row into {@code sink}. Throws Jackson's {@code StreamReadException} (an IOException)
   * for text that is not CSV, such as a quote that is never closed.
   */
  static void read(Reader reader, char delimiter, Sink sink) throws IOException {
    try (CsvParser parser = FACTORY.createParser(reader)) {
      parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
      String[] cells = new String[16];
      int count = 0;
      int line = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          if (count == 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          if (count == cells.length) {
            cells = Arrays.copyOf(cells, count * 2);
          }
          cells[count++] = parser.getText();
        } else if (token == JsonToken.END_ARRAY) {
          if (count > 0 && !sink.row(line, cells, count)) {
            return;
          }
          count = 0;
        }
      }
    }
  }
}
