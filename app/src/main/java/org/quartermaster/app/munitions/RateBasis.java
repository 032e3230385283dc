package org.quartermaster.app.munitions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which production figures a chain is read at: the rate actually achieved (rows of kind actual, and
 * estimates of it), the stated capacity, or an announced target.
 */
public enum RateBasis {
  ACTUAL("actual", "estimate"),
  CAPACITY("capacity"),
  TARGET("target");

  private final java.util.List<String> kinds;

  RateBasis(String... kinds) {
    this.kinds = java.util.List.of(kinds);
  }

  /** The production row kinds this basis reads. */
  boolean reads(String kind) {
    return kind != null && kinds.contains(kind.strip().toLowerCase(Locale.ROOT));
  }

  /** The kinds read, in words: {@code rows of kind actual or estimate}. */
  String describe() {
    return "rows of kind " + String.join(" or ", kinds);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RateBasis> byName(String name) {
    return Arrays.stream(values()).filter(b -> b.wireName().equalsIgnoreCase(name.strip())).findFirst();
  }
}
