package org.quartermaster.app.cli;

import java.util.List;

/** Input the user can fix: reported as its messages on stderr, exit code 2, no stack trace. */
sealed class BadInputException extends RuntimeException permits ApiClient.ServerRefusal {
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
