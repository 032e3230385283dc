package org.quartermaster.app.cli;

import java.net.URI;

/**
 * A running {@code qm serve} that a command goes through: the client for its API, and its
 * {@link ServerFile} when it was found beside the store (null when named with {@code --server}).
 */
record Server(ApiClient client, ServerFile file) {

  URI url() {
    return client.base();
  }

  /** How messages name it: "the qm serve (process 4242) that holds the store x.duckdb, at http://…", or "the server at …". */
  String describe() {
    return file == null ? "the server at " + url()
        : "the qm serve (process " + file.pid() + ") that holds the store " + file.store() + ", at " + url();
  }

  /** What to do to run a command that cannot go through it. */
  String alternative() {
    return file == null ? "run it without --server on the machine that has the store file"
        : "stop that server (Ctrl-C where it runs, or kill " + file.pid() + "), then run it again";
  }
}
