package org.quartermaster.app.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.TransferredProduction;
import org.quartermaster.app.reference.ReferenceFiles;
import org.quartermaster.app.store.Store;

/**
 * The dataset shipped with Quartermaster (sourced public figures, each row with its source URL, date
 * and vintage; see the README beside the files), loaded into a new store together with the country
 * list. Each file becomes a dataset marked {@code bundled}, through the same importer as users'
 * files. A store seeded by an earlier build has its bundled datasets brought up to this build's files
 * ({@link #refreshIfChanged}): re-cited figures replace the old copies, each in one transaction. The
 * reference series (GDP, population, exchange rates, price indices) are loaded beside them
 * ({@link ReferenceFiles}).
 */
public final class BundledDataset {
  /** The files, in the order they are loaded. */
  public static final List<String> FILES =
      List.of("nato_defence_pct_gdp.csv", "aid_to_ukraine.csv", "munitions_production.csv", "contracts.csv");

  private BundledDataset() {}

  /**
   * Loads the countries and the bundled files into a new store; in a store that has them, replaces each
   * bundled dataset whose file this build ships changed ({@link #refreshIfChanged}).
   *
   * @return the bundled files replaced in an existing store (none for a new store)
   */
  public static List<String> seedOrRefresh(Store store, Countries countries) {
    boolean seeded = store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM countries")) {
        r.next();
        return r.getLong(1) > 0;
      }
    });
    if (!seeded) {
      seedIfEmpty(store, countries);
      return List.of();
    }
    List<String> replaced = new ArrayList<>(refreshIfChanged(store, countries));
    replaced.addAll(ReferenceFiles.loadChanged(store));
    return replaced;
  }

  /**
   * Replaces each bundled dataset whose file this build ships with other bytes (the figures re-cited,
   * corrected or added) by this build's file, in one transaction per file: the old rows go and the new
   * come, or nothing changes. A bundled dataset the user removed stays removed.
   *
   * @return the files replaced
   */
  public static List<String> refreshIfChanged(Store store, Countries countries) {
    Map<String, String[]> stored = store.read(c -> {
      Map<String, String[]> byName = new HashMap<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
          "SELECT file_name, dataset_id, sha256 FROM datasets WHERE bundled ORDER BY dataset_id")) {
        while (r.next()) {
          byName.put(r.getString(1), new String[] {r.getString(2), r.getString(3)});
        }
      }
      return byName;
    });
    List<String> replaced = new ArrayList<>();
    ImportService service = new ImportService(store, countries, Importers.standard());
    for (String name : FILES) {
      String[] dataset = stored.get(RECORDED_PREFIX + name);
      if (dataset == null) {
        continue;
      }
      byte[] shipped = shipped(name);
      if (ImportIdentity.sha256(shipped).equals(dataset[1])) {
        continue;
      }
      int old = Integer.parseInt(dataset[0]);
      withCopy(store, name, shipped, file -> service.run(request(file), Overlap.replaceKeepingOthers(old), true,
          RECORDED_PREFIX + name));
      replaced.add(name);
    }
    TransferredProduction.move(store, Catalogue.bundled());
    return replaced;
  }

  private static final String RECORDED_PREFIX = "bundled/";

  private static ImportRequest request(Path file) {
    return new ImportRequest(file, ImportFormat.QM_CSV, null, null, null, false, false);
  }

  private static byte[] shipped(String name) {
    try (InputStream in = BundledDataset.class.getResourceAsStream("/org/quartermaster/app/bundled/" + name)) {
      if (in == null) {
        throw new IllegalStateException("bundled file missing from the jar: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code work} on a temporary copy of a shipped file (among the store's temporary import files), removed afterwards. */
  private static void withCopy(Store store, String name, byte[] bytes, java.util.function.Consumer<Path> work) {
    Path dir = null;
    try {
      dir = ImportTempFiles.of(store).newFolder("qm-bundled-");
      Path file = dir.resolve(name);
      Files.write(file, bytes);
      work.accept(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ImportTempFiles.delete(dir);
    }
  }

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
    ReferenceFiles.loadChanged(store);
    writeCountries(store, countries);
    ImportService service = new ImportService(store, countries, Importers.standard());
    for (String name : FILES) {
      withCopy(store, name, shipped(name), file -> service.run(request(file), Overlap.ALLOW, true, RECORDED_PREFIX + name));
    }
    TransferredProduction.move(store, Catalogue.bundled());
  }

  /** Fills the store's {@code countries} table (ISO codes, names, NATO and EU membership), as every store has it. */
  public static void writeCountries(Store store, Countries countries) {
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
  }
}
