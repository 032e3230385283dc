package org.quartermaster.app.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read as records of text cells, each with the line of the file it starts on (a quoted
 * cell may span lines), with Jackson's CSV parser. A UTF-8 byte-order mark is skipped.
 */
public final class CsvRecords {
  private static final CsvMapper MAPPER = new CsvMapper(UnreadableCsvException.factory());

  /** One record: its first line in the file (1-based) and its cells, trimmed. */
  public record CsvRecord(int line, List<String> cells) {
    public String cell(int index) {
      return index < cells.size() ? cells.get(index) : "";
    }
  }

  private CsvRecords() {}

  public static List<CsvRecord> read(Path file, char separator) throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    forEach(file, separator, records::add);
    return records;
  }

  /**
   * Streams the records in file order, without holding the file in memory.
   *
   * @throws UnreadableCsvException for text that is not CSV (a quote that is never closed, a NUL byte,
   *                                a line longer than {@link UnreadableCsvException#MAX_LINE_CHARS}),
   *                                at the row where it starts
   */
  public static void forEach(Path file, char separator, java.util.function.Consumer<CsvRecord> action)
      throws IOException {
    boolean first = true;
    int line = -1;
    int nextLine = 1;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvParser parser = MAPPER.getFactory().createParser(reader)) {
      parser.setSchema(MAPPER.schemaFor(String[].class).withColumnSeparator(separator));
      parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      JsonToken token = parser.nextToken(); // the outer array
      while ((token = parser.nextToken()) == JsonToken.START_ARRAY) {
        line = -1;
        long start = 0;
        List<String> cells = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (line < 0) {
            line = (int) parser.currentTokenLocation().getLineNr(); // where the record's first cell starts
            start = parser.currentTokenLocation().getCharOffset();
          }
          if (parser.currentLocation().getCharOffset() - start > UnreadableCsvException.MAX_LINE_CHARS) {
            throw UnreadableCsvException.tooLong(line);
          }
          String text = parser.getText();
          if (text != null && text.indexOf('\0') >= 0) {
            throw UnreadableCsvException.nul(line);
          }
          cells.add(text == null ? "" : text.strip());
        }
        if (first && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
          cells.set(0, cells.get(0).substring(1));
        }
        first = false;
        action.accept(new CsvRecord(line, cells));
        line = -1;
        nextLine = parser.currentLocation().getLineNr();
      }
    } catch (JacksonException e) {
      throw UnreadableCsvException.of(e, line > 0 ? line : nextLine);
    }
  }
}
