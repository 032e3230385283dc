package org.quartermaster.app.munitions;

/** What the catalogue makes of an item name as written in the data. */
public sealed interface Resolution {
  /** The name is the id, the name or an alias of {@code munition}. */
  record Resolved(Munition munition) implements Resolution {}

  /** The name is listed as unresolved on purpose ({@code unresolved.csv}), for {@code reason}. */
  record Unresolved(String reason) implements Resolution {}

  /**
   * The catalogue does not know the name; {@code suggestion} is the closest name it knows, or null when
   * none is close. A suggestion is never applied: add the name to {@code aliases.csv} or
   * {@code unresolved.csv}.
   */
  record Unknown(Suggestion suggestion) implements Resolution {}

  /**
   * Why {@code item}, which resolved so, names no single munition, with the closest known name when there
   * is one; null when it resolved. The one wording of the refusal, whoever asks (CLI or API).
   */
  static String refusal(String item, Resolution resolution) {
    return switch (resolution) {
      case Resolved r -> null;
      case Unresolved(String reason) -> "'" + item + "' names no single munition: " + reason + ".";
      case Unknown(Suggestion s) -> "unknown item '" + item + "'"
          + (s == null ? "." : "; did you mean '" + s.alias() + "' (" + s.id() + ")?");
    };
  }

  /** A known name ({@code alias}: an id, a name or an alias as the catalogue writes it) and its munition. */
  record Suggestion(String alias, String id) {}
}
