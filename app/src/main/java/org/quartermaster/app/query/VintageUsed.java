package org.quartermaster.app.query;

/**
 * A vintage (release) some rows of a result come from.
 *
 * @param month the release month, YYYY-MM, or null when the rows do not say
 * @param name  the release in the source's words, or null
 * @param rows  how many rows of the result come from it
 */
public record VintageUsed(String month, String name, long rows) {

  /** {@code 2024-06 NATO … June 2024 release (32 rows)}. */
  public String describe() {
    if (month == null && name != null) {
      return name + " (" + rows + (rows == 1 ? " row)" : " rows)");
    }
    String label = month == null ? "(no vintage given)" : month;
    return label + (name == null ? "" : "  " + name) + " (" + rows + (rows == 1 ? " row)" : " rows)");
  }
}
