package org.quartermaster.app.munitions;

import java.util.Locale;

/** How a rate is read between two dated observations. */
public enum Interpolation {
  /** The latest observation holds until the next one. */
  STEP,
  /** The rate moves in a straight line from one observation's start to the next one's. */
  LINEAR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static java.util.Optional<Interpolation> byName(String name) {
    return java.util.Arrays.stream(values()).filter(i -> i.wireName().equalsIgnoreCase(name.strip())).findFirst();
  }
}
