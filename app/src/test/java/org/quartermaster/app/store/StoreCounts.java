package org.quartermaster.app.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of every table and the dataset list: "the store exactly as before" in tests. */
public final class StoreCounts {
  private static final List<String> TABLES =
      List.of("datasets", "countries", "defence_spending", "aid", "deliveries", "production", "contracts", "transfers",
          "munitions", "munition_aliases", "provenance");

  private StoreCounts() {}

  public static Map<String, Object> of(Store store) {
    return store.read(c -> {
      Map<String, Object> counts = new LinkedHashMap<>();
      try (Statement s = c.createStatement()) {
        for (String table : TABLES) {
          try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            counts.put(table, r.getLong(1));
          }
        }
        try (ResultSet r = s.executeQuery("SELECT string_agg(dataset_id || ':' || file_name, ',' ORDER BY dataset_id)"
            + " FROM datasets")) {
          r.next();
          counts.put("dataset list", r.getString(1));
        }
      }
      return counts;
    });
  }

  public static long count(Store store, String sql) {
    return store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
        r.next();
        return r.getLong(1);
      }
    });
  }
}
