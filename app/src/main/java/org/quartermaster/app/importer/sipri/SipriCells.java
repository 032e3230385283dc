package org.quartermaster.app.importer.sipri;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.TextFile;

/** The cells of one trade-register row, read by column; every bad cell is a problem at its row and column. */
final class SipriCells {
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
  private static final Pattern REBELS = Pattern.compile(".*\\brebels?\\b.*", Pattern.CASE_INSENSITIVE);
  /** SIPRI's names of parties with no ISO 3166 code: former states and unrecognised territories. */
  private static final Set<String> STATES_WITHOUT_CODE = Set.of("soviet union", "czechoslovakia", "yugoslavia",
      "east germany (gdr)", "north yemen", "south yemen", "south vietnam", "northern cyprus", "somaliland");

  private final SipriHeader header;
  private final List<String> cells;
  private final int row;
  private final Problems problems;

  SipriCells(SipriHeader header, List<String> cells, int row, Problems problems) {
    this.header = header;
    this.cells = cells;
    this.row = row;
    this.problems = problems;
  }

  /** The cell's text, trimmed; null when blank. */
  String text(SipriColumn column) {
    String text = TextFile.clean(cells.get(header.index(column)));
    return text.isEmpty() ? null : text;
  }

  /** The cell's text; blank is a problem. */
  String required(SipriColumn column, String why) {
    String text = text(column);
    if (text == null) {
      problems.at(row, column.header(), "", "is blank: " + why);
    }
    return text;
  }

  /** A year (YYYY), or null when blank. */
  Integer year(SipriColumn column) {
    String text = text(column);
    if (text != null && !YEAR.matcher(text).matches()) {
      problems.at(row, column.header(), text, "is not a year: expected YYYY, such as 2022, or blank");
      return null;
    }
    return text == null ? null : Integer.valueOf(text);
  }

  /** A whole number of at least 0, or null when blank. */
  Integer count(SipriColumn column) {
    String text = text(column);
    if (text != null && !text.matches("\\d{1,9}")) {
      problems.at(row, column.header(), text,
          "is not a number of items: expected a whole number such as 500, or blank");
      return null;
    }
    return text == null ? null : Integer.valueOf(text);
  }

  /** A TIV figure (millions) of at least 0, or null when blank. */
  Double tiv(SipriColumn column) {
    String text = text(column);
    Double value = text == null ? null : TextFile.decimal(text);
    if (text != null && (value == null || value < 0)) {
      problems.at(row, column.header(), text,
          "is not a TIV figure: expected a number of at least 0 such as 0.38, or blank");
      return null;
    }
    return value;
  }

  /** An "is estimate" flag: Yes/No, y/n or blank; null (unknown) for blank: SIPRI does not say. */
  Boolean flag(SipriColumn column) {
    String text = text(column);
    Estimate estimate = Estimate.parse(text);
    if (estimate == null) {
      problems.at(row, column.header(), text, "is not an estimate flag: expected Yes, No, y, n or blank");
      return null;
    }
    return estimate.flag();
  }

  /**
   * A supplier's or recipient's ISO 3166 alpha-3 code. Rule: a name SIPRI marks as no state gives null
   * without a problem: ending in {@code *}
   * (armed non-state actors, "Houthi rebels (Yemen)*") or {@code **} (organisations, "NATO**"),
   * starting with "unknown" ("unknown recipient(s)"), containing the word rebel(s), or one of SIPRI's
   * former states and unrecognised territories (Soviet Union, Czechoslovakia, Yugoslavia, East Germany
   * (GDR), North and South Yemen, South Vietnam, Northern Cyprus, Somaliland). Any other name is a
   * country: one Quartermaster knows gives its code, any other is taken for a misspelt country and is
   * a problem naming the closest one ("Untied States": did you mean United States?).
   */
  String party(SipriColumn column, Countries countries) {
    String name = required(column,
        "SIPRI names every supplier and recipient ('unknown supplier(s)' when it does not know)");
    if (name == null) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.endsWith("*") || lower.startsWith("unknown") || REBELS.matcher(name).matches()
        || STATES_WITHOUT_CODE.contains(lower)) {
      return null;
    }
    Optional<Country> country = countries.find(name);
    if (country.isPresent()) {
      return country.get().iso3();
    }
    problems.at(row, column.header(), name, "is not a known country: did you mean " + countries.closest(name)
        + "? (SIPRI marks non-state actors with * and organisations with **; those are kept without a country code)");
    return null;
  }
}
