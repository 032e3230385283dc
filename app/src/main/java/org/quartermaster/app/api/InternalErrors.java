package org.quartermaster.app.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place an internal error (a bug: an exception nothing else mapped) is logged: at ERROR, with its
 * stack trace and the request's id, which the client receives as {@code error_id}. The client gets
 * nothing else about it.
 */
final class InternalErrors {
  static final String MESSAGE = "internal error (a bug; please report it with the error_id)";
  private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);

  private InternalErrors() {
  }

  /** Logs {@code cause} (null when unknown) of the request {@code request} ("GET /api/v1/items") under {@code id}. */
  static void log(String id, String request, Throwable cause) {
    LOG.error("internal error {} in {}", id, request, cause);
  }
}
