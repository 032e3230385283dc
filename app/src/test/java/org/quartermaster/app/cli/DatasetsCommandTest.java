package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.query.BundledSample;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** {@code qm datasets list|show|rm} end to end. */
class DatasetsCommandTest {
  private static final String HEADER = "buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n";

  @TempDir Path dir;

  private static CliRun sample(String... args) {
    return StoreCli.qm(BundledSample::store, args);
  }

  private Path db() {
    return CliRun.seededStore(dir.resolve("s.duckdb"));
  }

  private CliRun qm(String... args) {
    String[] withDb = java.util.Arrays.copyOf(args, args.length + 2);
    withDb[args.length] = "--db";
    withDb[args.length + 1] = db().toString();
    return CliRun.qm(withDb);
  }

  @Test
  void list_printsWhatQueryDatasetsPrints() {
    CliRun list = sample("datasets", "list", "--format", "csv");
    CliRun alias = sample("query", "datasets", "--format", "csv");

    assertThat(list.exitCode()).as(list.err()).isZero();
    // two stores seeded apart: all but the import times alike
    String time = "\\d{4}-\\d{2}-\\d{2}T[0-9:.]+";
    assertThat(list.out().replaceAll(time, "T")).isEqualTo(alias.out().replaceAll(time, "T"));
    assertThat(list.out().lines().findFirst()).hasValue(
        "dataset_id,file,sha256,format,mapping,table,imported_at,rows,source_url,sourcing,vintage,bundled");
  }

  @Test
  void list_importWithoutSourceUrl_isAcceptedWithAWarningAndListedUnsourced() throws IOException {
    Path file = Files.writeString(dir.resolve("c.csv"), HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n");

    CliRun imported = qm("import", file.toString());
    CliRun list = qm("datasets", "list");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.err()).isEqualTo("qm: warning: " + file + ": no source URL (neither in the file nor"
        + " --source-url): dataset 5 is listed as unsourced\n");
    assertThat(list.out().lines().filter(line -> line.contains("c.csv"))).singleElement().asString()
        .contains("unsourced");
    assertThat(list.out().lines().filter(line -> line.contains("bundled/"))).allMatch(line -> line.contains(" sourced"));
  }

  @Test
  void show_printsTheRecordTheRowsPerTableAndTheFirstRows() {
    CliRun run = sample("datasets", "show", "4");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Dataset 4: bundled/contracts.csv")
        .contains("format       qm-csv")
        .contains("Rows of dataset 4 per table")
        .contains("The first rows of dataset 4 (contracts)")
        .contains("5 rows.");
  }

  @Test
  void show_json_isOneArrayOfTheThreeParts() throws IOException {
    CliRun run = sample("datasets", "show", "1", "--format", "json");

    JsonNode parts = JsonMapper.builder().build().readTree(run.out());
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).get("rows").get(1).get("value").asText()).isEqualTo("bundled/nato_defence_pct_gdp.csv");
    assertThat(parts.get(1).get("rows").get(0).get("rows").asLong()).isEqualTo(BundledSample.SPENDING_ROWS);
    assertThat(parts.get(2).get("rows")).hasSize(5);
  }

  @Test
  void showAndRm_unknownId_exitTwoNamingIt() {
    CliRun show = sample("datasets", "show", "99");
    CliRun rm = sample("datasets", "rm", "99");

    for (CliRun run : new CliRun[] {show, rm}) {
      assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
      assertThat(run.err()).isEqualTo("qm: no dataset 99 in the store; qm datasets list lists them\n");
    }
  }

  @Test
  void rm_importedDataset_removesItAndItsRowsAndTheStoreIsAsBeforeTheImport() throws IOException {
    qm("datasets", "list");
    Map<String, Object> before;
    try (Store store = Store.open(db())) {
      before = StoreCounts.of(store);
    }
    Path file = Files.writeString(dir.resolve("c.csv"), HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,https://x.org,\n"
        + "Italy,,Aster,10,5,EUR,2024,MBDA,https://x.org,\n");
    qm("import", file.toString());

    CliRun rm = qm("datasets", "rm", "5");

    assertThat(rm.exitCode()).as(rm.err()).isZero();
    assertThat(rm.out()).contains("Removed dataset 5 (" + file + ") and its rows");
    try (Store store = Store.open(db())) {
      assertThat(StoreCounts.of(store)).isEqualTo(before);
    }
  }

  @Test
  void rm_bundledDataset_isRefusedUnlessForced() {
    CliRun refused = qm("datasets", "rm", "2");
    CliRun forced = qm("datasets", "rm", "2", "--force", "--format", "csv");

    assertThat(refused.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(refused.err()).isEqualTo("qm: dataset 2 (bundled/aid_to_ukraine.csv) is bundled with qm: nothing"
        + " removed; give --force to remove it anyway\n");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(forced.out()).startsWith("dataset_id,file,table,rows_removed,bundled\r\n2,bundled/aid_to_ukraine.csv,aid,");
    try (Store store = Store.open(db())) {
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid")).isZero();
    }
  }

  @Test
  void help_showsEveryOptionWithItsDefault() {
    CliRun run = CliRun.qm("datasets", "rm", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--force");
  }
}
