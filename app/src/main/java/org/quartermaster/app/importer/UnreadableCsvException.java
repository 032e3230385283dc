package org.quartermaster.app.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import java.io.IOException;

/**
 * The rest of a CSV file cannot be read from this row on: a quote that is never closed, a line longer
 * than {@link #MAX_LINE_CHARS}, a NUL byte. The row is where the trouble starts (where the quote
 * opened), not where the parser gave up (often the end of the file). Also the home of the limits the
 * CSV readers share ({@link #factory()}).
 */
public final class UnreadableCsvException extends IOException {
  private static final long serialVersionUID = 1L;
  /** The longest line (and so the longest cell) read: longer ones are refused before they are read whole. */
  public static final int MAX_LINE_CHARS = 1 << 20;
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE_CHARS).build()).build();

  private final int row;

  public UnreadableCsvException(int row, String message) {
    super(message);
    this.row = row;
  }

  /** Jackson's CSV parsers with the shared limits (a cell longer than a line can be is refused as it is read). */
  public static CsvFactory factory() {
    return FACTORY;
  }

  /** What Jackson's failure means for a person, at the row where the unreadable record starts. */
  public static UnreadableCsvException of(JacksonException e, int row) {
    String message = e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      return tooLong(row);
    }
    if (message != null && message.contains("Missing closing quote")) {
      return new UnreadableCsvException(row, "a quote opened in this row is never closed (a cell that starts with \""
          + " ends with \"; a quote inside a quoted cell is written \"\"): close it or remove it");
    }
    return new UnreadableCsvException(row, "not valid CSV: " + message);
  }

  /** A line longer than {@link #MAX_LINE_CHARS}. */
  public static UnreadableCsvException tooLong(int row) {
    return new UnreadableCsvException(row, "line longer than 1 MiB (" + MAX_LINE_CHARS + " characters): not a row of a"
        + " data file; is this a binary file, or a quote that is never closed?");
  }

  /** A NUL byte: binary data, or UTF-16 text. */
  public static UnreadableCsvException nul(int row) {
    return new UnreadableCsvException(row, "a NUL byte: a binary file, or UTF-16 text (save it as UTF-8 CSV)");
  }

  /** The row (line of the file, 1-based) where the unreadable part starts. */
  public int row() {
    return row;
  }
}
