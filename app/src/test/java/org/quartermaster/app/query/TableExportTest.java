package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.app.store.Store;

/** {@link TableExport}: every table in every format, read back by DuckDB; targets that cannot be written. */
class TableExportTest {
  private static Store store;

  @TempDir Path dir;

  @BeforeAll
  static void load() {
    store = BundledSample.store();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static Stream<Arguments> tablesAndFormats() {
    return Stream.of(ExportTable.values())
        .flatMap(table -> Stream.of(ExportFormat.values()).map(format -> Arguments.of(table, format)));
  }

  /** Rows DuckDB reads back from an exported file. */
  static long readBack(Store store, ExportFormat format, Path file) {
    String sql = switch (format) {
      case CSV -> "SELECT count(*) FROM read_csv(?, header = true)";
      case PARQUET -> "SELECT count(*) FROM read_parquet(?)";
      case JSON -> "SELECT count(*) FROM read_json(?)";
    };
    return store.read(connection -> {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, file.toString());
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  private static long count(ExportTable table) {
    return ((Number) SqlQuery.run(store, "SELECT count(*) AS n FROM " + table.sqlName()).rows().getFirst().getFirst())
        .longValue();
  }

  @ParameterizedTest
  @MethodSource("tablesAndFormats")
  void write_eachTableAndFormat_isReadBackByDuckDbWithTheSameCount(ExportTable table, ExportFormat format)
      throws IOException {
    Path out = dir.resolve(table.cliName() + "." + format.cliName());

    long written = TableExport.write(store, table, format, out);

    assertThat(written).isEqualTo(count(table)).isPositive();
    assertThat(readBack(store, format, out)).isEqualTo(written);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void write_csv_hasTheTablesColumnsAsHeader() throws IOException {
    Path out = dir.resolve("spending.csv");

    TableExport.write(store, ExportTable.SPENDING, ExportFormat.CSV, out);

    assertThat(Files.readAllLines(out).getFirst()).isEqualTo("dataset_id,file_row,source,iso3,country,year,pct_gdp,"
        + "amount,currency,estimate,source_url,as_of,vintage,vintage_month,publisher,source_title,source_grade,via_url,"
        + "note,unit,price_base");
  }

  @Test
  void write_existingFile_isReplacedWhole() throws IOException {
    Path out = dir.resolve("contracts.json");
    Files.writeString(out, "old");

    TableExport.write(store, ExportTable.CONTRACTS, ExportFormat.JSON, out);

    assertThat(Files.readString(out)).startsWith("[").contains("FIM-92K Stinger Block I");
    assertThat(readBack(store, ExportFormat.JSON, out)).isEqualTo(BundledSample.CONTRACTS_ROWS);
  }

  /** A killed export leaves its temporary file; the next export to the same file removes it. */
  @Test
  void write_afterAKilledExport_removesItsTemporaryFile_andKeepsOthers() throws IOException {
    Path out = dir.resolve("spending.csv");
    Path killed = Files.writeString(dir.resolve(".spending.csv.2147483646.123.partial"), "half");
    Path running = Files.writeString(dir.resolve(".spending.csv." + ProcessHandle.current().pid() + ".1.partial"),
        "in progress");
    Path unrelated = Files.writeString(dir.resolve(".aid.csv.2147483646.123.partial"), "another target's");

    TableExport.write(store, ExportTable.SPENDING, ExportFormat.CSV, out);

    assertThat(killed).doesNotExist();
    assertThat(running).exists();
    assertThat(unrelated).exists();
    assertThat(out).exists();
  }

  @Test
  void checkTarget_missingFolder_throwsNamingIt() {
    Path out = dir.resolve("missing").resolve("aid.csv");

    assertThatThrownBy(() -> TableExport.write(store, ExportTable.AID, ExportFormat.CSV, out))
        .isInstanceOf(QueryException.class).hasMessageContaining("does not exist");
    assertThat(Files.exists(out.getParent())).isFalse();
  }

  @Test
  void checkTarget_directory_throwsAndLeavesItAlone() throws IOException {
    Path out = Files.createDirectory(dir.resolve("aid.csv"));

    assertThatThrownBy(() -> TableExport.checkTarget(out))
        .isInstanceOf(QueryException.class).hasMessageContaining("is a directory");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void ofFile_extension_namesTheFormat() {
    assertThat(ExportFormat.ofFile(Path.of("a.PARQUET"))).contains(ExportFormat.PARQUET);
    assertThat(ExportFormat.ofFile(Path.of("a.json"))).contains(ExportFormat.JSON);
    assertThat(ExportFormat.ofFile(Path.of("a.txt"))).isEmpty();
  }
}
