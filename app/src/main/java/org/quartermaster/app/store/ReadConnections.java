package org.quartermaster.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import org.duckdb.DuckDBConnection;

/**
 * The store's read connections: at most {@code size} connections to the store's DuckDB instance
 * ({@code duplicate()} of one connection, so they share its data, in memory too, and its settings, which
 * are fixed at open), each lent to one read at a time. Made when first needed and kept for the next read;
 * one whose transaction cannot be ended is closed and made again. Thread-safe.
 */
final class ReadConnections implements AutoCloseable {
  private final DuckDBConnection origin;
  private final int size;
  private final Semaphore lent;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  /**
   * @param origin the connection every read connection duplicates; not used for work, and not closed here
   * @param size   the most reads that run at once; others wait for a connection
   */
  ReadConnections(DuckDBConnection origin, int size) {
    this.origin = origin;
    this.size = size;
    this.lent = new Semaphore(size, true);
  }

  /** A connection for one read, waiting while {@code size} are lent; give it {@link #back} whatever happens. */
  Connection lend() {
    try {
      lent.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to read the store", e);
    }
    if (closed) {
      lent.release();
      throw new StoreException("the store is closed", null);
    }
    Connection connection = idle.pollFirst();
    if (connection != null) {
      return connection;
    }
    try {
      return origin.duplicate();
    } catch (SQLException e) {
      lent.release();
      throw new StoreException("cannot open a read connection to the store: " + e.getMessage(), e);
    }
  }

  /** A lent connection back: kept for the next read when {@code reusable}, closed otherwise. */
  void back(Connection connection, boolean reusable) {
    if (reusable && !closed) {
      idle.addFirst(connection);
    } else {
      closeQuietly(connection);
    }
    lent.release();
  }

  /**
   * Waits for the reads under way to give their connections back, then closes every one; reads asked for
   * later, or waiting for a connection, are refused.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    lent.acquireUninterruptibly(size);
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      closeQuietly(connection);
    }
    lent.release(size); // for the reads waiting: each finds the store closed
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // a read connection holds nothing to keep: its transaction changed nothing
    }
  }
}
