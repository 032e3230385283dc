package org.quartermaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, critical 2: after one failed commit (disk full, an unwritable WAL) the store's connection
 * was left in autocommit, so later writes answered 500 yet committed statement by statement, and the
 * failed work itself was committed when autocommit came back. Now a transaction that cannot be ended
 * cleanly takes its connection with it: the failed work is not made, and every later write is one
 * transaction again.
 */
class StoreTransactionTest {

  /** Commits and rollbacks that fail while {@code failing} is set, as on a full disk. */
  private static Store.Transactions failingWhen(AtomicBoolean failing) {
    return new Store.Transactions() {
      @Override
      public void commit(Connection connection) throws SQLException {
        if (failing.get()) {
          throw new SQLException("IO Error: No space left on device");
        }
        connection.commit();
      }

      @Override
      public void rollback(Connection connection) throws SQLException {
        if (failing.get()) {
          throw new SQLException("IO Error: could not write to the WAL");
        }
        connection.rollback();
      }
    };
  }

  private static void insert(Connection c, int x) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO t VALUES (" + x + ")");
    }
  }

  @Test
  void write_afterACommitAndARollbackFail_madeNothingAndLaterWritesAreWholeTransactions() {
    AtomicBoolean failing = new AtomicBoolean();
    try (Store store = Store.inMemory(failingWhen(failing))) {
      store.write(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE t (x INTEGER)");
        }
        return null;
      });

      failing.set(true);
      assertThatThrownBy(() -> store.write(c -> {
        insert(c, 1);
        return null;
      })).isInstanceOf(StoreException.class).hasMessageContaining("could not be committed, so it was not made");
      assertThatThrownBy(() -> store.write(c -> {
        insert(c, 2);
        throw new IllegalStateException("the work failed");
      })).isInstanceOf(IllegalStateException.class);
      failing.set(false);

      assertThat(StoreCounts.count(store, "SELECT count(*) FROM t")).as("neither failed write was made").isZero();
      assertThatThrownBy(() -> store.write(c -> {
        assertThat(c.getAutoCommit()).as("a write never runs in autocommit").isFalse();
        insert(c, 3);
        throw new IllegalStateException("fails after its insert");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM t")).as("rolled back whole").isZero();
      store.write(c -> {
        insert(c, 4);
        return null;
      });
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM t")).isEqualTo(1);
    }
  }
}
