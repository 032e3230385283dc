package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ParsedFile;

/**
 * Parsing and conversion rate of a 1,000,000-row generic CSV (spending rows: country name, year, share
 * of GDP, amount), everything but the store, and of a 100,000-row XLSX sheet. Off by default; run it with
 * {@code mvn -B -ntp -pl engine,app -am test -Dtest=CsvImporterBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dqm.bench=true}.
 * The best of five runs is reported (the first ones include JIT compilation). Most of the rest of the
 * time is the garbage collector copying the million row objects the import keeps: with
 * {@code -Dtest.jvm.args="--enable-native-access=ALL-UNNAMED -Xmx4g -XX:+UseParallelGC"} it is faster.
 */
@EnabledIfSystemProperty(named = "qm.bench", matches = "true")
class CsvImporterBenchmarkTest {
  private static final int ROWS = 1_000_000;
  private static final String[] COUNTRIES = {"Germany", "France", "United Kingdom", "Poland", "Netherlands",
      "Czechia", "Turkiye", "United States", "Norway", "Estonia", "Lithuania", "Italy", "Spain", "Canada"};

  @Test
  void read_millionRowCsv_reportsRowsPerSecond(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("spending.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("country,year,pct_gdp,amount\n");
      for (int i = 0; i < ROWS; i++) {
        out.write(COUNTRIES[i % COUNTRIES.length] + "," + (1950 + i % 75) + "," + (1 + i % 4) + "." + (10 + i % 90)
            + "," + i % 100_000 + "." + i % 10 + "\n");
      }
    }
    Path mapping = dir.resolve("spending.yaml");
    Files.writeString(mapping, """
        table: spending
        columns: {country: country, year: year, pct_gdp: pct_gdp, amount: amount}
        constants: {source: bench, currency: USD million, vintage: 2026-02}
        """);
    ImportRequest request = new ImportRequest(file, null, mapping, null, null, false, false);
    double best = 0;
    for (int run = 0; run < 5; run++) {
      System.gc(); // each run starts as a fresh import would, without the previous run's rows
      long start = System.nanoTime();
      ParsedFile parsed = new CsvImporter().read(request, Countries.standard());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.rows()).hasSize(ROWS);
      best = Math.max(best, ROWS / seconds);
      System.out.printf(Locale.ROOT, "CsvImporter run %d: %,d rows in %.3f s = %,.0f rows/s%n", run + 1, ROWS,
          seconds, ROWS / seconds);
    }
    System.out.printf(Locale.ROOT, "CsvImporter best: %,.0f rows/s%n", best);
    assertThat(best).isGreaterThan(500_000);
  }

  /** A 100,000-row sheet, written with POI's streaming writer, read through the SAX-based importer. */
  @Test
  void read_hundredThousandRowSheet_reportsRowsPerSecond(@TempDir Path dir) throws IOException {
    int rows = 100_000;
    Path file = dir.resolve("spending.xlsx");
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Data");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("country");
      header.createCell(1).setCellValue("year");
      header.createCell(2).setCellValue("pct_gdp");
      for (int i = 0; i < rows; i++) {
        Row row = sheet.createRow(i + 1);
        row.createCell(0).setCellValue(COUNTRIES[i % COUNTRIES.length]);
        row.createCell(1).setCellValue(1950 + i % 75);
        row.createCell(2).setCellValue(1 + (i % 400) / 100.0);
      }
      workbook.write(out);
    }
    Path mapping = Files.writeString(dir.resolve("spending.yaml"),
        "table: spending\ncolumns: {country: country, year: year, pct_gdp: pct_gdp}\nconstants: {source: bench}\n");
    ImportRequest request = new ImportRequest(file, null, mapping, null, null, false, false);
    for (int run = 0; run < 3; run++) {
      System.gc();
      long start = System.nanoTime();
      ParsedFile parsed = new XlsxImporter().read(request, Countries.standard());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.rows()).hasSize(rows);
      System.out.printf(Locale.ROOT, "XlsxImporter run %d: %,d rows in %.3f s = %,.0f rows/s%n", run + 1, rows,
          seconds, rows / seconds);
    }
  }
}
