package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.store.Store;

/** The three renderings of a {@link QueryResult}: exact CSV columns and quoting, JSON shape, the text table. */
class ResultFormatTest {
  private static final List<String> SPENDING_COLUMNS = List.of("country", "iso3", "year", "pct_gdp", "estimate",
      "meets", "gap_pct", "amount", "currency", "unit", "price_base", "source", "vintage_month", "vintage", "as_of",
      "publisher", "source_title", "source_grade", "source_url", "via_url", "note");
  private static Store store;
  private static QueryResult allies2024;

  @BeforeAll
  static void load() {
    store = BundledSample.store();
    allies2024 = SpendingQuery.run(store, new SpendingQuery.Options(2024, null, 2.0, "nato", "2024-06"));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static String render(ResultFormat format, QueryResult result) throws IOException {
    StringWriter out = new StringWriter();
    format.write(result, out);
    return out.toString();
  }

  @Test
  void csv_spendingWithThreshold_hasTheExactHeaderAndOneRecordPerRow() throws IOException {
    String csv = render(ResultFormat.CSV, allies2024);

    List<String> lines = Arrays.asList(csv.split("\r\n", -1));
    assertThat(lines.getFirst()).isEqualTo(String.join(",", SPENDING_COLUMNS));
    assertThat(lines).hasSize(1 + 32 + 1);
    assertThat(lines.getLast()).isEmpty();
    assertThat(lines.get(1)).startsWith("Albania,ALB,2024,2.03,true,yes,0,,,,,nato,2024-06,"
        + "\"NATO Defence Expenditure of NATO Countries (2014-2024), June 2024 release\",2024-06-17,");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Iceland,ISL,2024,,true,no figure,,,,,,nato,"));
  }

  @Test
  void csv_readBackByDuckDb_givesTheSameRows(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("allies.csv");
    Files.writeString(file, render(ResultFormat.CSV, allies2024));

    List<Object> back = store.read(connection -> {
      try (var statement = connection.prepareStatement(
          "SELECT count(*), count(DISTINCT iso3), count(*) FILTER (WHERE meets = 'yes'), max(length(vintage))"
              + " FROM read_csv(?, header = true, all_varchar = true)")) {
        statement.setString(1, file.toString());
        try (var rows = statement.executeQuery()) {
          rows.next();
          return List.<Object>of(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
        }
      }
    });
    assertThat(back).containsExactly(32L, 32L, 23L,
        (long) "NATO Defence Expenditure of NATO Countries (2014-2024), June 2024 release".length());
  }

  @Test
  void json_spending_hasColumnsRowsKeyedByNameVintagesSourcesAndNotes() throws IOException {
    JsonNode json = JsonMapper.builder().build().readTree(render(ResultFormat.JSON, allies2024));

    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("title", "columns", "rows", "vintages", "sources", "notes");
    List<String> columns = new ArrayList<>();
    json.get("columns").forEach(column -> columns.add(column.get("name").asText()));
    assertThat(columns).isEqualTo(SPENDING_COLUMNS);
    assertThat(json.get("columns").get(3).get("unit").asText()).isEqualTo("% of GDP");
    assertThat(json.get("rows")).hasSize(32);
    List<String> rowFields = new ArrayList<>();
    json.get("rows").get(0).fieldNames().forEachRemaining(rowFields::add);
    assertThat(rowFields).isEqualTo(SPENDING_COLUMNS);
    JsonNode iceland = json.get("rows").get(13);
    assertThat(iceland.get("iso3").asText()).isEqualTo("ISL");
    assertThat(iceland.get("pct_gdp").isNull()).isTrue();
    assertThat(iceland.get("meets").asText()).isEqualTo("no figure");
    assertThat(json.get("rows").get(1).get("gap_pct").asDouble()).isEqualTo(0.70);
    assertThat(json.get("vintages").get(0).get("vintage_month").asText()).isEqualTo("2024-06");
    assertThat(json.get("vintages").get(0).get("rows").asLong()).isEqualTo(32);
    assertThat(json.get("sources")).hasSize(1);
    assertThat(json.get("notes").toString()).contains("23 of 31 allies");
  }

  @Test
  void table_spending_showsUnitsInHeadersAndTheVintageAndSourcesUnderIt() throws IOException {
    String table = render(ResultFormat.TABLE, allies2024);

    List<String> lines = table.lines().toList();
    assertThat(lines.get(2)).contains("pct_gdp (% of GDP)", "gap_pct (pp of GDP)", "meets", "vintage_month")
        .doesNotContain("as_of");
    assertThat(lines).contains("Belgium          BEL   2024                1.30  true      no                 "
        + "       0.70  nato    2024-06        [1]");
    assertThat(table).contains("\n32 rows.\nVintage used:\n  2024-06  NATO Defence Expenditure of NATO Countries"
        + " (2014-2024), June 2024 release (32 rows)\nSources:\n  [1] ")
        .contains("https://www.nato.int/nato_static_fl2014/assets/pdf/2024/6/pdf/240617-def-exp-2024-en.pdf");
    assertThat(table).contains("Notes:\n  Vintage 2024-06 only, as asked for.\n");
  }

  @Test
  void table_longText_isShortenedInTheTableOnly() throws IOException {
    String longText = "x".repeat(100);
    QueryResult result = QueryResult.withRowProvenance("t", List.of(Column.text("a")),
        List.of(List.<Object>of(longText)), List.of());

    assertThat(render(ResultFormat.TABLE, result)).contains("x".repeat(59) + "…").doesNotContain("x".repeat(60));
    assertThat(render(ResultFormat.CSV, result)).contains(longText);
  }
}
