package org.quartermaster.app.importer.tabular;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.quartermaster.app.importer.Table;

/**
 * A validated YAML mapping: how the columns of one CSV file or XLSX sheet become rows of one table.
 * Field names are the record components of the table's row record in snake_case ({@code pct_gdp},
 * {@code donor_iso3}, {@code source_url} …); {@link MappingReader} checks them. Immutable.
 *
 * @param table            the table the rows go to
 * @param columns          field → the column it is read from
 * @param constants        field → the value every row gets (as written in the mapping)
 * @param layout           long (one row per file row) or wide (one row per value cell)
 * @param sheet            XLSX: the sheet's name or 1-based position, or null for the first sheet
 * @param headerRow        the header's row (1-based; 0 = no header row), or null to find it: the first
 *                         row that has every column the mapping names
 * @param institutions     names in country fields (donor, supplier, recipient) that are institutions or
 *                         groups, kept without a country code
 * @param missingValues    cell texts meaning "no value", in addition to blank, ".", "..", "n/a" …
 * @param skipRowsMatching rows whose first non-blank cell matches one of these are skipped (notes, totals)
 * @param delimiter        the CSV delimiter, or null to detect it
 * @param decimalComma     whether numbers use a decimal comma, or null to detect it
 * @param dateColumns      field → the year and month columns its date is built from (YYYY-MM)
 * @param otherColumns     columns the file also has and the mapping does not read; a shipped mapping
 *                         recognises a file only when every column of its header is read or listed here
 */
public record Mapping(
    Table table, Map<String, ColumnRef> columns, Map<String, String> constants, Layout layout, String sheet,
    Integer headerRow, List<String> institutions, List<String> missingValues, List<Pattern> skipRowsMatching,
    Character delimiter, Boolean decimalComma, Map<String, DateColumns> dateColumns, List<ColumnRef> otherColumns) {

  public Mapping {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(layout, "layout");
    columns = Map.copyOf(columns);
    constants = Map.copyOf(constants);
    institutions = List.copyOf(institutions);
    missingValues = List.copyOf(missingValues);
    skipRowsMatching = List.copyOf(skipRowsMatching);
    dateColumns = Map.copyOf(dateColumns);
    otherColumns = List.copyOf(otherColumns);
  }

  /** A date read from two columns: {@code date: {year: aar, month: maaned}} gives 2022-05 for 2022 and 5. */
  public record DateColumns(ColumnRef year, ColumnRef month) {
    public DateColumns {
      Objects.requireNonNull(year, "year");
      Objects.requireNonNull(month, "month");
    }
  }

  /**
   * Where a field is read from: a header ({@code verdi_eur}), or a position given as a 1-based number
   * or a column letter ({@code C}). A header cell equal to {@code text} wins over the position.
   *
   * @param text     the reference as written in the mapping
   * @param position the 1-based column it names as a number or letter, or 0
   */
  public record ColumnRef(String text, int position) {

    /** Whether the reference can only be a header (it is neither a number nor a column letter). */
    public boolean isHeaderOnly() {
      return position == 0;
    }
  }

  /** How file rows become table rows. */
  public sealed interface Layout {

    /** One table row per file row. */
    record Long() implements Layout {}

    /**
     * One table row per non-blank value cell: the value columns' headers give the key fields (a year,
     * or e.g. category and measure split at {@code keySeparator}); "2023e" marks an estimate.
     *
     * @param idColumns    the columns that are not value columns, or empty for those in {@code columns}
     * @param valueColumns the value columns, or empty for every other column with a header
     * @param valueField   the field the cell's value goes to
     * @param keyFields    the fields the header gives, in order
     * @param keySeparator what separates the key fields in a header, or null for a single key field
     */
    record Wide(List<ColumnRef> idColumns, List<ColumnRef> valueColumns, String valueField, List<String> keyFields,
        String keySeparator) implements Layout {
      public Wide {
        idColumns = List.copyOf(idColumns);
        valueColumns = List.copyOf(valueColumns);
        keyFields = List.copyOf(keyFields);
      }
    }
  }
}
