package org.quartermaster.app.importer.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.Table;

/**
 * The fields of the current file row, read through a resolved {@link ColumnPlan.Binding}: typed
 * getters that return null for "no value" (blank or a placeholder) and report every value they cannot
 * read as a problem at row, column (the header) and value. Field values come from the row's cell, a
 * constant, or (wide layout) the value column's header and cell. The getters run for every field of
 * every row, so they avoid allocation; this is why the class is longer than most. Not thread-safe.
 */
final class RowValues {
  private static final String[] NO_CELLS = {};
  /** How many distinct vocabulary words are shared (a million rows say "military" with one string). */
  private static final int MAX_WORDS = 10_000;

  private final String file;
  private final ColumnPlan.Binding binding;
  /** The constants as {@link #text} and {@link #word} give them, computed once. */
  private final String[] textConstantByField;
  private final String[] wordConstantByField;
  private final Map<String, String> wordsByText = new HashMap<>();
  private final String[] overrideByField;
  private final String[] overrideLabelByField;
  private final boolean[] failedByField;
  private final Set<String> missingValues;
  private final int longestMissingValue;
  /** The first characters of the missing values, both cases: a cell starting otherwise has a value. */
  private final String missingValueStarts;
  private final boolean decimalComma;
  private final boolean estimatesMarked;
  private final CountryResolver countries;
  private final Problems problems;
  /** The current file row's problems: a wide layout reads its id cells again for each value column. */
  private final List<ImportProblem> problemsOfRow = new ArrayList<>();
  private Provenance constantProvenance;

  private String[] cells = NO_CELLS;
  private int cellCount;
  private int row;
  private boolean bad;

  /** A country field's value: the name as written (or the country's name when only a code is given), its code. */
  record CountryValue(String name, String iso3) {}

  RowValues(String file, ColumnPlan.Binding binding, Set<String> missingValues, boolean decimalComma,
      boolean estimatesMarked, CountryResolver countries, Problems problems) {
    this.file = file;
    this.binding = binding;
    int n = binding.columnByField().length;
    this.overrideByField = new String[n];
    this.overrideLabelByField = new String[n];
    this.failedByField = new boolean[n];
    this.missingValues = Set.copyOf(missingValues);
    this.longestMissingValue = missingValues.stream().mapToInt(String::length).max().orElse(0);
    StringBuilder starts = new StringBuilder();
    for (String missing : missingValues) {
      if (!missing.isEmpty()) {
        starts.append(Character.toLowerCase(missing.charAt(0))).append(Character.toUpperCase(missing.charAt(0)));
      }
    }
    this.missingValueStarts = starts.toString();
    this.textConstantByField = new String[n];
    this.wordConstantByField = new String[n];
    for (int i = 0; i < n; i++) {
      textConstantByField[i] = clean(binding.constantByField()[i]);
      wordConstantByField[i] = textConstantByField[i] == null ? null
          : textConstantByField[i].toLowerCase(Locale.ROOT);
    }
    this.decimalComma = decimalComma;
    this.estimatesMarked = estimatesMarked;
    this.countries = countries;
    this.problems = problems;
  }

  /** Starts a file row: its number and cells (read, never kept). */
  void startRow(int row, String[] cells, int cellCount) {
    this.row = row;
    this.cells = cells;
    this.cellCount = cellCount;
    problemsOfRow.clear();
    nextRecord();
  }

  /** Starts another table row of the same file row (wide layout). */
  void nextRecord() {
    if (bad) {
      Arrays.fill(failedByField, false);
      bad = false;
    }
  }

  /** Wide layout: the field's text comes from a value column, whose header names it in problems. */
  void override(int field, String text, String label) {
    overrideByField[field] = text;
    overrideLabelByField[field] = label;
  }

  int row() {
    return row;
  }

  /** Whether the current table row has a problem. */
  boolean bad() {
    return bad;
  }

  boolean decimalComma() {
    return decimalComma;
  }

  boolean isMapped(TargetField field) {
    int i = field.ordinal();
    return overrideByField[i] != null || binding.columnByField()[i] >= 0 || binding.constantByField()[i] != null;
  }

  /** The cell's text as written, or null. */
  String raw(TargetField field) {
    int i = field.ordinal();
    String override = overrideByField[i];
    if (override != null) {
      return override;
    }
    int column = binding.columnByField()[i];
    if (column >= 0) {
      return column < cellCount ? cells[column] : null;
    }
    return binding.constantByField()[i];
  }

  String text(TargetField field) {
    int i = field.ordinal();
    return overrideByField[i] == null && binding.columnByField()[i] < 0 ? textConstantByField[i] : clean(raw(field));
  }

  String word(TargetField field) {
    int i = field.ordinal();
    if (overrideByField[i] == null && binding.columnByField()[i] < 0) {
      return wordConstantByField[i];
    }
    String text = clean(raw(field));
    if (text == null) {
      return null;
    }
    String lower = wordsByText.get(text);
    if (lower == null) {
      lower = text.toLowerCase(Locale.ROOT);
      if (wordsByText.size() < MAX_WORDS) {
        wordsByText.put(text, lower);
      }
    }
    return lower;
  }

  Double number(TargetField field) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    double x = Numbers.parse(text, decimalComma);
    if (Double.isInfinite(x)) {
      problem(field, raw(field), field.fieldName() + " is too large to be a number (it would be stored as infinity)");
      return null;
    }
    if (Double.isNaN(x)) {
      boolean comma = !decimalComma && text.matches("[+-]?\\d+,\\d+");
      problem(field, raw(field), field.fieldName() + " is not a number"
          + (comma ? "; if the file writes decimal commas, add decimal: comma to the mapping" : ""));
      return null;
    }
    return x;
  }

  Integer integer(TargetField field) {
    Double x = number(field);
    if (x != null && (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE)) {
      problem(field, raw(field), field.fieldName() + " is not a whole number");
      return null;
    }
    return x == null ? null : (int) x.doubleValue();
  }

  Double quantity(TargetField field) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    double x = Numbers.quantity(text, decimalComma);
    if (Double.isNaN(x)) {
      problem(field, raw(field), field.fieldName() + " is not a number (or 'up to N', '~N', 'about N')");
      return null;
    }
    return x;
  }

  Integer year(TargetField field) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    int year = Periods.year(text);
    if (year < 0) {
      problem(field, raw(field), field.fieldName() + " is not a year: write YYYY, or 2023e for an estimate");
      return null;
    }
    return year;
  }

  /** Whether the field's year is marked as an estimate (2023e). */
  boolean markedEstimate(TargetField field) {
    String text = text(field);
    return text != null && Periods.markedEstimate(text);
  }

  /**
   * The estimate field's value; when it is not mapped, TRUE for a year marked "2023e", FALSE for an
   * unmarked year in a file that marks some, else UNKNOWN.
   */
  Estimate estimate(TargetField field, TargetField year) {
    if (!isMapped(field)) {
      return markedEstimate(year) ? Estimate.TRUE : estimatesMarked ? Estimate.FALSE : Estimate.UNKNOWN;
    }
    String text = text(field);
    Estimate estimate = Estimate.parse(text);
    if (estimate == null) {
      problem(field, raw(field), field.fieldName() + " is not true, false or unknown");
      return Estimate.UNKNOWN;
    }
    return estimate;
  }

  /** A yes/no field's value: blank (or not mapped) is {@link Estimate#UNKNOWN}, not no. */
  Estimate flag(TargetField field) {
    String text = text(field);
    Estimate value = Estimate.parse(text);
    if (value == null) {
      problem(field, raw(field), field.fieldName() + " is not yes or no (true/false, 1/0)");
      return Estimate.UNKNOWN;
    }
    return value;
  }


  String date(TargetField field) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    String date = Periods.date(text);
    if (date == null) {
      problem(field, raw(field), field.fieldName() + " is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return date;
  }

  String month(TargetField field) {
    String text = text(field);
    if (text != null && !Periods.isMonth(text)) {
      problem(field, raw(field), field.fieldName() + " is not a month: write YYYY-MM");
      return null;
    }
    return text;
  }

  /**
   * A country from its code field (when it has a value) or its name field; null, with a problem, when
   * neither has a value or the value is unknown. An institution the mapping lists has no code, and is
   * accepted only where {@code institutionsAllowed}.
   */
  CountryValue country(TargetField name, TargetField iso3, boolean institutionsAllowed) {
    String code = text(iso3);
    if (code != null) {
      return byCode(iso3, code, text(name));
    }
    String text = text(name);
    if (text == null) {
      problem(isMapped(name) || !isMapped(iso3) ? name : iso3, null, name.fieldName() + " is missing");
      return null;
    }
    return byName(name, text, institutionsAllowed);
  }

  private CountryValue byCode(TargetField iso3, String code, String name) {
    Country country = countries.byIso3(code.toUpperCase(Locale.ROOT));
    if (country == null) {
      problem(iso3, raw(iso3), iso3.fieldName() + " is not an ISO 3166 alpha-3 country code");
      return null;
    }
    return new CountryValue(name != null ? name : country.name(), country.iso3());
  }

  private CountryValue byName(TargetField name, String text, boolean institutionsAllowed) {
    CountryResolver.Resolution resolution = countries.byName(text);
    if (resolution.value() != null && (resolution.value().iso3() != null || institutionsAllowed)) {
      return resolution.value();
    }
    if (resolution.institution()) {
      problem(name, raw(name), "'" + text + "' is listed under institutions, but " + name.fieldName()
          + " must be a country here");
    } else {
      problem(name, raw(name), "unknown country for " + name.fieldName() + "; the closest known is '"
          + resolution.closest() + "'" + (institutionsAllowed
              ? ". An institution or a group of countries can be listed under institutions in the mapping" : ""));
    }
    return null;
  }

  /** The value, or a "missing" problem when there is none (and none was reported for the field). */
  <T> T required(TargetField field, T value) {
    if (value == null && !failedByField[field.ordinal()]) {
      problem(field, null, field.fieldName() + " is missing");
    }
    return value;
  }

  Provenance provenance(TargetFields.ProvenanceFields fields) {
    if (constantProvenance != null) {
      return constantProvenance;
    }
    String vintageText = text(fields.vintage());
    String month = month(fields.vintageMonth());
    if (month == null && !isMapped(fields.vintageMonth()) && vintageText != null && Periods.isMonth(vintageText)) {
      month = vintageText;
    }
    String gradeText = word(fields.sourceGrade());
    SourceGrade grade = SourceGrade.byName(gradeText).orElse(null);
    if (gradeText != null && grade == null) {
      problem(fields.sourceGrade(), gradeText, "must be one of " + SourceGrade.names());
    }
    Provenance provenance = new Provenance(text(fields.sourceUrl()), date(fields.asOf()), vintageText, month,
        text(fields.publisher()), text(fields.sourceTitle()), grade, text(fields.viaUrl()));
    boolean constant = true;
    for (TargetField field : fields.all()) {
      constant &= overrideByField[field.ordinal()] == null && binding.columnByField()[field.ordinal()] < 0;
    }
    if (constant && !bad) {
      constantProvenance = provenance;
    }
    return provenance;
  }

  /** Reads the field as its type does, reporting what cannot be read (used to check constants once). */
  void check(Target target, TargetField field) {
    switch (field.type()) {
      case TEXT, WORD -> text(field);
      case NUMBER -> number(field);
      case INTEGER -> integer(field);
      case YEAR -> year(field);
      case FLAG -> flag(field);
      case ESTIMATE -> estimate(field, field);
      case DATE -> date(field);
      case MONTH -> month(field);
      case COUNTRY -> {
        String text = text(field);
        if (text != null) {
          byName(field, text, target.table() != Table.SPENDING);
        }
      }
      case ISO3 -> {
        String code = text(field);
        if (code != null) {
          byCode(field, code, null);
        }
      }
      case QUANTITY -> quantity(field);
    }
  }

  /** A problem of the whole row. */
  void rowProblem(String message) {
    add(null, null, message);
  }

  void problem(TargetField field, String value, String message) {
    int i = field.ordinal();
    failedByField[i] = true;
    add(overrideByField[i] != null ? overrideLabelByField[i] : binding.labelByField()[i], value, message);
  }

  private void add(String column, String value, String message) {
    bad = true;
    for (ImportProblem earlier : problemsOfRow) {
      if (Objects.equals(earlier.column(), column) && Objects.equals(earlier.value(), value)
          && earlier.message().equals(message)) {
        return; // wide layout: the same id cell read again for the next value column
      }
    }
    ImportProblem problem = new ImportProblem(file, row, column, value, message);
    problemsOfRow.add(problem);
    problems.add(problem);
  }

  /** Whether a cell has no value: null, blank or a placeholder. */
  boolean isMissing(String cell) {
    return clean(cell) == null;
  }

  /** Null for blank text and placeholders ("", ".", "..", "n/a" …); the text trimmed otherwise. */
  private String clean(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = trim(text);
    if (trimmed.isEmpty()) {
      return null;
    }
    boolean maybeMissing = trimmed.length() <= longestMissingValue && missingValueStarts.indexOf(trimmed.charAt(0)) >= 0;
    return maybeMissing && missingValues.contains(trimmed.toLowerCase(Locale.ROOT)) ? null : trimmed;
  }

  /** Without leading and trailing white space, no-break spaces and byte-order marks. */
  static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == text.length() ? text : text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c <= ' ' || c == '\u00a0' || c == '\ufeff' || c == '\u202f' || c == '\u2007';
  }
}
