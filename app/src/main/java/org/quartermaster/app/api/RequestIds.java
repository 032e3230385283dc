package org.quartermaster.app.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request a short random id before anything else handles it: the id is answered in the
 * {@value #HEADER} header, written in the request log line, and, for a 500, logged with the stack trace
 * and returned as {@code error_id}, so a client's report of a failure finds its log lines.
 */
final class RequestIds extends Handler.Wrapper {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = RequestIds.class.getName();

  RequestIds(Handler next) {
    super(next);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String id = newId();
    request.setAttribute(ATTRIBUTE, id);
    response.getHeaders().put(HEADER, id);
    return super.handle(request, response, callback);
  }

  /** The id of {@code request}, or a new one for a request that never reached this handler (a malformed one). */
  static String of(Request request) {
    return request.getAttribute(ATTRIBUTE) instanceof String id ? id : newId();
  }

  /** The id given to a servlet request, or a new one. */
  static String of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof String id ? id : newId();
  }

  /**
   * 12 hex digits (48 random bits). An id only correlates a request with its log lines, it grants nothing, so it
   * comes from the thread's own generator: a {@link java.security.SecureRandom} is one lock for all request threads,
   * and under load they queued on it for up to seconds (bench/README.md).
   */
  static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
  }
}
