package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;

/**
 * Issue 10, the load with one import per second: every request's use of the store was serialised, so
 * reads waited behind each import's whole write transaction. Now reads run beside a write and answer
 * from the last committed data; writes run one at a time; closing waits for the requests under way.
 * The timeouts only keep a broken lock from hanging the build.
 */
class StoreAccessTest {
  private static final long LIVENESS_SECONDS = 120;

  private static long rows(Store store) {
    return store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM probe")) {
        r.next();
        return r.getLong(1);
      }
    });
  }

  private static void awaitRelease(CountDownLatch release) {
    try {
      assertThat(release.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void read_whileAnImportHoldsItsTransactionOpen_answersAtOnceWithTheCommittedData() throws Exception {
    StoreAccess access = new StoreAccess(Store::inMemory);
    try (ExecutorService importer = Executors.newSingleThreadExecutor()) {
      access.write(s -> s.write(c -> {
        execute(c, "CREATE TABLE probe (x INTEGER)");
        return null;
      }));
      CountDownLatch inserted = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<?> write = importer.submit(() -> access.write(s -> s.write(c -> {
        execute(c, "INSERT INTO probe VALUES (1)");
        inserted.countDown();
        awaitRelease(release);
        return null;
      })));
      assertThat(inserted.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();

      assertThat(access.read(StoreAccessTest::rows)).as("answered during the write, from the last commit").isZero();

      release.countDown();
      write.get(LIVENESS_SECONDS, TimeUnit.SECONDS);
      assertThat(access.read(StoreAccessTest::rows)).isEqualTo(1);
    } finally {
      access.close();
    }
  }

  @Test
  void write_whileAnotherWriteIsUnderWay_beginsAfterItEnds() throws Exception {
    StoreAccess access = new StoreAccess(Store::inMemory);
    try (ExecutorService writers = Executors.newFixedThreadPool(2)) {
      CountDownLatch firstIn = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicBoolean firstDone = new AtomicBoolean();
      AtomicBoolean secondSawFirstDone = new AtomicBoolean();
      Future<?> first = writers.submit(() -> access.write(s -> {
        firstIn.countDown();
        try {
          assertThat(release.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        firstDone.set(true);
        return null;
      }));
      assertThat(firstIn.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();
      Future<?> second = writers.submit(() -> access.write(s -> {
        secondSawFirstDone.set(firstDone.get());
        return null;
      }));

      release.countDown();
      first.get(LIVENESS_SECONDS, TimeUnit.SECONDS);
      second.get(LIVENESS_SECONDS, TimeUnit.SECONDS);
      assertThat(secondSawFirstDone).as("the second write ran after the first").isTrue();
    } finally {
      access.close();
    }
  }

  @Test
  void close_waitsForTheReadUnderWay_thenRefusesRequests() throws Exception {
    StoreAccess access = new StoreAccess(Store::inMemory);
    access.write(s -> s.write(c -> {
      execute(c, "CREATE TABLE probe (x INTEGER)");
      return null;
    }));
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      CountDownLatch reading = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicBoolean closed = new AtomicBoolean();
      Future<Long> read = threads.submit(() -> access.read(s -> {
        reading.countDown();
        try {
          assertThat(release.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        assertThat(closed).as("not closed under the read").isFalse();
        return rows(s);
      }));
      assertThat(reading.await(LIVENESS_SECONDS, TimeUnit.SECONDS)).isTrue();
      Future<?> close = threads.submit(() -> {
        access.close();
        closed.set(true);
      });

      release.countDown();
      assertThat(read.get(LIVENESS_SECONDS, TimeUnit.SECONDS)).isZero();
      close.get(LIVENESS_SECONDS, TimeUnit.SECONDS);
      assertThatThrownBy(() -> access.read(StoreAccessTest::rows)).isInstanceOf(ApiException.class)
          .hasMessageContaining("stopping");
    }
  }
}
