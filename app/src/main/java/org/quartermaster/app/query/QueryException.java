package org.quartermaster.app.query;

import java.util.List;

/**
 * A query the user can fix: an unknown country, a vintage the store does not hold, a statement that
 * is not read-only, an export target that cannot be written. Its lines say what is wrong and, where
 * possible, what would work; the CLI prints them and exits 2.
 */
public final class QueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> lines;

  public QueryException(String message) {
    this(List.of(message));
  }

  public QueryException(List<String> lines) {
    super(String.join("\n", lines));
    this.lines = List.copyOf(lines);
  }

  public List<String> lines() {
    return lines;
  }
}
