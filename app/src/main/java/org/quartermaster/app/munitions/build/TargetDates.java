package org.quartermaster.app.munitions.build;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The month by which a target is to be met, from its date as written: {@code 2025-10} that month;
 * {@code 2026} or {@code ~2024 (…)} the end of that year (December: "by 2026"); {@code early 2026} March,
 * {@code mid 2026} and {@code H1 2026} June, {@code late}, {@code end} and {@code H2} December. The first
 * date in the text counts; text without a four-digit year ({@code not stated}) has no month.
 */
final class TargetDates {
  private static final Pattern DATE =
      Pattern.compile("(?i)(?:\\b(early|mid|late|end|h1|h2)[\\s-]*)?\\b(\\d{4})(?:-(\\d{2}))?(?!\\d)");

  private TargetDates() {}

  static Optional<YearMonth> month(String written) {
    if (written == null) {
      return Optional.empty();
    }
    Matcher m = DATE.matcher(written);
    if (!m.find()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(2));
    try {
      if (m.group(3) != null) {
        return Optional.of(YearMonth.of(year, Integer.parseInt(m.group(3))));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    String qualifier = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
    int month = switch (qualifier) {
      case "early" -> 3;
      case "mid", "h1" -> 6;
      default -> 12;
    };
    return Optional.of(YearMonth.of(year, month));
  }
}
