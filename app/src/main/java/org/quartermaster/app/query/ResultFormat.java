package org.quartermaster.app.query;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link QueryResult} is written; the name is what {@code --format} takes. Writers are left
 * open. Thread-safe.
 */
public enum ResultFormat {
  /** An aligned text table, units in the headers, then the vintages used, the sources and the notes. */
  TABLE,
  /**
   * RFC 4180 CSV: a header of the exact column names, one record per row, CRLF line ends, fields
   * quoted when they hold a comma, a quote or a line break (quotes doubled), null as an empty field.
   * Text that begins like a formula gets a leading apostrophe ({@link FormulaCells}). Numbers are
   * written in full without an exponent ({@code 624600000}, {@code 1300}, {@code 2.04}). Every column
   * is written; vintages and sources are in the rows' own columns.
   */
  CSV,
  /**
   * One JSON object: {@code title}, {@code columns} ([{name, unit}]), {@code rows} (one object per
   * row, keyed by column name), {@code vintages} ([{vintage_month, vintage, rows}]), {@code sources}
   * ([{url, publisher, title, date, grade, read_at, text}]) and {@code notes}.
   */
  JSON;

  private static final JsonMapper JSON_MAPPER = JsonMapper.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final CsvMapper CSV_MAPPER = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ResultFormat> byName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.cliName().equals(wanted)).findFirst();
  }

  public void write(QueryResult result, Writer out) throws IOException {
    switch (this) {
      case TABLE -> TextTable.write(result, out);
      case CSV -> writeCsv(result, out);
      case JSON -> writeJson(result, out);
    }
    out.flush();
  }

  /**
   * Several results in order, as one answer ({@code qm datasets show}): tables and CSV blocks one
   * after the other, separated by an empty line; JSON as one array of the results' objects.
   */
  public void writeAll(List<QueryResult> results, Writer out) throws IOException {
    if (results.size() == 1) {
      write(results.getFirst(), out);
      return;
    }
    if (this == JSON) {
      out.write("[" + System.lineSeparator());
    }
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) {
        out.write(this == JSON ? "," + System.lineSeparator() : System.lineSeparator());
      }
      write(results.get(i), out);
    }
    if (this == JSON) {
      out.write("]" + System.lineSeparator());
    }
    out.flush();
  }

  private static void writeCsv(QueryResult result, Writer out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n").setNullValue("");
    result.columns().forEach(column -> schema.addColumn(column.name()));
    try (var rows = CSV_MAPPER.writer(schema.build()).writeValues(out)) {
      for (List<Object> row : result.rows()) {
        rows.write(row.stream().map(ResultFormat::plainNumber).map(FormulaCells::neutralise).toArray());
      }
    }
  }

  /** A double as the shortest decimal that reads back as it, never in exponent form; other values unchanged. */
  private static Object plainNumber(Object value) {
    if (!(value instanceof Double || value instanceof Float) || !Double.isFinite(((Number) value).doubleValue())) {
      return value;
    }
    BigDecimal exact = new BigDecimal(value.toString()).stripTrailingZeros();
    return exact.scale() < 0 ? exact.setScale(0) : exact;
  }

  private static void writeJson(QueryResult result, Writer out) throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("title", result.title());
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Column column : result.columns()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", column.name());
      entry.put("unit", column.unit());
      columns.add(entry);
    }
    document.put("columns", columns);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        entry.put(result.columns().get(i).name(), row.get(i));
      }
      rows.add(entry);
    }
    document.put("rows", rows);
    List<Map<String, Object>> vintages = new ArrayList<>();
    for (VintageUsed vintage : result.vintages()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("vintage_month", vintage.month());
      entry.put("vintage", vintage.name());
      entry.put("rows", vintage.rows());
      vintages.add(entry);
    }
    document.put("vintages", vintages);
    List<Map<String, Object>> sources = new ArrayList<>();
    for (Source source : result.sources()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("url", source.url());
      entry.put("publisher", source.publisher());
      entry.put("title", source.title());
      entry.put("date", source.date());
      entry.put("grade", source.grade() == null ? null : source.grade().wireName());
      entry.put("read_at", source.readAt());
      entry.put("text", source.describe());
      sources.add(entry);
    }
    document.put("sources", sources);
    document.put("notes", result.notes());
    JSON_MAPPER.writeValue(out, document);
    out.write(System.lineSeparator());
  }
}
