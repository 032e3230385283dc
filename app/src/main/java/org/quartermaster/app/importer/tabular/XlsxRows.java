package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The rows of one sheet of an XLSX workbook, streamed with POI's event API (SAX over the sheet's XML:
 * memory does not grow with the sheet, but the shared strings are held whole, hence {@link XlsxLimits}). Rows are numbered as the sheet numbers them (1-based);
 * numbers are given as their full value, not as formatted ("2.3456", not "2.35"); dates as
 * YYYY-MM-DD; formulas as their cached results.
 */
final class XlsxRows {

  private XlsxRows() {}

  /**
   * Feeds the rows of the sheet named (or at the 1-based position) {@code sheet}, or of the first
   * sheet, to {@code sink}. Returns why the workbook could not be read, or empty.
   */
  static Optional<String> read(Path file, String sheet, CsvRows.Sink sink) throws IOException {
    return read(file, sheet, sink, XlsxLimits.DEFAULT);
  }

  /** {@link #read(Path, String, CsvRows.Sink)} within these limits (tests lower them). */
  static Optional<String> read(Path file, String sheet, CsvRows.Sink sink, XlsxLimits limits) throws IOException {
    OPCPackage workbook;
    try {
      workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (OpenXML4JException | UnsupportedFileFormatException e) {
      return Optional.of("not an XLSX workbook: " + e.getMessage());
    }
    try {
      XSSFReader reader = new XSSFReader(workbook);
      List<String> names = sheetNames(reader);
      int chosen = choose(names, sheet);
      if (chosen < 0) {
        return Optional.of("no sheet '" + sheet + "' (sheet in the mapping); the sheets are " + String.join(", ",
            names));
      }
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      for (int i = 0; sheets.hasNext(); i++) {
        sheets.next().close();
        if (i == chosen) {
          try (InputStream in = limits.open(sheets.getSheetPart(), "the sheet '" + names.get(i) + "'")) {
            parse(in, workbook, reader.getStylesTable(), sink, limits);
          }
        }
      }
      return Optional.empty();
    } catch (XlsxLimits.Refused e) {
      return Optional.of(e.getMessage());
    } catch (OpenXML4JException | SAXException e) {
      return Optional.of(String.valueOf(e.getMessage()).contains("DOCTYPE")
          ? "not an XLSX workbook: its XML declares a DOCTYPE, which Excel never writes (refused: such XML can"
              + " expand without bound); save the sheet again from a spreadsheet program, or as CSV"
          : "the workbook is damaged: " + e.getMessage());
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
        return Optional.of("not an XLSX workbook: a part of it expands far more than a workbook's would (refused"
            + " as a zip bomb); save the sheet again from a spreadsheet program, or as CSV");
      }
      throw e;
    } finally {
      workbook.revert();
    }
  }

  private static List<String> sheetNames(XSSFReader reader) throws IOException, OpenXML4JException {
    List<String> names = new ArrayList<>();
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    while (sheets.hasNext()) {
      sheets.next().close();
      names.add(sheets.getSheetName());
    }
    return names;
  }

  /** The sheet's index: a name (without case) wins over a position; -1 when there is no such sheet. */
  private static int choose(List<String> names, String sheet) {
    if (sheet == null) {
      return names.isEmpty() ? -1 : 0;
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().toLowerCase(Locale.ROOT).equals(sheet.trim().toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    if (sheet.trim().matches("\\d{1,4}")) {
      int position = Integer.parseInt(sheet.trim());
      return position >= 1 && position <= names.size() ? position - 1 : -1;
    }
    return -1;
  }

  private static void parse(InputStream sheet, OPCPackage workbook, StylesTable styles, CsvRows.Sink sink,
      XlsxLimits limits) throws IOException, SAXException, InvalidFormatException {
    ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(InputStream.nullInputStream(), false);
    XlsxLimits.SharedStrings counted = limits.sharedStrings(strings);
    for (PackagePart part : workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
      try (InputStream in = limits.open(part, "the shared strings")) {
        XMLReader stringsParser = xmlReader();
        stringsParser.setContentHandler(counted);
        stringsParser.parse(new InputSource(in));
      }
    }
    XMLReader parser = xmlReader();
    XMLFilterImpl cells = limits.cells(counted);
    cells.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Collector(sink), new RawValues(), false));
    parser.setContentHandler(cells);
    try {
      parser.parse(new InputSource(sheet));
    } catch (Stop stop) {
      // the sink wants no more rows
    }
  }

  private static XMLReader xmlReader() throws SAXException {
    try {
      return XMLHelper.newXMLReader();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser: " + e.getMessage(), e);
    }
  }

  /** Thrown by the collector to end the SAX parse when the sink wants no more rows. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /** Collects each row's cells (the sheet XML leaves out empty ones) into one reused array. */
  private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final CsvRows.Sink sink;
    private String[] cells = new String[16];
    private int count;
    private int row;

    Collector(CsvRows.Sink sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      row = rowNum + 1;
      count = 0;
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = reference == null ? count : column(reference);
      if (column >= cells.length) {
        cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
      }
      for (int i = count; i < column; i++) {
        cells[i] = null;
      }
      cells[column] = value;
      count = Math.max(count, column + 1);
    }

    @Override
    public void endRow(int rowNum) {
      if (count > 0 && !sink.row(row, cells, count)) {
        throw new Stop();
      }
    }

    /** The 0-based column of a cell reference such as "C7". */
    private static int column(String reference) {
      int column = 0;
      for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
        column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
      }
      return column - 1;
    }
  }

  /** Numbers at full precision instead of as the cell's format shows them; dates as ISO text. */
  private static final class RawValues extends DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      return formatRawCellContents(value, formatIndex, formatString, false);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime time = DateUtil.getLocalDateTime(value, use1904);
        return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.toString();
      }
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
          : Double.toString(value);
    }
  }
}
