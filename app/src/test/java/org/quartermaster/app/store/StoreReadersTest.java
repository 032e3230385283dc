package org.quartermaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, the load with one import per second: reads waited behind each write's whole transaction.
 * Now a read runs on a connection of its own and sees the last committed state, at once, also while a
 * write transaction is open; writes stay one at a time. The timeouts here only keep a broken store from
 * hanging the build: nothing depends on how fast anything runs.
 */
class StoreReadersTest {
  private static final long LIVENESS_SECONDS = 120;

  @TempDir Path dir;

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void awaitRelease(CountDownLatch release) {
    try {
      assertThat(release.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long countOf(Store store, String table) {
    return store.read(c -> count(c, table));
  }

  private static void createTables(Store store) {
    store.write(c -> {
      execute(c, "CREATE TABLE a (x INTEGER)");
      execute(c, "CREATE TABLE b (x INTEGER)");
      return null;
    });
  }

  @Test
  void read_whileAWriteTransactionIsOpen_answersAtOnceFromTheLastCommit_thenSeesTheCommit() throws Exception {
    ExecutorService writerThread = Executors.newSingleThreadExecutor();
    try (Store store = Store.open(dir.resolve("store.duckdb"))) {
      createTables(store);
      CountDownLatch inserted = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<?> write = writerThread.submit(() -> store.write(c -> {
        execute(c, "INSERT INTO a VALUES (1), (2)");
        inserted.countDown();
        awaitRelease(release);
        return null;
      }));
      assertThat(inserted.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();

      // the write's transaction is open and stays open until released: the read must not wait for it
      assertThat(countOf(store, "a")).as("the last committed state").isZero();

      release.countDown();
      write.get(LIVENESS_SECONDS, TimeUnit.SECONDS);
      assertThat(countOf(store, "a")).as("after the commit").isEqualTo(2);
    } finally {
      writerThread.shutdownNow();
    }
  }

  @Test
  void read_spanningACommit_seesOneStateThroughout() throws Exception {
    ExecutorService writerThread = Executors.newSingleThreadExecutor();
    try (Store store = Store.inMemory()) {
      createTables(store);
      long[] counts = store.read(c -> {
        long before = count(c, "a");
        try {
          writerThread.submit(() -> store.write(w -> {
            execute(w, "INSERT INTO a VALUES (1)");
            return null;
          })).get(LIVENESS_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return new long[] {before, count(c, "a")};
      });

      assertThat(counts).as("one snapshot for the whole read").containsExactly(0, 0);
      assertThat(countOf(store, "a")).isEqualTo(1);
    } finally {
      writerThread.shutdownNow();
    }
  }

  @Test
  void read_insideAWrite_seesTheWritesOwnChanges() {
    try (Store store = Store.inMemory()) {
      createTables(store);
      long seen = store.write(c -> {
        execute(c, "INSERT INTO a VALUES (1)");
        return store.read(r -> count(r, "a"));
      });
      assertThat(seen).isEqualTo(1);
    }
  }

  @Test
  void read_whenItsWorkFails_leavesNoTransactionBehind_andTheNextReadsWork() {
    try (Store store = Store.inMemory()) {
      createTables(store);
      for (int i = 0; i < 2 * Store.READERS; i++) {
        assertThatThrownBy(() -> store.read(c -> count(c, "no_such_table"))).isInstanceOf(StoreException.class);
      }
      store.write(c -> {
        execute(c, "INSERT INTO a VALUES (1)");
        return null;
      });
      assertThat(countOf(store, "a")).isEqualTo(1);
    }
  }

  @Test
  void close_waitsForTheReadUnderWay_laterReadsAreRefused() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Store store = Store.inMemory();
      createTables(store);
      CountDownLatch reading = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicBoolean closeReturned = new AtomicBoolean();
      Future<Long> read = threads.submit(() -> store.read(c -> {
        reading.countDown();
        awaitRelease(release);
        assertThat(closeReturned).as("the store is still open during the read").isFalse();
        return count(c, "a");
      }));
      assertThat(reading.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();
      Future<?> close = threads.submit(() -> {
        store.close();
        closeReturned.set(true);
      });

      release.countDown();
      assertThat(read.get(LIVENESS_SECONDS, TimeUnit.SECONDS)).isZero();
      close.get(LIVENESS_SECONDS, TimeUnit.SECONDS);
      assertThatThrownBy(() -> store.read(c -> count(c, "a"))).isInstanceOf(StoreException.class)
          .hasMessageContaining("closed");
      assertThatThrownBy(() -> store.write(c -> null)).isInstanceOf(StoreException.class)
          .hasMessageContaining("closed");
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * The reads of a store opened for user SQL run on connections duplicated from the one opened with
   * DuckDB's security settings; each of them, all at once, has those settings and cannot change them.
   */
  @Test
  void openForUserSql_everyReadConnection_hasTheLockedSettings() throws Exception {
    Path file = dir.resolve("user.duckdb");
    try (Store store = Store.open(file)) {
      createTables(store);
    }
    ExecutorService threads = Executors.newFixedThreadPool(Store.READERS);
    try (Store store = Store.openForUserSql(file)) {
      java.util.concurrent.CyclicBarrier allReading = new java.util.concurrent.CyclicBarrier(Store.READERS);
      List<Future<List<String>>> reads = new ArrayList<>();
      for (int i = 0; i < Store.READERS; i++) {
        reads.add(threads.submit(() -> store.read(c -> {
          try {
            allReading.await(LIVENESS_SECONDS, TimeUnit.SECONDS); // every connection lent at once: distinct ones
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          List<String> seen = new ArrayList<>();
          for (String setting : List.of("enable_external_access", "lock_configuration", "access_mode",
              "autoinstall_known_extensions", "autoload_known_extensions")) {
            try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT current_setting('" + setting + "')")) {
              r.next();
              seen.add(setting + "=" + r.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
          }
          for (String refused : List.of("SELECT * FROM read_text('" + file + "')", "SET enable_external_access = true",
              "INSERT INTO a VALUES (1)")) {
            try (Statement s = c.createStatement()) {
              s.execute(refused);
              seen.add("ran: " + refused);
            } catch (SQLException e) {
              c.rollback();
            }
          }
          return seen;
        })));
      }
      for (Future<List<String>> read : reads) {
        assertThat(read.get(LIVENESS_SECONDS, TimeUnit.SECONDS)).containsExactly("enable_external_access=false",
            "lock_configuration=true", "access_mode=read_only", "autoinstall_known_extensions=false",
            "autoload_known_extensions=false");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Every write inserts one row into both tables in one transaction, or fails and rolls back; every
   * read counts both, in two statements. However the threads interleave, a read sees a committed
   * state: equal counts, never fewer than the writes committed before it began.
   */
  @Test
  void readsAndWrites_manyThreads_everyReadSeesACommittedState() throws Exception {
    int threadCount = 6;
    int operationsPerThread = 150;
    ExecutorService threads = Executors.newFixedThreadPool(threadCount);
    try (Store store = Store.inMemory()) {
      createTables(store);
      java.util.concurrent.atomic.AtomicLong committed = new java.util.concurrent.atomic.AtomicLong();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < threadCount; t++) {
        SplittableRandom random = new SplittableRandom(20261203L + t);
        workers.add(threads.submit(() -> {
          assertThat(start.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();
          int reads = 0;
          for (int i = 0; i < operationsPerThread; i++) {
            int choice = random.nextInt(10);
            if (choice < 6) {
              long committedBefore = committed.get();
              long[] counts = store.read(c -> new long[] {count(c, "a"), count(c, "b")});
              assertThat(counts[0]).as("both tables in one state").isEqualTo(counts[1]);
              assertThat(counts[0]).as("no committed write lost").isGreaterThanOrEqualTo(committedBefore);
              reads++;
            } else if (choice < 9) {
              int value = random.nextInt();
              store.write(c -> {
                execute(c, "INSERT INTO a VALUES (" + value + ")");
                execute(c, "INSERT INTO b VALUES (" + value + ")");
                return null;
              });
              committed.incrementAndGet();
            } else {
              assertThatThrownBy(() -> store.write(c -> {
                execute(c, "INSERT INTO a VALUES (0)");
                throw new IllegalStateException("fails between its two inserts");
              })).isInstanceOf(IllegalStateException.class);
            }
          }
          return reads;
        }));
      }
      start.countDown();
      int reads = 0;
      for (Future<Integer> worker : workers) {
        reads += worker.get(LIVENESS_SECONDS * 5, TimeUnit.SECONDS);
      }

      assertThat(reads).isPositive();
      long[] counts = store.read(c -> new long[] {count(c, "a"), count(c, "b")});
      assertThat(counts).containsExactly(committed.get(), committed.get());
    } finally {
      threads.shutdownNow();
    }
  }
}
