package org.quartermaster.app.api;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.quartermaster.app.store.Store;

/**
 * The server's one store: open from the start ({@link #of}) or opened on first use through the given
 * function, closed when the server stops. Requests that only read use it at the same time and never wait
 * for a write ({@link Store#read}: each answers from the last committed data); requests that write use it
 * one at a time, so a write's own reads (is this file imported already? which id is free?) stay true
 * until its transaction commits. Closing waits for the requests under way. Thread-safe.
 */
final class StoreAccess implements AutoCloseable {
  private final Supplier<Store> opener;
  private volatile Store store;
  private volatile boolean closed;
  /** Held by every request while it uses the store (shared), and by {@link #close} (exclusive). */
  private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
  private final ReentrantLock writes = new ReentrantLock(true);

  StoreAccess(Supplier<Store> opener) {
    this.opener = opener;
  }

  /** Access to a store that is open already, so its {@link #location} is known before the first request. */
  static StoreAccess of(Store open) {
    StoreAccess access = new StoreAccess(() -> open);
    access.store = open;
    return access;
  }

  /** Work that only reads the store: runs at once, beside other reads and beside a write. */
  <T> T read(Function<Store, T> work) {
    return using(work);
  }

  /** Work that writes to the store (and reads what it needs for that): runs after the writes before it. */
  <T> T write(Function<Store, T> work) {
    writes.lock();
    try {
      return using(work);
    } finally {
      writes.unlock();
    }
  }

  private <T> T using(Function<Store, T> work) {
    inUse.readLock().lock();
    try {
      if (closed) {
        throw new ApiException(503, "the server is stopping");
      }
      return work.apply(opened());
    } finally {
      inUse.readLock().unlock();
    }
  }

  private Store opened() {
    Store open = store;
    if (open != null) {
      return open;
    }
    synchronized (this) {
      if (store == null) {
        store = opener.get();
      }
      return store;
    }
  }

  /**
   * The store's file location if it is open ({@link Store#location}), without waiting for it; empty
   * before it is opened.
   */
  Optional<String> location() {
    Store open = store;
    return open == null ? Optional.empty() : Optional.of(open.location());
  }

  /**
   * The open store's change number of {@code tables} ({@link Store#changes}), or -1 before it is
   * opened. Does not wait for the store.
   */
  long changes(Set<Store.Table> tables) {
    Store open = store;
    return open == null ? -1 : open.changes(tables);
  }

  /** Refuses new requests (503), waits for those under way, and closes the store. */
  @Override
  public void close() {
    closed = true;
    inUse.writeLock().lock();
    try {
      synchronized (this) {
        if (store != null) {
          store.close();
          store = null;
        }
      }
    } finally {
      inUse.writeLock().unlock();
    }
  }
}
