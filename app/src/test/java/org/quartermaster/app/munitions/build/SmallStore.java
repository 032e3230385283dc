package org.quartermaster.app.munitions.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.TransferredProduction;
import org.quartermaster.app.store.Store;

/** A store holding only the files a test writes: imported as a user's Quartermaster CSV files are. */
final class SmallStore {
  static final String PRODUCTION_HEADER = "item,producer,country,date,value,period,unit,kind,target_date,source_url,"
      + "source_title,publisher,source_grade,via_url,note\n";
  static final String CONTRACTS_HEADER = "contract_id,buyer,agency,item,quantity,value,currency,date,supplier,"
      + "source_url,source_title,publisher,source_grade,via_url,note\n";

  private SmallStore() {}

  /** An empty store with the countries table filled, as every store has it (transfers read ISO codes from it). */
  static Store withCountries() {
    Store store = Store.inMemory();
    BundledDataset.writeCountries(store, Countries.standard());
    return store;
  }

  /** Imports {@code text} as the file {@code name} (the table is read from its header). */
  static void load(Store store, Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, text);
      new ImportService(store, Countries.standard(), Importers.standard())
          .run(new ImportRequest(file, ImportFormat.QM_CSV, null, null, null, false, false));
      TransferredProduction.move(store, Catalogue.bundled());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
