package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ParsedFile;

/** The XLSX importer on workbooks written with POI for each test. */
class XlsxImporterTest {
  private static final String LONG = """
      table: spending
      columns: {country: country, year: year, pct_gdp: pct_gdp, as_of: published}
      constants: {source: sipri}
      """;

  @TempDir
  Path dir;

  /**
   * Sheet 1 "Notes" (text only); sheet 2 "Data": a title in row 1, an empty row 2, the header in row 3,
   * then Germany (numbers formatted with one decimal, a date), Poland, and "Germny" in row 6.
   */
  private Path workbook() throws IOException {
    Path file = dir.resolve("spending.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("Figures from SIPRI.");
      Sheet data = workbook.createSheet("Data");
      data.createRow(0).createCell(0).setCellValue("Military expenditure, % of GDP");
      Row header = data.createRow(2);
      String[] names = {"country", "year", "pct_gdp", "published"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c] + (c == 0 ? "  " : ""));
      }
      CellStyle oneDecimal = workbook.createCellStyle();
      oneDecimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      Object[][] rows = {{"Germany", 2023, 1.5678}, {"Poland", 2023, 3.83}, {"Germny", 2023, 1.6}};
      for (int r = 0; r < rows.length; r++) {
        Row row = data.createRow(3 + r);
        row.createCell(0).setCellValue((String) rows[r][0]);
        row.createCell(1).setCellValue((Integer) rows[r][1]);
        row.createCell(2).setCellValue((Double) rows[r][2]);
        row.getCell(2).setCellStyle(oneDecimal);
        row.createCell(3).setCellValue(LocalDate.of(2024, 4, 22));
        row.getCell(3).setCellStyle(date);
      }
      workbook.write(out);
    }
    return file;
  }

  private ParsedFile importXlsx(Path file, String mapping) throws IOException {
    Path mappingFile = dir.resolve("mapping.yaml");
    Files.writeString(mappingFile, mapping);
    return new XlsxImporter().read(new ImportRequest(file, null, mappingFile, null, null, false, false),
        Countries.standard());
  }

  private static List<SpendingRow> spending(ParsedFile parsed) {
    return parsed.rows().stream().map(SpendingRow.class::cast).toList();
  }

  @Test
  void read_sheetByNameAndHeaderRow_givesFullPrecisionValuesAndSheetRowNumbers() throws IOException {
    ParsedFile parsed = importXlsx(workbook(), LONG + "sheet: Data\nheader_row: 3\n");

    assertThat(spending(parsed)).extracting(SpendingRow::fileRow, SpendingRow::iso3, SpendingRow::year,
        SpendingRow::pctGdp).containsExactly(tuple(4, "DEU", 2023, 1.5678), tuple(5, "POL", 2023, 3.83));
    assertThat(spending(parsed).getFirst().provenance().asOf()).isEqualTo("2024-04-22");
    assertThat(parsed.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::value)
        .containsExactly(tuple(6, "country", "Germny"));
    assertThat(parsed.problems().getFirst().message()).contains("closest known is 'Germany'");
    assertThat(parsed.rowsRead()).isEqualTo(3);
  }

  @Test
  void read_sheetByPositionWithoutHeaderRow_findsTheHeader() throws IOException {
    ParsedFile parsed = importXlsx(workbook(), LONG + "sheet: 2\n");

    assertThat(spending(parsed)).extracting(SpendingRow::fileRow).containsExactly(4, 5);
  }

  @Test
  void read_missingSheet_namesTheSheetsThereAre() throws IOException {
    ParsedFile parsed = importXlsx(workbook(), LONG + "sheet: Summary\n");

    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isZero();
      assertThat(p.message()).isEqualTo("no sheet 'Summary' (sheet in the mapping); the sheets are Notes, Data");
    });
  }

  @Test
  void read_wideSheetWithNumericAndMarkedYearHeaders_givesEstimates() throws IOException {
    Path file = dir.resolve("wide.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("NATO");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("Country");
      header.createCell(1).setCellValue(2022);
      header.createCell(2).setCellValue("2023e");
      Row germany = sheet.createRow(1);
      germany.createCell(0).setCellValue("Germany");
      germany.createCell(1).setCellValue(1.39);
      germany.createCell(2).setCellValue(1.57);
      workbook.write(out);
    }

    ParsedFile parsed = importXlsx(file, """
        table: spending
        columns: {country: Country}
        wide: {value_field: pct_gdp, key_field: year}
        constants: {source: nato}
        """);

    assertThat(parsed.problems()).isEmpty();
    assertThat(spending(parsed)).extracting(SpendingRow::year, SpendingRow::pctGdp, SpendingRow::estimate)
        .containsExactly(tuple(2022, 1.39, Estimate.FALSE), tuple(2023, 1.57, Estimate.TRUE));
  }

  @Test
  void read_fileThatIsNoWorkbook_isAProblem() throws IOException {
    Path file = dir.resolve("fake.xlsx");
    Files.writeString(file, "country,year\n");

    ParsedFile parsed = importXlsx(file, LONG);

    assertThat(parsed.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("not an XLSX workbook"));
  }

  @Test
  void read_sheetXmlWithDoctype_isNotAWorkbook() throws IOException {
    Path good = workbook();
    Path file = dir.resolve("doctype.xlsx");
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(good));
        java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
      for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (entry.getName().startsWith("xl/worksheets/")) {
          String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
          int root = xml.indexOf("<worksheet");
          xml = xml.substring(0, root) + "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">]>" + xml.substring(root);
          bytes = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }

    ParsedFile parsed = importXlsx(file, LONG + "sheet: Data\n");

    assertThat(parsed.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("not an XLSX workbook: its XML declares a DOCTYPE"));
  }

  /** A workbook of one sheet "Data": a header row, then {@code rows} rows of a text cell and a number; B2 holds {@code b2}. */
  private Path workbook(String name, int rows, String b2, boolean inlineStrings) throws IOException {
    Path file = dir.resolve(name);
    try (org.apache.poi.ss.usermodel.Workbook workbook = inlineStrings
        ? new org.apache.poi.xssf.streaming.SXSSFWorkbook() : new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet data = workbook.createSheet("Data");
      Row header = data.createRow(0);
      header.createCell(0).setCellValue("country");
      header.createCell(1).setCellValue("note");
      for (int r = 1; r <= rows; r++) {
        Row row = data.createRow(r);
        row.createCell(0).setCellValue(r * 1.5);
        if (r == 1) {
          row.createCell(1).setCellValue(b2);
        }
      }
      workbook.write(out);
    }
    return file;
  }

  private static java.util.Optional<String> readRows(Path file, XlsxLimits limits, List<Integer> rowsSeen)
      throws IOException {
    return XlsxRows.read(file, null, (row, cells, count) -> rowsSeen.add(row), limits);
  }

  @Test
  void read_sharedStringsOverTheXmlLimit_isRefusedBeforeTheyAreLoaded() throws IOException {
    Path file = workbook("strings.xlsx", 1, "x".repeat(5000), false);
    List<Integer> rowsSeen = new java.util.ArrayList<>();

    java.util.Optional<String> trouble = readRows(file, new XlsxLimits(3000, 1 << 20), rowsSeen);

    assertThat(trouble).hasValueSatisfying(m -> assertThat(m)
        .startsWith("the shared strings of the workbook: ").contains("of XML, more than 3000 bytes")
        .contains("save the sheet as CSV"));
    assertThat(rowsSeen).isEmpty();
    assertThat(readRows(file, new XlsxLimits(100_000, 1 << 20), rowsSeen)).isEmpty();
    assertThat(rowsSeen).containsExactly(1, 2);
  }

  @Test
  void read_sheetOverTheXmlLimit_namesTheSheet() throws IOException {
    Path file = workbook("rows.xlsx", 500, "short", false);

    java.util.Optional<String> trouble = readRows(file, new XlsxLimits(3000, 1 << 20), new java.util.ArrayList<>());

    assertThat(trouble).hasValueSatisfying(m -> assertThat(m).startsWith("the sheet 'Data' of the workbook: ")
        .contains("more than 3000 bytes"));
  }

  @Test
  void read_cellOverTheTextLimit_namesTheCell() throws IOException {
    XlsxLimits limits = new XlsxLimits(100_000, 20);
    for (boolean inline : new boolean[] {false, true}) {
      Path file = workbook("cell-" + inline + ".xlsx", 3, "y".repeat(21), inline);
      List<Integer> rowsSeen = new java.util.ArrayList<>();

      java.util.Optional<String> trouble = readRows(file, limits, rowsSeen);

      assertThat(trouble).as("inline strings: %s", inline).hasValue(
          "cell B2 holds more than 20 characters of text, the most a cell may hold; shorten it");
      assertThat(rowsSeen).containsExactly(1);
      assertThat(readRows(workbook("fits-" + inline + ".xlsx", 3, "y".repeat(20), inline), limits,
          new java.util.ArrayList<>())).as("20 characters, inline strings: %s", inline).isEmpty();
    }
  }

  @Test
  void read_sharedStringsOverTheLimit_isAProblemOfTheFile() throws IOException {
    Path file = workbook("huge.xlsx", 1, "z".repeat(3000), false);
    Path mappingFile = Files.writeString(dir.resolve("mapping.yaml"), LONG);

    ParsedFile parsed = new XlsxImporter(new XlsxLimits(2500, 1 << 20)).read(
        new ImportRequest(file, null, mappingFile, null, null, false, false), Countries.standard());

    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isZero();
      assertThat(p.toString()).startsWith(file + " — the shared strings of the workbook: ");
    });
  }
}
