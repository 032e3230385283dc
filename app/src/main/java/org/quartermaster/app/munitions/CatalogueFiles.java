package org.quartermaster.app.munitions;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the catalogue's CSV files (shipped beside this class's package, under {@code munitions/}). */
final class CatalogueFiles {
  static final String FOLDER = "/org/quartermaster/app/munitions/";

  private CatalogueFiles() {}

  /** A CSV file's records: one map of column → cell (blank cells as null) per data row, with its 1-based row. */
  record CsvLine(int row, Map<String, String> cells) {
    String cell(String column) {
      String value = cells.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  static List<CsvLine> read(String name) {
    try (InputStream in = CatalogueFiles.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("catalogue file missing from the jar: " + name);
      }
      CsvMapper mapper = new CsvMapper();
      MappingIterator<Map<String, String>> records = mapper.readerForMapOf(String.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(in);
      List<CsvLine> lines = new ArrayList<>();
      int row = 1;
      while (records.hasNext()) {
        lines.add(new CsvLine(++row, records.next()));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalogue file " + name + ": " + e.getMessage(), e);
    }
  }
}
