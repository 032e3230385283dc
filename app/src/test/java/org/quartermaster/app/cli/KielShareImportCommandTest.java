package org.quartermaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.importer.ImportFixtures;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * End to end through {@link Main}'s wiring: Kiel's relative country summary imported into a seeded store,
 * then {@code qm query aid --by donor --per gdp} shows Kiel's own shares with basis kiel; a share column
 * holding amounts exits 2 with the store as before.
 */
class KielShareImportCommandTest {
  private static final String RELATIVE = "third_party/kiel_release28/country_summary_relative.csv";
  @TempDir Path dir;

  @Test
  void importRelativeThenQueryPerGdp_showsKielsShareAndNamesKielsTable() throws IOException {
    String db = CliRun.seededStore(dir.resolve("s.duckdb")).toString();

    CliRun imported = CliRun.qm("--db", db, "import", ImportFixtures.resource(RELATIVE).toString(),
        "--allow-duplicates");
    CliRun query = CliRun.qm("--db", db, "query", "aid", "--by", "donor", "--category", "total", "--measure",
        "allocation", "--per", "gdp", "--columns", "donor,value_unit,value,share_basis");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("42 rows added to aid");
    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out()).contains("Germany                      % of donor GDP 2021  0.70228  kiel")
        .contains("Poland                       % of donor GDP 2021  1.02078  kiel")
        .contains("Country Summary (EUR), total allocations and as % of GDP (2021)")
        .contains("share_basis kiel: Kiel's own share of the donor's GDP 2021")
        .doesNotContain("computed");
  }

  @Test
  void importRelativeWithAnAmountAsShare_exits2AndLeavesTheStoreAsItWas() throws IOException {
    Path db = CliRun.seededStore(dir.resolve("s.duckdb"));
    List<String> lines = Files.readAllLines(ImportFixtures.resource(RELATIVE));
    Path bad = Files.write(dir.resolve("country_summary_relative.csv"), lines.stream()
        .map(l -> l.replace(",0.7022838634075417,", ",3601.7499999999454,")).toList());
    Map<String, Object> before;
    try (Store store = Store.open(db)) {
      before = StoreCounts.of(store);
    }

    CliRun run = CliRun.qm("--db", db.toString(), "import", bad.toString(), "--allow-duplicates");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(bad + ":15:andel_bnp_pct: '3601.7499999999454'", "is not a percentage of GDP");
    try (Store store = Store.open(db)) {
      assertThat(StoreCounts.of(store)).isEqualTo(before);
    }
  }
}
