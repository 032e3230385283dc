package org.quartermaster.app.importer.sipri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.quartermaster.app.importer.ImportFixtures.onlyProblem;
import static org.quartermaster.app.importer.ImportFixtures.request;
import static org.quartermaster.app.importer.ImportFixtures.resource;
import static org.quartermaster.app.importer.ImportFixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Table;

class SipriTransfersImporterTest {
  private static final String FIXTURE = "sipri_transfers/trade_register_stinger.csv";
  private static final String URL = "https://armstransfers.sipri.org/";
  private static final String HEADER = "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,"
      + "Armament category,Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,"
      + "Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,"
      + "Local production;\n";
  private static final String STINGER_ROW =
      "65267,Germany,Ukraine,Stinger,portable SAM,Missiles,2022,,500,No,2022,,Second hand,,,16,No;\n";

  @TempDir
  Path dir;

  private ParsedFile read(String text) throws IOException {
    Path file = write(dir, "trade-register.csv", text);
    return new SipriTransfersImporter().read(request(file, null, null, null), Countries.standard());
  }

  @Test
  void read_stingerFixture_givesEveryRowWithExactValues() throws IOException {
    Path file = resource(FIXTURE);

    ParsedFile parsed = new SipriTransfersImporter().read(request(file, ImportFormat.SIPRI_TRANSFERS, URL, null),
        Countries.standard());

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.table()).isEqualTo(Table.DELIVERIES);
    assertThat(parsed.rowsRead()).isEqualTo(10);
    List<DeliveryRow> rows = parsed.rows().stream().map(DeliveryRow.class::cast).toList();
    Provenance provenance = new Provenance(URL, "2026-02-12",
        "SIPRI Arms Transfers Database, data generated 2026-02-12", "2026-02", "SIPRI");
    assertThat(rows.getFirst()).isEqualTo(new DeliveryRow(13, "65267", "Germany", "DEU", "Ukraine", "UKR", "Stinger",
        "portable SAM", "Missiles", 2022, null, 500, false, "2022", null, "Second hand", null, 16.0, "No",
        provenance)); // blank estimate flags: SIPRI does not say, so unknown (null), not no
    assertThat(rows)
        .extracting(DeliveryRow::fileRow, DeliveryRow::recordId, DeliveryRow::supplierIso3,
            DeliveryRow::recipientIso3, DeliveryRow::numberDelivered, DeliveryRow::numberDeliveredEstimate,
            DeliveryRow::deliveryYears, DeliveryRow::tivDelivered)
        .containsExactly(
            tuple(13, "65267", "DEU", "UKR", 500, false, "2022", 16.0),
            tuple(14, "65175", "LVA", "UKR", 12, true, "2022", 0.38),
            tuple(15, "66250", "LVA", "UKR", 20, true, "2023", 0.64),
            tuple(16, "65174", "LTU", "UKR", 25, true, "2022", 0.8),
            tuple(17, "65266", "NLD", "UKR", 200, false, "2022", 6.4),
            tuple(18, "65246", "USA", "UKR", 1450, true, "2022", 46.4),
            tuple(19, "65246", "USA", "UKR", 600, true, "2023", 19.2),
            tuple(20, "90000001", null, null, null, null, null, null),
            tuple(21, "90000002", null, "LTU", 2, false, "2024", 10.0),
            tuple(22, "90000003", "DEU", null, 3, null, "2022", 0.6));
    assertThat(rows.get(7)).extracting(DeliveryRow::supplier, DeliveryRow::recipient, DeliveryRow::orderYear,
        DeliveryRow::tivUnit).containsExactly("unknown supplier(s)", "Houthi rebels (Yemen)*", null, 0.05);
    assertThat(rows.get(8)).extracting(DeliveryRow::supplier, DeliveryRow::description, DeliveryRow::orderYear,
            DeliveryRow::orderYearEstimate, DeliveryRow::deliveryYearEstimate, DeliveryRow::tivUnit)
        .containsExactly("NATO**", "air-search radar, mobile", 2023, true, true, 5.0);
    assertThat(rows.get(9)).extracting(DeliveryRow::recipient, DeliveryRow::orderYearEstimate,
        DeliveryRow::deliveryYearEstimate, DeliveryRow::status).containsExactly("African Union**", true, false,
        "Second hand");
    assertThat(rows.stream().mapToDouble(r -> r.tivDelivered() == null ? 0 : r.tivDelivered()).sum())
        .isCloseTo(16 + 0.38 + 0.64 + 0.8 + 6.4 + 46.4 + 19.2 + 10 + 0.6, within(1e-9));
  }

  @Test
  void read_vintageGiven_overridesGenerationMonth() throws IOException {
    ParsedFile parsed = new SipriTransfersImporter().read(
        request(resource(FIXTURE), ImportFormat.SIPRI_TRANSFERS, null, "2026-03"), Countries.standard());

    assertThat(parsed.rows().getFirst().provenance())
        .isEqualTo(new Provenance(null, "2026-02-12", "2026-03", "2026-03", "SIPRI"));
  }

  @Test
  void read_misspeltCountry_namesClosestCountry() throws IOException {
    ParsedFile parsed = read(HEADER + STINGER_ROW.replace("Germany", "Untied States"));

    onlyProblem(parsed, 2, "Supplier", "Untied States", "did you mean United States?");
    assertThat(parsed.rows()).isEmpty();
  }

  @Test
  void read_nonNumericNumberDelivered_reportsRowColumnAndValue() throws IOException {
    ParsedFile parsed = read("Data generated: 12 Feb 2026 12:26:12 PM;\n" + HEADER
        + STINGER_ROW.replace(",500,", ",five hundred,"));

    onlyProblem(parsed, 3, "Numbers delivered", "five hundred", "is not a number of items");
  }

  @Test
  void read_badDeliveryYear_reportsRowColumnAndValue() throws IOException {
    ParsedFile parsed = read(HEADER + STINGER_ROW.replace(",2022,,Second", ",22,,Second"));

    onlyProblem(parsed, 2, "Delivery year", "22", "is not a year");
  }

  @Test
  void read_badEstimateFlag_reportsRowColumnAndValue() throws IOException {
    ParsedFile parsed = read(HEADER + STINGER_ROW.replace(",500,No,", ",500,maybe,"));

    onlyProblem(parsed, 2, "Numbers delivered is estimate", "maybe", "expected Yes, No, y, n or blank");
  }

  @Test
  void read_rowWithWrongNumberOfCells_reportsRow() throws IOException {
    ParsedFile parsed = read(HEADER + STINGER_ROW.replace("portable SAM", "portable SAM, shoulder-fired"));

    onlyProblem(parsed, 2, null, null, "has 18 cells where the header has 17");
  }

  @Test
  void read_headerLacksColumn_reportsMissingColumn() throws IOException {
    ParsedFile parsed = read(HEADER.replace(",Status,", ",State,") + STINGER_ROW);

    onlyProblem(parsed, 1, "Status", null, "is missing from the header");
  }

  @Test
  void read_emptyFile_isWholeFileProblem() throws IOException {
    ParsedFile parsed = read("");

    onlyProblem(parsed, 0, null, null, "is empty");
  }

  @Test
  void read_noHeader_isWholeFileProblem() throws IOException {
    ParsedFile parsed = read("Source: SIPRI Arms Transfers Database (c) SIPRI.;\n" + STINGER_ROW);

    onlyProblem(parsed, 0, null, null, "has no header row");
  }

  @Test
  void read_severalBadRows_reportsEveryProblem() throws IOException {
    ParsedFile parsed = read(HEADER
        + STINGER_ROW.replace("Ukraine", "Ukrane").replace(",16,", ",sixteen,")
        + STINGER_ROW
        + STINGER_ROW.replace("65267", ""));

    assertThat(parsed.problems()).extracting(p -> p.row(), p -> p.column(), p -> p.value())
        .containsExactly(tuple(2, "Recipient", "Ukrane"), tuple(2, "TIV delivery values", "sixteen"),
            tuple(4, "SIPRI AT Database ID", ""));
    assertThat(parsed.rows()).extracting(r -> r.fileRow()).containsExactly(3);
  }

  @Test
  void looksLike_tradeRegister_isTrue() throws IOException {
    assertThat(SipriTransfersImporter.looksLike(Files.readAllLines(resource(FIXTURE)))).isTrue();
  }

  @Test
  void looksLike_otherFormats_isFalse() {
    assertThat(SipriTransfersImporter.looksLike(List.of("Entity,Code,Year,Military expenditure (% of GDP)")))
        .isFalse();
    assertThat(SipriTransfersImporter.looksLike(List.of("Country,2014,2015"))).isFalse();
  }
}
