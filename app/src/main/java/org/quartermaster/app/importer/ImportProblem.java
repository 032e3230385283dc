package org.quartermaster.app.importer;

/**
 * One thing wrong in an imported file, located as {@code file:row:column}.
 *
 * @param row    the row (line of the file, 1-based; for XLSX the sheet's row number), 0 for the whole file
 * @param column the column's header (or letter), or null for the whole row or file
 * @param value  the offending value as written, or null
 */
public record ImportProblem(String file, int row, String column, String value, String message) {

  @Override
  public String toString() {
    StringBuilder at = new StringBuilder(file);
    if (row > 0) {
      at.append(':').append(row);
    }
    if (column != null) {
      at.append(':').append(column);
    }
    return at + (value == null ? "" : ": '" + value + "'") + " — " + message;
  }
}
