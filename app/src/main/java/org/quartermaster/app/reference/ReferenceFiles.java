package org.quartermaster.app.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.store.Store;

/**
 * The reference series shipped with Quartermaster (GDP, population, exchange rates, price indices; see
 * the README beside the bundled files), loaded into the store's {@code reference_series} at start. A
 * file whose bytes differ from those recorded in {@code reference_files} (a new store, or a build that
 * ships re-cited or newer figures) has its rows replaced in one transaction; others are left alone.
 */
public final class ReferenceFiles {
  /** The files, in the order they are loaded. */
  public static final List<String> FILES = List.of(
      "reference_gdp_population.csv", "reference_exchange_rates.csv", "reference_price_indices.csv");

  private static final CsvMapper CSV = new CsvMapper();
  private static final String INSERT =
      "INSERT INTO reference_series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private ReferenceFiles() {}

  /** @return the files whose rows were (re)loaded */
  public static List<String> loadChanged(Store store) {
    Map<String, String> loaded = store.read(c -> {
      Map<String, String> byName = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT file_name, sha256 FROM reference_files");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          byName.put(r.getString(1), r.getString(2));
        }
      }
      return byName;
    });
    List<String> changed = new ArrayList<>();
    for (String name : FILES) {
      byte[] bytes = shipped(name);
      String sha256 = sha256(bytes);
      if (sha256.equals(loaded.get(name))) {
        continue;
      }
      List<ReferenceRow> rows = parse(name, bytes);
      store.write(Set.of(Store.Table.DATASETS), c -> {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM reference_series WHERE file_name = ?");
            PreparedStatement forget = c.prepareStatement("DELETE FROM reference_files WHERE file_name = ?")) {
          delete.setString(1, name);
          delete.executeUpdate();
          forget.setString(1, name);
          forget.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
          for (ReferenceRow row : rows) {
            row.bind(insert);
            insert.addBatch();
          }
          insert.executeBatch();
        }
        try (PreparedStatement record = c.prepareStatement("INSERT INTO reference_files VALUES (?, ?, now(), ?)")) {
          record.setString(1, name);
          record.setString(2, sha256);
          record.setLong(3, rows.size());
          record.executeUpdate();
        }
        return null;
      });
      changed.add(name);
    }
    return changed;
  }

  /** The rows of a reference file, each checked ({@link ReferenceRow}); a bad shipped file is a build defect. */
  static List<ReferenceRow> parse(String name, byte[] bytes) {
    List<ReferenceRow> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> records = CSV.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(bytes)) {
      int fileRow = 1;
      while (records.hasNext()) {
        fileRow++;
        rows.add(ReferenceRow.of(name, fileRow, records.next()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] shipped(String name) {
    try (InputStream in = ReferenceFiles.class.getResourceAsStream("/org/quartermaster/app/bundled/" + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled reference file missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
