package org.quartermaster.app.scenarios;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ids of saved scenarios: 1 to {@value #MAX_LENGTH} characters, lowercase letters, digits and
 * hyphens, starting with a letter or digit ({@code [a-z0-9][a-z0-9-]{0,63}}), so an id is safe in a
 * URL path and in a file name. Ids derived from a scenario's name are slugs of it.
 */
public final class ScenarioIds {
  public static final int MAX_LENGTH = 64;
  /** What a saved scenario's id must match, as text for messages. */
  public static final String RULE = "[a-z0-9][a-z0-9-]{0,63}";
  private static final Pattern ID = Pattern.compile(RULE);
  /** The slug of a name without a single letter or digit. */
  static final String FALLBACK = "scenario";

  private ScenarioIds() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * The slug of a scenario's name: accents dropped, lowercase, every run of other characters one
   * hyphen, no hyphen at either end, at most {@value #MAX_LENGTH} characters; {@value #FALLBACK}
   * when nothing is left ("Stinger – NSPA (2024)" → {@code stinger-nspa-2024}).
   */
  public static String slug(String name) {
    String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return trimmed(slug, MAX_LENGTH);
  }

  /** The {@code n}th candidate for {@code slug}: the slug itself for 1, else {@code slug-n}, shortened to fit. */
  public static String candidate(String slug, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    if (n == 1) {
      return slug;
    }
    String suffix = "-" + n;
    return trimmed(slug, MAX_LENGTH - suffix.length()) + suffix;
  }

  private static String trimmed(String slug, int maxLength) {
    String cut = slug.length() > maxLength ? slug.substring(0, maxLength) : slug;
    cut = cut.replaceAll("^-+|-+$", "");
    return cut.isEmpty() ? FALLBACK : cut;
  }
}
