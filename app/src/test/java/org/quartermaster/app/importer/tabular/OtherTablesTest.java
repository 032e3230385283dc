package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.ContractRow;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ParsedFile;

/** Deliveries, production and contracts through the generic CSV importer. */
class OtherTablesTest {
  @TempDir
  Path dir;

  private ParsedFile importCsv(String csv, String mapping) throws IOException {
    Path file = Files.writeString(dir.resolve("data.csv"), csv);
    Path mappingFile = Files.writeString(dir.resolve("mapping.yaml"), mapping);
    return new CsvImporter().read(new ImportRequest(file, null, mappingFile, null, null, false, false),
        Countries.standard());
  }

  @Test
  void read_productionRanges_giveLowAndHigh() throws IOException {
    ParsedFile parsed = importCsv("""
        item,producer,country,value,kind
        155mm shell,Rheinmetall,DEU,12000-20000,Capacity
        155mm shell,US Army,USA,about 80000,target
        """, """
        table: production
        columns: {item: item, producer: producer, country: country, value_text: value, kind: kind}
        constants: {period: month, unit: rounds}
        """);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).map(ProductionRow.class::cast)
        .extracting(ProductionRow::valueLow, ProductionRow::valueHigh, ProductionRow::valueText, ProductionRow::kind)
        .containsExactly(tuple(12000.0, 20000.0, "12000-20000", "capacity"), tuple(null, null, "about 80000", "target"));
  }

  @Test
  void read_contractQuantities_giveTheirQualifier() throws IOException {
    ParsedFile parsed = importCsv("""
        buyer,item,quantity,value,date
        Germany; Italy; Netherlands,FIM-92K Stinger,940,700000000,2024-07-09
        NSPA members,155mm shell,up to 1000000,,2024
        Poland,K2 tank,lots,,2022-08
        """, """
        table: contracts
        columns: {buyers: buyer, item: item, quantity: quantity, value: value, date: date}
        constants: {currency: USD}
        """);

    assertThat(parsed.rows()).map(ContractRow.class::cast)
        .extracting(ContractRow::quantity, ContractRow::quantityQualifier, ContractRow::date)
        .containsExactly(tuple(940.0, "exact", "2024-07-09"), tuple(1000000.0, "up to", "2024"));
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(4);
      assertThat(p.column()).isEqualTo("quantity");
      assertThat(p.value()).isEqualTo("lots");
    });
  }

  @Test
  void read_deliveriesWithEstimatedYearsAndNonStateActors_keepTheirMarkers() throws IOException {
    ParsedFile parsed = importCsv("""
        id,supplier,recipient,order year,delivered,status
        1,United States,Ukraine,2022,38,delivered
        2,Unknown supplier(s),Houthi rebels (Yemen)*,2019e,10,estimate
        """, """
        table: deliveries
        columns: {record_id: id, supplier: supplier, recipient: recipient, order_year: order year,
                  number_delivered: delivered, status: status}
        institutions: [Unknown supplier(s), Houthi rebels (Yemen)*]
        """);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).map(DeliveryRow.class::cast)
        .extracting(DeliveryRow::supplierIso3, DeliveryRow::recipientIso3, DeliveryRow::orderYear,
            DeliveryRow::orderYearEstimate, DeliveryRow::numberDelivered)
        .containsExactly(tuple("USA", "UKR", 2022, null, 38), tuple(null, null, 2019, true, 10)); // unmarked: unknown
  }
}
