package org.quartermaster.app.importer.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.quartermaster.app.importer.tabular.Mapping.ColumnRef;
import org.quartermaster.app.importer.tabular.Mapping.DateColumns;

/**
 * A date field built from a year column and a month column: in a mapping {@code columns: {date: {year:
 * aar, month: maaned}}}; in a row, year 2022 and month 5 give {@code 2022-05}. Only date and month
 * fields can be built so.
 */
final class DateFromColumns {
  private static final List<String> KEYS = List.of("year", "month");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{1,2}");

  private DateFromColumns() {}

  /** The year and month columns of {@code columns.<field>: {year: …, month: …}}, or null with problems. */
  static DateColumns read(JsonNode node, String path, TargetField field, MappingNodes nodes) {
    int before = nodes.problems().size();
    if (field.type() != FieldType.DATE && field.type() != FieldType.MONTH) {
      nodes.problem(path, null, "only a date or month field can be built from a year and a month column; "
          + field.fieldName() + " is read from one column");
    }
    node.properties().stream().map(Map.Entry::getKey).filter(key -> !KEYS.contains(key)).forEach(key -> nodes
        .problem(path + "." + key, null, "unknown key" + Suggestions.hint(key, KEYS) + "; a date from columns has "
            + "year and month, e.g. {year: aar, month: maaned}"));
    ColumnRef year = part(node, path, "year", nodes);
    ColumnRef month = part(node, path, "month", nodes);
    return nodes.problems().size() == before ? new DateColumns(year, month) : null;
  }

  private static ColumnRef part(JsonNode node, String path, String key, MappingNodes nodes) {
    JsonNode part = node.get(key);
    if (part == null) {
      nodes.problem(path + "." + key, null, "the " + key + " column is required, e.g. {year: aar, month: maaned}");
      return null;
    }
    return nodes.ref(part, path + "." + key);
  }

  /**
   * The date a row's year and month cells give: {@code 2022-05}; null when both are blank; otherwise,
   * when either is not a year (YYYY) or a month (1 to 12), both as written, joined by a dash, for the
   * field's own check to report.
   */
  static String text(String year, String month) {
    String y = year == null ? "" : RowValues.trim(year);
    String m = month == null ? "" : RowValues.trim(month);
    if (y.isEmpty() && m.isEmpty()) {
      return null;
    }
    if (YEAR.matcher(y).matches() && MONTH.matcher(m).matches()) {
      int number = Integer.parseInt(m);
      if (number >= 1 && number <= 12) {
        return y + "-" + (number < 10 ? "0" : "") + number;
      }
    }
    return y + "-" + m;
  }
}
