package org.quartermaster.app.importer.sipri;

import static org.quartermaster.app.importer.sipri.SipriColumn.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.Importer;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.importer.TextFile;

/**
 * The SIPRI Arms Transfers Database trade register, as its CSV export writes it: prose lines, the
 * header {@code SIPRI AT Database ID,Supplier,Recipient,…,Local production}, then one row per deal
 * and delivery year, every line ending in {@code ;}. Gives one {@link DeliveryRow} per row, its
 * {@code recordId} the database ID (a deal delivered over several years has one row per year, all
 * with the deal's ID).
 *
 * <ul>
 *   <li>Years (order date, delivery year) are YYYY or blank; "is estimate" flags Yes/No, y/n or blank
 *       (blank: not stated, read as no); numbers delivered whole numbers or blank; TIV figures numbers
 *       (SIPRI TIV millions) or blank. The "SIPRI estimate" column (the unit TIV when new) is checked
 *       but not kept: {@link DeliveryRow} has no field for it.
 *   <li>Suppliers and recipients: see {@link SipriCells#party} for which names are countries, which are
 *       parties without a code (non-state actors, organisations, unknown), and which are problems.
 *   <li>Provenance: publisher SIPRI; the date the preamble says the data were generated ("Data
 *       generated: 12 Feb 2026") is the as-of date and gives the vintage month, which
 *       {@code --vintage YYYY-MM} overrides; {@code --source-url} is the source URL.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SipriTransfersImporter implements Importer {
  private static final String HEADER_HINT = "expected SIPRI's trade-register CSV export, whose header starts "
      + "SIPRI AT Database ID,Supplier,Recipient,Designation";

  public SipriTransfersImporter() {}

  @Override
  public ImportFormat format() {
    return ImportFormat.SIPRI_TRANSFERS;
  }

  /** True when one of the lines is the trade register's header, or the preamble names the database. */
  public static boolean looksLike(List<String> firstLines) {
    for (String line : firstLines) {
      String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
      if (SipriHeader.isHeader(text) || text.startsWith("Source: SIPRI Arms Transfers Database")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ParsedFile read(ImportRequest request, Countries countries) throws IOException {
    Problems problems = new Problems(request.fileName());
    String vintage = problems.vintage(request.vintage());
    List<String> lines = TextFile.lines(request.file());
    int headerIndex = 0;
    while (headerIndex < lines.size() && !SipriHeader.isHeader(lines.get(headerIndex))) {
      headerIndex++;
    }
    if (headerIndex == lines.size()) {
      problems.inFile(null, null, (lines.stream().allMatch(String::isBlank) ? "is empty: " : "has no header row: ")
          + HEADER_HINT);
      return problems.parsed(Table.DELIVERIES, List.of(), 0);
    }
    SipriHeader header = SipriHeader.of(headerIndex + 1, lines.get(headerIndex), problems);
    if (header == null) {
      return problems.parsed(Table.DELIVERIES, List.of(), 0);
    }
    Provenance provenance = provenance(request, vintage, SipriLines.generatedOn(lines.subList(0, headerIndex)));
    List<DeliveryRow> rows = new ArrayList<>();
    int rowsRead = 0;
    for (int i = headerIndex + 1; i < lines.size(); i++) {
      int row = i + 1;
      List<String> cells = TextFile.cells(SipriLines.withoutEndMark(lines.get(i)), ',');
      if (TextFile.blank(cells)) {
        continue;
      }
      rowsRead++;
      if (cells.size() != header.width()) {
        problems.at(row, null, null, "has " + cells.size() + " cells where the header has " + header.width()
            + " (a value with a comma needs quotes)");
        continue;
      }
      DeliveryRow delivery = delivery(new SipriCells(header, cells, row, problems), row, countries, provenance);
      if (!problems.inRow(row)) {
        rows.add(delivery);
      }
    }
    return problems.parsed(Table.DELIVERIES, rows, rowsRead);
  }

  private static DeliveryRow delivery(SipriCells cells, int row, Countries countries, Provenance provenance) {
    String recordId = cells.required(ID, "every row needs its SIPRI AT Database ID");
    Integer deliveryYear = cells.year(DELIVERY_YEAR);
    cells.tiv(SIPRI_ESTIMATE);
    return new DeliveryRow(row, recordId, cells.text(SUPPLIER), cells.party(SUPPLIER, countries),
        cells.text(RECIPIENT), cells.party(RECIPIENT, countries), cells.text(DESIGNATION), cells.text(DESCRIPTION),
        cells.text(CATEGORY), cells.year(ORDER_DATE), cells.flag(ORDER_DATE_ESTIMATE), cells.count(NUMBER_DELIVERED),
        cells.flag(NUMBER_DELIVERED_ESTIMATE), deliveryYear == null ? null : deliveryYear.toString(),
        cells.flag(DELIVERY_YEAR_ESTIMATE), cells.text(STATUS), cells.tiv(TIV_UNIT), cells.tiv(TIV_DELIVERED),
        cells.text(LOCAL_PRODUCTION), provenance);
  }

  /** The file's generation date is the as-of date; --vintage, else that date's month, the vintage. */
  private static Provenance provenance(ImportRequest request, String vintage, String generatedOn) {
    String month = vintage != null ? vintage : generatedOn == null ? null : generatedOn.substring(0, 7);
    String words = vintage != null ? vintage
        : generatedOn == null ? null : "SIPRI Arms Transfers Database, data generated " + generatedOn;
    return new Provenance(request.sourceUrl(), generatedOn != null ? generatedOn : vintage, words, month, "SIPRI");
  }
}
