package org.quartermaster.app.data;

import java.util.Locale;

/** Whether a figure is an estimate: sources say yes, no, or nothing. */
public enum Estimate {
  TRUE,
  FALSE,
  UNKNOWN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a yes/no flag column stores it: true, false, or null for {@link #UNKNOWN} (never false). */
  public Boolean flag() {
    return switch (this) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case UNKNOWN -> null;
    };
  }

  /** true/false/unknown, yes/no, y/n, 1/0, blank = unknown; null when the text is none of these. */
  public static Estimate parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "e", "est", "estimate" -> TRUE;
      case "false", "no", "n", "0" -> FALSE;
      case "unknown" -> UNKNOWN;
      default -> null;
    };
  }
}
