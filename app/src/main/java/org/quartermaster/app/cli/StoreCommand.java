package org.quartermaster.app.cli;

import java.util.concurrent.Callable;
import org.quartermaster.app.store.Store;

/**
 * A command that works on the store ({@code qm query …}, {@code qm export}): {@code --db PATH} (or
 * {@code $QM_HOME}) through {@link StoreOption}, or through a running server ({@link ServerOption},
 * {@link StoreRouting}). Tests give an in-memory store they filled themselves through {@link #stores}.
 */
abstract class StoreCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin StoreOption storeOption;

  @picocli.CommandLine.Mixin ServerOption serverOption;

  /** Set by tests; null in the application. */
  StoreSource stores;

  Store openStore() {
    return stores != null ? stores.open() : storeOption.open();
  }

  /** The store for a command that only reads it: opened read-only when this user may not write it. */
  Store openStoreToRead() {
    return stores != null ? stores.open() : storeOption.openToRead();
  }
}
