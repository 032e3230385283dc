package org.quartermaster.app.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.store.Store;

/** {@link ReferenceFiles}: the shipped reference series load whole, once, and again only when their bytes change. */
class ReferenceFilesTest {
  /** Data rows of the three shipped files (their lines less the header). */
  private static final long SHIPPED_ROWS = 903 + 12 + 11;

  private static long count(Store store, String sql) {
    return store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  @Test
  void loadChanged_newStore_loadsEveryShippedRowWithItsCitation() {
    try (Store store = Store.inMemory()) {
      assertThat(ReferenceFiles.loadChanged(store)).containsExactlyElementsOf(ReferenceFiles.FILES);

      assertThat(count(store, "SELECT count(*) FROM reference_series")).isEqualTo(SHIPPED_ROWS);
      assertThat(count(store, "SELECT count(*) FROM reference_series WHERE source_url IS NULL OR publisher IS NULL"
          + " OR release IS NULL OR source_grade NOT IN ('official', 'relay')")).isZero();
      // World Bank GDP of Germany in 2021, current US$, as the copy gives it
      assertThat(count(store, "SELECT count(*) FROM reference_series WHERE series = 'gdp' AND iso3 = 'DEU'"
          + " AND year = 2021 AND value = 4278503934689.8535 AND publisher = 'World Bank'")).isEqualTo(1);
    }
  }

  @Test
  void loadChanged_again_loadsNothing() {
    try (Store store = Store.inMemory()) {
      ReferenceFiles.loadChanged(store);

      assertThat(ReferenceFiles.loadChanged(store)).isEmpty();
      assertThat(count(store, "SELECT count(*) FROM reference_series")).isEqualTo(SHIPPED_ROWS);
    }
  }

  @Test
  void loadChanged_fileRecordedWithOtherBytes_replacesThatFileOnly() {
    try (Store store = Store.inMemory()) {
      ReferenceFiles.loadChanged(store);
      store.write(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("DELETE FROM reference_series WHERE file_name = 'reference_exchange_rates.csv' AND year = 2014");
          s.execute("UPDATE reference_files SET sha256 = 'older' WHERE file_name = 'reference_exchange_rates.csv'");
        }
        return null;
      });

      assertThat(ReferenceFiles.loadChanged(store)).containsExactly("reference_exchange_rates.csv");
      assertThat(count(store, "SELECT count(*) FROM reference_series")).isEqualTo(SHIPPED_ROWS);
    }
  }

  /** A store seeded before the reference series existed gets them when the application next opens it. */
  @Test
  void seedOrRefresh_storeSeededWithoutReferenceSeries_loadsThem() {
    try (Store store = Store.inMemory()) {
      BundledDataset.seedIfEmpty(store, Countries.standard());
      store.write(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("DELETE FROM reference_series");
          s.execute("DELETE FROM reference_files");
        }
        return null;
      });

      assertThat(BundledDataset.seedOrRefresh(store, Countries.standard())).containsAll(ReferenceFiles.FILES);
      assertThat(count(store, "SELECT count(*) FROM reference_series")).isEqualTo(SHIPPED_ROWS);
      assertThat(BundledDataset.seedOrRefresh(store, Countries.standard())).isEmpty();
    }
  }

  @Test
  void parse_unknownGrade_namesTheFileRowColumnAndValue() {
    byte[] file = """
        series,iso3,country,year,value,unit,release,as_of,source_url,source_title,publisher,source_grade,via_url,note
        gdp,DEU,Germany,2021,1,USD,r,2026,https://a,t,p,rumour,,
        """.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ReferenceFiles.parse("x.csv", file))
        .hasMessageContaining("x.csv, row 2, column source_grade: 'rumour' is not a grade");
  }

  @Test
  void parse_valueNotANumber_namesTheFileRowColumnAndValue() {
    byte[] file = """
        series,iso3,country,year,value,unit,release,as_of,source_url,source_title,publisher,source_grade,via_url,note
        gdp,DEU,Germany,2021,n/a,USD,r,2026,https://a,t,p,official,,
        """.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ReferenceFiles.parse("x.csv", file))
        .hasMessageContaining("x.csv, row 2, column value: 'n/a' is not a plain number");
  }
}
