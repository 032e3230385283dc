package org.quartermaster.app.data;

/**
 * A procurement contract.
 *
 * @param quantity          the number ordered, or null when not stated as a number
 * @param quantityQualifier {@code exact}, {@code up to} or {@code about} ("up to 1000", "~220000"), or null
 * @param quantityText      the quantity as the source writes it ("hundreds of thousands"), or null
 * @param value             contract value, or null
 * @param contractId        the id shared by the rows that describe one contract (one order given in two
 *                          currencies), or null: totals count each id once
 */
public record ContractRow(
    int fileRow, String buyers, String agency, String item, Double quantity, String quantityQualifier, String quantityText,
    Double value, String currency, String date, String supplier, Provenance provenance, String note,
    String contractId, String deliveryStart, String deliveryEnd) implements DataRow {

  /** A contract row without a delivery window. */
  public ContractRow(int fileRow, String buyers, String agency, String item, Double quantity, String quantityQualifier,
      String quantityText, Double value, String currency, String date, String supplier, Provenance provenance,
      String note, String contractId) {
    this(fileRow, buyers, agency, item, quantity, quantityQualifier, quantityText, value, currency, date, supplier,
        provenance, note, contractId, null, null);
  }

  /** A contract row without a contract id (each such row counts as a contract of its own). */
  public ContractRow(int fileRow, String buyers, String agency, String item, Double quantity, String quantityQualifier,
      String quantityText, Double value, String currency, String date, String supplier, Provenance provenance,
      String note) {
    this(fileRow, buyers, agency, item, quantity, quantityQualifier, quantityText, value, currency, date, supplier,
        provenance, note, null, null, null);
  }

  /** A problem of one cell of a contract row's delivery window: the column, its value, what is wrong and what to do. */
  public record CellProblem(String column, String value, String message) {}

  private static final java.util.regex.Pattern YEAR_OR_MONTH = java.util.regex.Pattern.compile("(\\d{4})(?:-(\\d{2}))?");
  private static final java.util.regex.Pattern AWARD_YEAR = java.util.regex.Pattern.compile("(\\d{4})(?:\\D.*)?");

  /**
   * The problems of a row's delivery window ({@code delivery_start}, {@code delivery_end}; {@code date} the
   * award date as written): both or neither, each YYYY or YYYY-MM, the end not before the start, the start not
   * before the award year. The one statement of the rule, for qm-csv files and mapped ones.
   */
  public static java.util.List<CellProblem> deliveryWindowProblems(String date, String start, String end) {
    if (start == null && end == null) {
      return java.util.List.of();
    }
    if (start == null || end == null) {
      return java.util.List.of(new CellProblem(start == null ? "delivery_start" : "delivery_end", null, "is required"
          + " when " + (start == null ? "delivery_end" : "delivery_start") + " is given: give both (YYYY or YYYY-MM),"
          + " or neither"));
    }
    java.util.List<CellProblem> problems = new java.util.ArrayList<>();
    java.time.YearMonth first = month("delivery_start", start, false, problems);
    java.time.YearMonth last = month("delivery_end", end, true, problems);
    if (first == null || last == null) {
      return problems;
    }
    if (last.isBefore(first)) {
      problems.add(new CellProblem("delivery_end", end, "is before delivery_start (" + start + "): the last"
          + " deliveries cannot come before the first; swap the two or correct one"));
    }
    java.util.regex.Matcher award = date == null ? null : AWARD_YEAR.matcher(date);
    if (award != null && award.matches() && Integer.parseInt(award.group(1)) > first.getYear()) {
      problems.add(new CellProblem("delivery_start", start, "is before the award year (" + award.group(1)
          + ", from date '" + date + "'): deliveries start at the award or later; correct the date or the window"));
    }
    return problems;
  }

  /** The first (for an end, the last) month of a YYYY or YYYY-MM cell, or null and a problem when it is neither. */
  private static java.time.YearMonth month(String column, String value, boolean last,
      java.util.List<CellProblem> problems) {
    java.util.regex.Matcher m = YEAR_OR_MONTH.matcher(value);
    int month = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    if (!m.matches() || m.group(2) != null && (month < 1 || month > 12)) {
      problems.add(new CellProblem(column, value, "must be a year (YYYY) or a month (YYYY-MM)"));
      return null;
    }
    return java.time.YearMonth.of(Integer.parseInt(m.group(1)), m.group(2) != null ? month : last ? 12 : 1);
  }

  @Override
  public String key() {
    return String.join("|", buyers, java.util.Objects.toString(agency, ""), item, java.util.Objects.toString(quantity, ""), java.util.Objects.toString(value, ""),
        java.util.Objects.toString(currency, ""), java.util.Objects.toString(date, ""));
  }

  @Override
  public ContractRow withProvenance(Provenance p) {
    return new ContractRow(fileRow, buyers, agency, item, quantity, quantityQualifier, quantityText, value, currency,
        date, supplier, p, note, contractId, deliveryStart, deliveryEnd);
  }
}
