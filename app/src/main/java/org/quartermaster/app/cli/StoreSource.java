package org.quartermaster.app.cli;

import org.quartermaster.app.store.Store;

/**
 * Where a command gets the store from in tests (an in-memory store they filled themselves); the
 * application uses {@link StoreOption}. A command opens it once and closes it when done.
 */
@FunctionalInterface
interface StoreSource {
  Store open();
}
