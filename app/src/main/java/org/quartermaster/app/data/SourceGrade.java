package org.quartermaster.app.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How well a figure's citation is sourced: the grade of its {@code source_url}, best first. The
 * publisher's own page or file is {@code official}; a think tank's publication {@code research}; a news
 * agency's original {@code wire}; an outlet with its own reporting {@code press}; a copy, aggregator or
 * mirror of any of these {@code relay}; RT, Sputnik, TASS, RIA and their relays {@code state-media};
 * message boards and social posts {@code forum}.
 */
public enum SourceGrade {
  OFFICIAL("official"),
  RESEARCH("research"),
  WIRE("wire"),
  PRESS("press"),
  RELAY("relay"),
  STATE_MEDIA("state-media"),
  FORUM("forum");

  /** The grade headline views use at the lowest unless the user opts in to more. */
  public static final SourceGrade HEADLINE = PRESS;

  private final String wireName;

  SourceGrade(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The grades at least as good as this one, best first. */
  public List<SourceGrade> andBetter() {
    return Arrays.stream(values()).filter(g -> g.ordinal() <= ordinal()).toList();
  }

  /** Grades a reader must see flagged wherever the figure is shown (never support, at most context). */
  public boolean flagged() {
    return this == STATE_MEDIA || this == FORUM;
  }

  /** The grade of a wire name (any case, surrounding blanks ignored), or empty. */
  public static Optional<SourceGrade> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(g -> g.wireName.equals(wanted)).findFirst();
  }

  /** "official, research, wire, press, relay, state-media, forum": for messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(SourceGrade::wireName).toList());
  }

  @Override
  public String toString() {
    return wireName;
  }
}
