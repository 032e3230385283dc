package org.quartermaster.app.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.store.RowWriter;
import org.quartermaster.app.store.Store;

/**
 * Test fixture: an in-memory store seeded with the bundled dataset as the application seeds it (the
 * same files are also kept under test resources {@code bundled-sample/} for tests that read them
 * directly), plus a few hand-written SIPRI-style delivery records in two vintages (record R1 is in
 * both).
 */
public final class BundledSample {
  public static final int SPENDING_ROWS = 514;
  public static final int AID_ROWS = 225;
  public static final int PRODUCTION_ROWS = 74; // the file's other 58 rows are transfers
  public static final int TRANSFER_ROWS = 58;
  public static final int CONTRACTS_ROWS = 24;
  public static final int DELIVERY_ROWS = 5;
  public static final int DATASETS = 6;

  private static final Provenance SIPRI_2024 = new Provenance("https://armstransfers.sipri.org/a", null,
      "SIPRI trade register, March 2024", "2024-03", "SIPRI");
  private static final Provenance SIPRI_2025 = new Provenance("https://armstransfers.sipri.org/b", null,
      "SIPRI trade register, March 2025", "2025-03", "SIPRI");
  private static final List<DeliveryRow> DELIVERIES_2024 = List.of(
      new DeliveryRow(2, "R1", "United States", "USA", "Ukraine", "UKR", "FIM-92 Stinger", "portable SAM", "SAM", 2022,
          false, 1600, true, "2022", false, "delivered", 0.02, 32.0, null, SIPRI_2024),
      new DeliveryRow(3, "R2", "Germany", "DEU", "Ukraine", "UKR", "Gepard", "self-propelled AA gun", "AA", 2022,
          false, 52, false, "2022-2023", false, "delivered", 1.5, 78.0, null, SIPRI_2024));
  private static final List<DeliveryRow> DELIVERIES_2025 = List.of(
      new DeliveryRow(2, "R1", "United States", "USA", "Ukraine", "UKR", "FIM-92 Stinger", "portable SAM", "SAM", 2022,
          false, 2000, true, "2022-2023", true, "delivered", 0.02, 40.0, null, SIPRI_2025),
      new DeliveryRow(3, "R3", "United States", "USA", "Poland", "POL", "AH-64E Apache", "combat helicopter",
          "helicopter", 2024, false, null, false, null, false, "on order", 25.0, null, null, SIPRI_2025),
      new DeliveryRow(4, "R4", "France", "FRA", "Ukraine", "UKR", "CAESAR", "155mm self-propelled gun", "artillery",
          2022, false, 49, true, "2022-2024", false, "delivered", 4.0, 196.0, null, SIPRI_2025));
  private static final String DATASET = """
      INSERT INTO datasets (dataset_id, file_name, sha256, format, table_name, imported_at, row_count, rows_read,
                            source_url, vintage, bundled)
      VALUES (?, ?, ?, ?, ?, TIMESTAMP '2026-01-02 03:04:05', ?, ?, ?, ?, ?)
      """;

  private BundledSample() {}

  /**
   * A new in-memory store with the bundled dataset, loaded the way the application loads it (datasets
   * 1 to 4), plus two hand-written SIPRI-style delivery datasets (5 and 6).
   */
  public static Store store() {
    Store store = Store.inMemory();
    BundledDataset.seedIfEmpty(store, Countries.standard());
    store.write(connection -> {
      RowWriter.append(connection, "deliveries_rows", 5, DELIVERIES_2024);
      RowWriter.append(connection, "deliveries_rows", 6, DELIVERIES_2025);
      dataset(connection, 5, "sipri_2024-03.csv", "0".repeat(64), "sipri-transfers", "deliveries", 2,
          "https://armstransfers.sipri.org/a", "2024-03", false);
      dataset(connection, 6, "sipri_2025-03.csv", "f".repeat(64), "sipri-transfers", "deliveries", 3,
          "https://armstransfers.sipri.org/b", "2025-03", false);
      return null;
    });
    return store;
  }

  /** The file of one sample CSV. */
  public static Path file(String name) {
    URL url = BundledSample.class.getResource("/bundled-sample/" + name);
    if (url == null) {
      throw new IllegalStateException("test resource bundled-sample/" + name + " missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }


  private static void dataset(Connection connection, int id, String file, String sha256, String format,
      String table, int rows, String sourceUrl, String vintage, boolean bundled) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(DATASET)) {
      Object[] values = {id, file, sha256, format, table, rows, rows, sourceUrl, vintage, bundled};
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

}
