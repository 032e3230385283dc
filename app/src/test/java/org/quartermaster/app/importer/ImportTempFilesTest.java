package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;

/** Temporary import files live beside the store, go when their import ends, and what a kill left is removed. */
class ImportTempFilesTest {
  private static final String CONTRACTS = "buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n"
      + "Poland,,CAMM missiles,1000,1900000000,GBP,2023-11-07,MBDA UK,https://example.org/camm,sample\n";

  @TempDir Path dir;

  private static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void removeLeftovers_removesTheFolderAndWhatIsInItAndNothingElse() throws IOException {
    Path storeFile = dir.resolve("store.duckdb");
    Files.writeString(storeFile, "not touched");
    Path duckDbTemp = Files.createDirectories(dir.resolve("store.duckdb.tmp"));
    Files.writeString(duckDbTemp.resolve("spill"), "DuckDB's own");
    Path folder = ImportTempFiles.folderOf(storeFile);
    assertThat(folder).isEqualTo(dir.resolve("store.duckdb.import-tmp"));
    Files.createDirectories(folder.resolve("qm-upload-123"));
    Files.writeString(folder.resolve("qm-upload-123/aid.csv"), "a,b\n");
    Files.writeString(folder.resolve("qm-rows-456.csv"), "1,2\n");

    int removed = ImportTempFiles.removeLeftovers(storeFile);

    assertThat(removed).isEqualTo(3);
    assertThat(folder).doesNotExist();
    assertThat(names(dir)).containsExactly("store.duckdb", "store.duckdb.tmp");
    assertThat(names(duckDbTemp)).containsExactly("spill");
    assertThat(ImportTempFiles.removeLeftovers(storeFile)).isZero();
  }

  @Test
  void import_stagesItsRowsBesideTheStoreAndLeavesNoFileBehind() throws IOException {
    Path storeFile = dir.resolve("store.duckdb");
    try (Store store = Store.open(storeFile)) {
      BundledDataset.seedIfEmpty(store, Countries.standard());
      Path file = Files.writeString(dir.resolve("contracts.csv"), CONTRACTS);

      new ImportService(store, Countries.standard(), Importers.standard())
          .run(new ImportRequest(file, null, null, null, null, false, false));

      Path folder = ImportTempFiles.folderOf(storeFile);
      assertThat(folder).as("made on demand by the seeding and the import").isDirectory();
      assertThat(names(folder)).isEmpty();
    }
  }

  @Test
  void failedImport_afterItsRowsWereStaged_leavesNoFileBehind() throws IOException {
    Path storeFile = dir.resolve("store.duckdb");
    try (Store store = Store.open(storeFile)) {
      ImportService service = new ImportService(store, Countries.standard(), Importers.standard());
      service.run(new ImportRequest(Files.writeString(dir.resolve("first.csv"), CONTRACTS), null, null, null, null,
          false, false));
      Path again = Files.writeString(dir.resolve("again.csv"), CONTRACTS + "\n");

      // the same figures under another file: refused once the rows are staged and inserted
      ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
          () -> service.run(new ImportRequest(again, null, null, null, null, false, false)));

      assertThat(e).isNotNull();
      assertThat(names(ImportTempFiles.folderOf(storeFile))).isEmpty();
    }
  }
}
