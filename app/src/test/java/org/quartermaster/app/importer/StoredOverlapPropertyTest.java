package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.app.store.ProvenanceIds;
import org.quartermaster.app.store.ResultRows;
import org.quartermaster.app.store.Store;

/**
 * The check for figures already stored ({@link StoredOverlap}), which compares the new rows only with
 * the stored rows of their releases, against the plain semi-join of the new rows with every other
 * dataset's rows, over random stores of every table: a few provenances sharing some release columns
 * (nulls among them), stored datasets, and new rows that are fresh, copies of stored rows, or copies
 * with their provenance or one column changed. Both count the same repeated figures, and a refusal
 * names the datasets and rows the plain semi-join finds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoredOverlapPropertyTest {
  private static final int NEW = 100;
  /** Each case's outcome (table and seed: {@link Expected#outcome}), for the coverage check. */
  private static final Map<String, String> OUTCOMES = new ConcurrentHashMap<>();
  private static Store store;

  static Stream<Arguments> cases() {
    return Stream.of(Table.values()).flatMap(t -> IntStream.range(0, 30).mapToObj(seed -> Arguments.of(t, seed)));
  }

  /** What the plain semi-join finds, and whether another dataset holds rows of the new rows' releases. */
  record Expected(long repeated, List<List<Object>> perDataset, List<List<Object>> shown, boolean releaseShared) {
    String outcome() {
      return !releaseShared ? "no shared release" : repeated == 0 ? "shared release, no repeat" : "repeats";
    }
  }

  @BeforeAll
  static void open() {
    store = Store.inMemory();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("cases")
  @Order(1)
  void repeated_equalsThePlainSemiJoin(Table table, int seed) {
    Expected expected = generate(table, seed);

    long repeated = store.write(c -> StoredOverlap.repeated(c, table, NEW));
    ImportFailedException refused = catchThrowableOfType(ImportFailedException.class,
        () -> store.write(c -> {
          StoredOverlap.refuseIfAny(c, table, NEW, "new.csv");
          return null;
        }));

    assertThat(repeated).isEqualTo(expected.repeated());
    if (expected.repeated() == 0) {
      assertThat(refused).isNull();
      return;
    }
    assertThat(refused).isNotNull();
    String totals = refused.problems().getFirst().message();
    assertThat(totals).startsWith(String.format(Locale.ROOT, "%,d figure", expected.repeated()));
    assertThat(totals.substring(totals.indexOf("release (") + 9, totals.indexOf("); give")).split("; "))
        .containsExactlyElementsOf(expected.perDataset().stream().map(d -> String.format(Locale.ROOT,
            "dataset %s %s: %,d", d.get(0), d.get(1), d.get(2))).toList());
    assertThat(refused.problems().subList(1, refused.problems().size()))
        .extracting(p -> List.<Object>of(p.row(), p.value(), p.message()))
        .isEqualTo(expected.shown().stream().map(r -> List.<Object>of(((Number) r.get(0)).intValue(), r.get(1),
            "already in the store: dataset " + r.get(2) + ", row " + r.get(3))).toList());
  }

  /**
   * The generator gives every outcome for every table: no shared release, a shared one without a repeat,
   * repeats. Runs after the cases (or generates them itself when run alone).
   */
  @Test
  @Order(2)
  void cases_coverEveryOutcomeForEveryTable() {
    Map<Table, Set<String>> outcomes = new EnumMap<>(Table.class);
    cases().forEach(arguments -> {
      Table table = (Table) arguments.get()[0];
      int seed = (Integer) arguments.get()[1];
      outcomes.computeIfAbsent(table, t -> new HashSet<>())
          .add(OUTCOMES.computeIfAbsent(table + " " + seed, k -> generate(table, seed).outcome()));
    });
    for (Table table : Table.values()) {
      // the catalogue's tables key on one column drawn from five values: rows that share a release (all of
      // them: the key reads no provenance) nearly always repeat one, so that outcome is not required of them
      List<String> every = SeriesKey.of(table).size() > 1
          ? List.of("no shared release", "shared release, no repeat", "repeats")
          : List.of("no shared release", "repeats");
      assertThat(outcomes.get(table)).as(table.cliName()).containsAll(every);
    }
  }

  /** Empties the store, fills it at random for the table and the seed, and says what the plain semi-join finds. */
  private static Expected generate(Table table, int seed) {
    return store.write(c -> {
      for (Table t : Table.values()) {
        execute(c, "DELETE FROM " + t.storedName(), List.of());
      }
      execute(c, "DELETE FROM datasets", List.of());
      execute(c, "DELETE FROM provenance", List.of());
      fill(c, table, new Random(seed * 31L + table.ordinal()));
      Expected expected = expected(c, table);
      OUTCOMES.put(table + " " + seed, expected.outcome());
      return expected;
    });
  }

  /** The plain semi-join: the new rows against every row of every other dataset. */
  private static Expected expected(Connection c, Table table) throws SQLException {
    String view = table.sqlName();
    String repeating = "SELECT count(*) FROM " + view + " n WHERE n.dataset_id = " + NEW + " AND EXISTS (SELECT 1 FROM "
        + view + " o WHERE " + SeriesKey.same(table, "n", "o") + " AND o.dataset_id ";
    long repeated = (Long) rows(c, repeating + "<> n.dataset_id)").getFirst().getFirst();
    List<List<Object>> perDataset = rows(c, "SELECT * FROM (SELECT d.dataset_id, d.file_name, (" + repeating
        + "= d.dataset_id)) AS figures FROM datasets d WHERE d.table_name = '" + view + "' AND d.dataset_id <> " + NEW
        + ") WHERE figures > 0 ORDER BY dataset_id");
    List<List<Object>> shown = rows(c, "SELECT DISTINCT ON (n.file_row) n.file_row, " + SeriesKey.text(table, "n")
        + ", o.dataset_id, o.file_row FROM " + view + " n JOIN " + view + " o ON " + SeriesKey.same(table, "n", "o")
        + " AND o.dataset_id <> n.dataset_id WHERE n.dataset_id = " + NEW + " ORDER BY n.file_row, o.dataset_id,"
        + " o.file_row LIMIT " + StoredOverlap.SHOWN);
    List<String> release = SeriesKey.release(table);
    String sameRelease = release.isEmpty() ? "true" : String.join(" AND ", release.stream()
        .map(e -> e.replace("t.", "n.") + " IS NOT DISTINCT FROM " + e.replace("t.", "o.")).toList());
    boolean shared = (Boolean) rows(c, "SELECT EXISTS (SELECT 1 FROM " + view + " n JOIN " + view + " o ON "
        + sameRelease + " WHERE n.dataset_id = " + NEW + " AND o.dataset_id <> " + NEW + ")").getFirst().getFirst();
    return new Expected(repeated, perDataset, shown, shared);
  }

  /**
   * A random store for the table: provenances 1..k, each column null, "p" or "q"; up to three stored
   * datasets with up to 12 rows each; up to 12 new rows (dataset {@link #NEW}, not recorded yet, as in an
   * import's transaction). Every column of a row is drawn from five texts or two numbers or booleans (and null when nullable);
   * none, a third or two thirds of the new rows are copies of stored rows, some with their provenance or
   * one column changed.
   */
  private static void fill(Connection c, Table table, Random random) throws SQLException {
    List<Column> columns = columns(c, table);
    Set<List<String>> provenances = new HashSet<>();
    int wanted = 1 + random.nextInt(5);
    for (int i = 0; i < 4 * wanted && provenances.size() < wanted; i++) {
      provenances.add(Stream.of(ProvenanceIds.COLUMNS.split(", ")).map(x -> pick(random, "p", "q", null)).toList());
    }
    int id = 0;
    for (List<String> provenance : provenances) {
      execute(c, "INSERT INTO provenance (provenance_id, " + ProvenanceIds.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?)", Stream.concat(Stream.of(++id), provenance.stream()).toList());
    }
    int provenanceCount = id;
    List<List<Object>> stored = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    int datasets = random.nextInt(4);
    for (int d = 1; d <= datasets; d++) {
      int rows = random.nextInt(13);
      execute(c, "INSERT INTO datasets (dataset_id, file_name, sha256, format, table_name, imported_at, row_count,"
          + " rows_read) VALUES (?, ?, 'x', 'csv', ?, TIMESTAMP '2026-01-01', ?, ?)",
          List.of(d, "stored-" + d + ".csv", table.sqlName(), rows, rows));
      for (int r = 1; r <= rows; r++) {
        List<Object> values = randomRow(random, columns, provenanceCount);
        stored.add(values);
        parameters.addAll(List.of(d, r));
        parameters.addAll(values);
      }
    }
    int rows = random.nextInt(13);
    int copies = random.nextInt(3); // in thirds of the new rows: none, a third, two thirds
    for (int r = 1; r <= rows; r++) {
      List<Object> values;
      if (stored.isEmpty() || random.nextInt(3) >= copies) {
        values = randomRow(random, columns, provenanceCount);
      } else {
        values = new ArrayList<>(stored.get(random.nextInt(stored.size())));
        switch (random.nextInt(3)) {
          case 0 -> values.set(values.size() - 1, 1 + random.nextInt(provenanceCount));
          case 1 -> {
            int column = random.nextInt(columns.size());
            values.set(column, columns.get(column).draw(random));
          }
          default -> { } // an exact copy
        }
      }
      parameters.addAll(List.of(NEW, r));
      parameters.addAll(values);
    }
    if (!parameters.isEmpty()) {
      String row = "(" + String.join(", ", Collections.nCopies(columns.size() + 3, "?")) + ")";
      execute(c, "INSERT INTO " + table.storedName() + " (dataset_id, file_row, " + String.join(", ",
          columns.stream().map(Column::name).toList()) + ", provenance_id) VALUES " + String.join(", ",
          Collections.nCopies(parameters.size() / (columns.size() + 3), row)), parameters);
    }
  }

  /** A row column (not dataset_id, file_row or provenance_id) and how to draw its values. */
  private record Column(String name, String type, boolean nullable) {
    Object draw(Random random) {
      Object[] values = switch (type) {
        case "VARCHAR" -> new Object[] {"a", "b", "c", "d", "e"};
        case "INTEGER", "BIGINT" -> new Object[] {1, 2};
        case "DOUBLE" -> new Object[] {1.5, 2.5};
        case "BOOLEAN" -> new Object[] {true, false};
        default -> throw new IllegalStateException("no values for a column of type " + type);
      };
      return nullable && random.nextInt(3) == 0 ? null : values[random.nextInt(values.length)];
    }
  }

  private static List<Column> columns(Connection c, Table table) throws SQLException {
    return rows(c, "SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = '"
        + table.storedName() + "' AND column_name NOT IN ('dataset_id', 'file_row', 'provenance_id')"
        + " ORDER BY column_index").stream()
        .map(r -> new Column((String) r.get(0), (String) r.get(1), (Boolean) r.get(2))).toList();
  }

  /** The columns' values, then the provenance id. */
  private static List<Object> randomRow(Random random, List<Column> columns, int provenanceCount) {
    List<Object> values = new ArrayList<>();
    for (Column column : columns) {
      values.add(column.draw(random));
    }
    values.add(1 + random.nextInt(provenanceCount));
    return values;
  }

  private static void execute(Connection c, String sql, List<?> parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      statement.execute();
    }
  }

  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql); ResultSet r = query.executeQuery()) {
      return ResultRows.of(r);
    }
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }
}
