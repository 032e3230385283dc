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

  /** A known name ({@code alias}: an id, a name or an alias as the catalogue writes it) and its munition. */
  record Suggestion(String alias, String id) {}
}
