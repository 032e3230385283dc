package org.quartermaster.app.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.store.Store;

/**
 * The dataset shipped with Quartermaster (sourced public figures, each row with its source URL, date
 * and vintage; see the README beside the files), loaded into a new store together with the country
 * list. Each file becomes a dataset marked {@code bundled}, through the same importer as users'
 * files.
 */
public final class BundledDataset {
  /** The files, in the order they are loaded. */
  public static final List<String> FILES =
      List.of("nato_defence_pct_gdp.csv", "aid_to_ukraine.csv", "munitions_production.csv", "contracts.csv");

  private BundledDataset() {}

  /** Loads the countries and the bundled files into the store unless it already has them. */
  public static void seedIfEmpty(Store store, Countries countries) {
    boolean seeded = store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM countries")) {
        r.next();
        return r.getLong(1) > 0;
      }
    });
    if (seeded) {
      return;
    }
    store.write(c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO countries VALUES (?, ?, ?, ?, ?)")) {
        for (Country country : countries.all()) {
          insert.setString(1, country.iso3());
          insert.setString(2, country.name());
          insert.setObject(3, country.natoSince());
          insert.setObject(4, country.euSince());
          insert.setObject(5, country.euUntil());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
    ImportService service = new ImportService(store, countries, Importers.standard());
    Path dir = null;
    try {
      dir = Files.createTempDirectory("qm-bundled-");
      for (String name : FILES) {
        Path file = dir.resolve(name);
        try (InputStream in = BundledDataset.class.getResourceAsStream("/org/quartermaster/app/bundled/" + name)) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        service.run(new ImportRequest(file, ImportFormat.QM_CSV, null, null, null, false, false), Overlap.ALLOW, true,
            "bundled/" + name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary folder left behind is harmless; the seeding itself succeeded
    }
  }
}
