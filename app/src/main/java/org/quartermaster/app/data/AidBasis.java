package org.quartermaster.app.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an aid amount covers: a running total up to its data-through date ({@code cumulative}), or new
 * aid within a window ({@code period}, the window stated in the row's note). The two are never added
 * together, nor compared as if alike.
 */
public enum AidBasis {
  CUMULATIVE,
  PERIOD;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AidBasis> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(b -> b.wireName().equals(name.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
