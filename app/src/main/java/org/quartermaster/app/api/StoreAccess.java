package org.quartermaster.app.api;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.quartermaster.app.store.Store;

/**
 * The server's one store: open from the start ({@link #of}) or opened on first use through the given
 * function, used by one request at a time (the store is not thread-safe), closed when the server stops.
 * Thread-safe.
 */
final class StoreAccess implements AutoCloseable {
  private final Supplier<Store> opener;
  private volatile Store store;
  private boolean closed;

  StoreAccess(Supplier<Store> opener) {
    this.opener = opener;
  }

  /** Access to a store that is open already, so its {@link #location} is known before the first request. */
  static StoreAccess of(Store open) {
    StoreAccess access = new StoreAccess(() -> open);
    access.store = open;
    return access;
  }

  synchronized <T> T use(Function<Store, T> work) {
    if (closed) {
      throw new ApiException(503, "the server is stopping");
    }
    if (store == null) {
      store = opener.get();
    }
    return work.apply(store);
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

  @Override
  public synchronized void close() {
    closed = true;
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
