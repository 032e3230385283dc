package org.quartermaster.spark;

import java.util.List;

/** Input the user can fix (the sweep file, the arguments, the output folder): its lines on stderr, exit 2. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> lines;

  BadInputException(String message) {
    this(List.of(message));
  }

  BadInputException(List<String> lines) {
    super(String.join("\n", lines));
    this.lines = List.copyOf(lines);
  }

  List<String> lines() {
    return lines;
  }
}
