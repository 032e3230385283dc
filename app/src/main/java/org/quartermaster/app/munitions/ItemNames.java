package org.quartermaster.app.munitions;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How item names are compared: an exact match after normalisation, never a fuzzy one. Case, spacing,
 * hyphens and underscores, and the space in "155 mm" do not count: {@code "155-MM  Artillery shell"}
 * and {@code "155mm artillery shell"} are the same name; "155mm shell" and "155mm shells" are not.
 */
final class ItemNames {
  private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");
  private static final Pattern MILLIMETRES = Pattern.compile("(\\d)\\s*mm\\b");

  private ItemNames() {}

  static String normalise(String name) {
    String lower = SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return MILLIMETRES.matcher(lower).replaceAll("$1mm");
  }
}
