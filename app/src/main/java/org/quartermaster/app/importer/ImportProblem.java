package org.quartermaster.app.importer;

/**
 * One thing wrong in an imported file, located as {@code file:row:column}. A value longer than
 * {@link #VALUE_CHARS} characters is kept as its beginning, an ellipsis and its full length (a cell of
 * ten megabytes is not echoed whole); so is a message longer than {@link #MESSAGE_CHARS}.
 *
 * @param row    the row (line of the file, 1-based; for XLSX the sheet's row number), 0 for the whole file
 * @param column the column's header (or letter), or null for the whole row or file
 * @param value  the offending value as written, or null
 * @param message what is wrong; options of the import it suggests are marked ({@link ImportOption#mark()})
 *                and read in an interface's words with {@link #message(ImportOption.Wording)}
 */
public record ImportProblem(String file, int row, String column, String value, String message) {
  /** The characters of a value a problem keeps. */
  public static final int VALUE_CHARS = 200;
  /** The characters of a message a problem keeps. */
  public static final int MESSAGE_CHARS = 2000;

  public ImportProblem {
    column = excerpt(column, VALUE_CHARS);
    value = excerpt(value, VALUE_CHARS);
    message = excerpt(message, MESSAGE_CHARS);
  }

  /** The text, or its first {@code max} characters, "…" and its length when it is longer. */
  public static String excerpt(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + String.format(java.util.Locale.ROOT, "… (%,d characters)", text.length());
  }

  /** The message in the command line's words ({@code --vintage}). */
  @Override
  public String message() {
    return message(ImportOption.Wording.CLI);
  }

  /** The column in the command line's words: an option given with the import is named as one. */
  @Override
  public String column() {
    return column(ImportOption.Wording.CLI);
  }

  public String message(ImportOption.Wording wording) {
    return wording.render(message);
  }

  public String column(ImportOption.Wording wording) {
    return wording.render(column);
  }

  @Override
  public String toString() {
    StringBuilder at = new StringBuilder(file);
    if (row > 0) {
      at.append(':').append(row);
    }
    if (column != null) {
      at.append(':').append(column());
    }
    return at + (value == null ? "" : ": '" + value + "'") + " — " + message();
  }
}
