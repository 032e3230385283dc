package org.quartermaster.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * Quartermaster's embedded analytical store: one DuckDB file. The one entry point to it: work runs
 * in {@link #read} or {@link #write} callbacks, so connections never escape, and a write either
 * commits whole or leaves the store exactly as it was (also when the process is killed: DuckDB
 * replays only committed transactions). The schema is versioned: the {@code V<n>__*.sql} files are
 * applied in order when the store is opened.
 *
 * <p>Thread-safe. Reads never wait for a write: each read runs on a read connection of its own (at most
 * {@link #READERS} at once; more wait for one), in a transaction that sees the last committed state for its
 * whole work (DuckDB keeps a snapshot per transaction), also while a write transaction is open. Writes run
 * one at a time on the writer connection. A read inside a write's work, on the same thread, runs on the
 * writer connection and sees the write's own changes; a read inside a read runs in the outer read's
 * transaction. Every connection is a {@code duplicate()} of the one opened first, so all share the
 * database instance and its settings, fixed at open (the locked configuration of {@link #openForUserSql}).
 * Temporary tables belong to a connection: those a write makes are seen by it and by later writes, never
 * by reads.
 */
public final class Store implements AutoCloseable {
  /**
   * The parts of the store whose changes are counted apart ({@link #changes}), so that an answer kept
   * by a reader stays current while only other parts change: saving a scenario leaves every answer
   * about the data current. Each names the tables and views it stands for.
   */
  public enum Table {
    /** datasets, provenance and sources: what every data query joins for its citations. */
    DATASETS,
    COUNTRIES,
    /** defence_spending and its rows. */
    SPENDING,
    AID,
    DELIVERIES,
    PRODUCTION,
    CONTRACTS,
    /** drawdowns, deliveries and pledges of munitions (transfers_rows). */
    TRANSFERS,
    /** the saved scenarios. */
    SCENARIOS,
    /** sweep results (sweeps, sweep_rows): imported files, each also a dataset. */
    SWEEPS,
    /** simulation runs kept with a name (saved_runs). */
    SAVED_RUNS;

    /** Every table: what a write changes when it does not say ({@link #write(Work)}). */
    public static Set<Table> all() {
      return EnumSet.allOf(Table.class);
    }

    /** Every table an import or a dataset's removal can change: all but the saved scenarios and runs. */
    public static Set<Table> data() {
      return EnumSet.complementOf(EnumSet.of(SCENARIOS, SAVED_RUNS));
    }

    /** No table: work whose writes no read sees (a session's temporary tables). */
    public static Set<Table> none() {
      return EnumSet.noneOf(Table.class);
    }
  }

  /**
   * The schema files, in order; a new version is a new file appended here, never an edit. A file's
   * version is the number in its name ({@code V5__…}); each one the store has not recorded is applied,
   * so versions written in parallel apply whatever order they arrive in.
   */
  private static final List<String> MIGRATIONS = List.of("V1__schema.sql", "V2__scenarios.sql", "V3__provenance.sql",
      "V4__sources.sql", "V5__dataset_identity.sql",
      "V6__amount_units.sql",
      "V7__transfers.sql",
      "V8__sweeps.sql",
      "V9__saved_runs.sql",
      "V10__reference_series.sql",
      "V11__user_catalogue.sql",
      "V12__aid_shares.sql");

  /**
   * The most reads that run at once. ASSUMPTION: a few more than the cores, as DuckDB runs each query on
   * several of its own threads already; more connections would only add memory and contention.
   */
  static final int READERS = Math.max(4, Runtime.getRuntime().availableProcessors());

  /** The connection opened first: never used for work; what the others duplicate, open until the store closes. */
  private final DuckDBConnection origin;
  /**
   * The writer connection, used under {@link #writing} only: replaced by a fresh one (same database) when a
   * transaction cannot be ended cleanly.
   */
  private Connection writer;
  private final ReentrantLock writing = new ReentrantLock();
  private final ReadConnections readers;
  /** The connection of the read under way on this thread, for the reads inside its work. */
  private final ThreadLocal<Connection> reading = new ThreadLocal<>();
  private volatile boolean closed;
  private final Transactions transactions;
  private final String location;
  /** Committed write transactions that changed each table (by ordinal) since the store was opened. */
  private final AtomicLongArray changesByTable = new AtomicLongArray(Table.values().length);

  /** A store on {@code origin}, which it closes when the store closes, or now when this fails. */
  private static Store on(Connection origin, String location, Transactions transactions) throws SQLException {
    try {
      return new Store(origin.unwrap(DuckDBConnection.class), location, transactions);
    } catch (SQLException | RuntimeException e) {
      try {
        origin.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private Store(DuckDBConnection origin, String location, Transactions transactions) throws SQLException {
    this.origin = origin;
    this.writer = origin.duplicate();
    this.readers = new ReadConnections(origin, READERS);
    this.transactions = transactions;
    this.location = location;
  }

  /** The default file: {@code $QM_HOME/quartermaster.duckdb}, QM_HOME defaulting to {@code ~/.quartermaster}. */
  public static Path defaultFile(Map<String, String> environment) {
    String home = environment.get("QM_HOME");
    Path dir = home != null && !home.isBlank()
        ? Path.of(home) : Path.of(System.getProperty("user.home"), ".quartermaster");
    return dir.resolve("quartermaster.duckdb");
  }

  /** Opens (creating it and its folder when missing) the store in {@code file}, schema up to date. */
  public static Store open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the folder of " + file + ": " + e.getMessage(), e);
    }
    return connect("jdbc:duckdb:" + file.toAbsolutePath(), file.toString());
  }

  /**
   * Loads the DuckDB driver and its native library, and opens and closes a database in memory: run on
   * a background thread while a command parses its arguments, so that the command's own open finds
   * that work done (about a tenth of a second, the first time in a process). Failures are left for
   * that open to report. Join the thread before the process exits, so that the JVM never exits while
   * the thread is inside DuckDB's native code.
   */
  public static void warmUp() {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      connection.isValid(0);
    } catch (SQLException | RuntimeException | LinkageError e) {
      // the command's own open reports what is wrong
    }
  }

  /**
   * The store file opened for SQL typed by a user ({@code qm query sql}): a separate DuckDB instance in
   * which DuckDB itself forbids what such SQL must not do, whatever the statement: the database is
   * read-only ({@code access_mode}), no file or URL can be read or written ({@code enable_external_access}:
   * no COPY, ATTACH, EXPORT, read_text, read_csv, glob), no extension is installed or loaded, and the
   * configuration is locked so that no SET can undo any of it. The schema is not migrated here: open the
   * store read-write once first ({@link #open}).
   */
  public static Store openForUserSql(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no store at " + file, null);
    }
    java.util.Properties settings = new java.util.Properties();
    settings.setProperty("access_mode", "READ_ONLY");
    settings.setProperty("enable_external_access", "false");
    settings.setProperty("autoinstall_known_extensions", "false");
    settings.setProperty("autoload_known_extensions", "false");
    settings.setProperty("allow_community_extensions", "false");
    settings.setProperty("lock_configuration", "true");
    try {
      return on(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), settings), file.toString(),
          Transactions.JDBC);
    } catch (SQLException e) {
      throw new StoreException("cannot open the store " + file + " read-only: " + e.getMessage(), e);
    }
  }

  /** A store that lives in memory only (tests, dry runs). */
  public static Store inMemory() {
    return connect("jdbc:duckdb:", ":memory:");
  }

  private static Store connect(String url, String location) {
    try {
      Store store = on(DriverManager.getConnection(url), location, Transactions.JDBC);
      migrateOrClose(store);
      return store;
    } catch (SQLException e) {
      throw new StoreException("cannot open the store " + location + ": " + e.getMessage(), e);
    } catch (LinkageError e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new StoreException("DuckDB's native library cannot be loaded (the build puts it beside the jar:"
          + " mvn -B -ntp -DskipTests package): " + cause.getMessage(), e);
    }
  }

  public String location() {
    return location;
  }

  /** The schema version the store is at. */
  public int schemaVersion() {
    return read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(version) FROM schema_version")) {
        r.next();
        return r.getInt(1);
      }
    });
  }

  /**
   * A number that grows with every committed write that changed one of {@code tables}, and with no
   * other write: an answer read from those tables at the same number is still current (this process
   * is the store's only writer: DuckDB locks the file). It counts from the opening of the store, and grows
   * only once the write's commit is visible to reads, so take it before the read begins: an answer kept
   * under it then never claims a number newer than the data it saw (at worst, one older, and it is read
   * again).
   */
  public long changes(Set<Table> tables) {
    long sum = 0;
    for (Table table : tables) {
      sum += changesByTable.get(table.ordinal());
    }
    return sum;
  }

  /**
   * Work that only reads, in one transaction: it sees one committed state of the store throughout, the
   * last committed when its first statement ran, and never waits for a write. What it might write is
   * rolled back.
   */
  public <T> T read(Work<T> work) {
    Connection outer = reading.get();
    if (outer != null) {
      return run(work, outer);
    }
    if (writing.isHeldByCurrentThread()) {
      return run(work, writer);
    }
    Connection connection = readers.lend();
    reading.set(connection);
    try {
      connection.setAutoCommit(false);
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException(e.getMessage(), e);
    } finally {
      reading.remove();
      readers.back(connection, ended(connection));
    }
  }

  private static <T> T run(Work<T> work, Connection connection) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  /** Ends a read's transaction; false when it cannot be ended, so the connection is not used again. */
  private static boolean ended(Connection connection) {
    try {
      connection.rollback();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Work that writes, as {@link #write(Set, Work)}, counted as a change of every table. */
  public <T> T write(Work<T> work) {
    return write(Table.all(), work);
  }

  /**
   * Work that writes, in one transaction: committed when it returns, rolled back when it throws. No
   * write ever runs in autocommit, and a transaction that cannot be ended cleanly (a commit or rollback
   * that fails: disk full, an unwritable WAL) takes its connection with it: the store goes on with a
   * fresh connection to the same database, so the failed work is neither committed later nor half kept,
   * and the caller is told it was not made.
   *
   * @param changed the tables the work may change: their {@link #changes} grow once the work is
   *                committed, and no other's do, so the work must change no other table
   */
  public <T> T write(Set<Table> changed, Work<T> work) {
    writing.lock();
    try {
      if (closed) {
        throw new StoreException("the store " + location + " is closed", null);
      }
      return writeAlone(changed, work);
    } finally {
      writing.unlock();
    }
  }

  private <T> T writeAlone(Set<Table> changed, Work<T> work) {
    Connection connection = writer;
    try {
      connection.setAutoCommit(false);
      if (connection.getAutoCommit()) {
        throw new SQLException("the connection would not leave autocommit");
      }
    } catch (SQLException e) {
      discardConnection();
      throw new StoreException("cannot start a transaction: " + e.getMessage(), e);
    }
    T result;
    try {
      result = work.run(connection);
    } catch (SQLException | RuntimeException e) {
      rollbackOrDiscard();
      throw e instanceof SQLException sql ? new StoreException(sql.getMessage(), sql) : (RuntimeException) e;
    }
    try {
      transactions.commit(connection);
    } catch (SQLException e) {
      discardConnection();
      throw new StoreException("the change could not be committed, so it was not made: " + e.getMessage(), e);
    }
    for (Table table : changed) {
      changesByTable.incrementAndGet(table.ordinal());
    }
    try {
      connection.setAutoCommit(true); // no transaction is open
    } catch (SQLException e) {
      discardConnection();
    }
    return result;
  }

  private void rollbackOrDiscard() {
    try {
      transactions.rollback(writer);
      writer.setAutoCommit(true);
    } catch (SQLException e) {
      discardConnection();
    }
  }

  /**
   * Replaces the writer connection by a fresh one to the same database (DuckDB's {@code duplicate}: the
   * same instance, so an in-memory store keeps its data), then closes the old one, which ends its
   * transaction without committing it.
   */
  private void discardConnection() {
    Connection old = writer;
    try {
      writer = origin.duplicate();
    } catch (SQLException e) {
      throw new StoreException("the store's connection failed and cannot be reopened: " + e.getMessage(), e);
    }
    try {
      old.close();
    } catch (SQLException e) {
      // the old connection is gone either way; its transaction was not committed
    }
  }

  /** How a transaction ends: JDBC's commit and rollback, or (tests) a failure put in their place. */
  interface Transactions {
    Transactions JDBC = new Transactions() {
      @Override
      public void commit(Connection connection) throws SQLException {
        connection.commit();
      }

      @Override
      public void rollback(Connection connection) throws SQLException {
        connection.rollback();
      }
    };

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;
  }

  /** A store in memory whose transactions end as {@code transactions} says (tests of failed commits). */
  static Store inMemory(Transactions transactions) {
    try {
      Store store = on(DriverManager.getConnection("jdbc:duckdb:"), ":memory:", transactions);
      migrateOrClose(store);
      return store;
    } catch (SQLException e) {
      throw new StoreException("cannot open a store in memory: " + e.getMessage(), e);
    }
  }

  /**
   * Closes the store once the reads and the write under way have ended; later reads and writes are
   * refused. Closing twice does nothing.
   */
  @Override
  public void close() {
    closed = true;
    readers.close();
    writing.lock();
    try {
      writer.close();
      origin.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the store " + location + ": " + e.getMessage(), e);
    } finally {
      writing.unlock();
    }
  }

  private static void migrateOrClose(Store store) throws SQLException {
    try {
      store.migrate();
    } catch (SQLException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private void migrate() throws SQLException {
    write(Set.of(), c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)");
      }
      return null;
    });
    Set<Integer> applied = new HashSet<>();
    read(c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT version FROM schema_version")) {
        while (r.next()) {
          applied.add(r.getInt(1));
        }
      }
      return null;
    });
    for (String name : MIGRATIONS) {
      int version = version(name);
      if (applied.contains(version)) {
        continue;
      }
      String sql = resource(name);
      write(c -> {
        try (Statement s = c.createStatement()) {
          s.execute(sql);
          s.execute("INSERT INTO schema_version VALUES (" + version + ", now())");
        }
        return null;
      });
    }
  }

  /** The schema version a store is at once opened: the highest of the schema files (versions need not be contiguous). */
  public static int latestSchemaVersion() {
    return MIGRATIONS.stream().mapToInt(Store::version).max().orElseThrow();
  }

  /** The version a schema file's name gives: 5 for {@code V5__dataset_identity.sql}. */
  private static int version(String name) {
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  private static String resource(String name) {
    try (InputStream in = Store.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema file missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Something done with the store's connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
