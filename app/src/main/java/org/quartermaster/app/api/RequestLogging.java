package org.quartermaster.app.api;

import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;

/**
 * Where the server's request log goes: one line per request, with the client, method, path and query
 * string, status, bytes sent (headers and body), duration and the request's id ({@link RequestIds}). Never a request
 * header, so never the bearer token. Request threads never wait for the log: their lines are written by a thread
 * of its own, and under more load than it can write, lines are dropped and a line says how many
 * ({@link RequestLogLines}).
 */
public sealed interface RequestLogging {
  /** To the logger {@value #LOGGER} at INFO, which logback.xml sends to stderr. */
  RequestLogging TO_LOG = new ToLog();
  /** The logger of the request log. */
  String LOGGER = "org.quartermaster.app.api.requests";
  /** Jetty's {@link CustomRequestLog} format: {@code 127.0.0.1 "GET /api/v1/items?q=x HTTP/1.1" 200 5321 B 3 ms id=…}. */
  String FORMAT = "%{client}a \"%m %U%q %H\" %s %O B %{ms}T ms id=%{" + RequestIds.HEADER + "}o";

  /** Reads the {@code qm serve --request-log} value: {@code -} for stderr, {@code off}, or a file to append to. */
  static RequestLogging parse(String value) {
    return switch (value.trim()) {
      case "-" -> TO_LOG;
      case "off" -> new Off();
      case "" -> throw new IllegalArgumentException("--request-log must be '-' (stderr), 'off' or a file, got ''");
      default -> new ToFile(Path.of(value.trim()));
    };
  }

  /** The request log via SLF4J (Logback). */
  record ToLog() implements RequestLogging {}

  /** No request log. */
  record Off() implements RequestLogging {}

  /** The request log appended to a file. */
  record ToFile(Path file) implements RequestLogging {
    public ToFile {
      Objects.requireNonNull(file, "file");
    }
  }

  /** Jetty's request log for this choice, or null for none. */
  static RequestLog jettyRequestLog(RequestLogging logging) {
    RequestLogLines lines = switch (logging) {
      case ToLog toLog -> RequestLogLines.toLogger(LOGGER, RequestLogLines.DEFAULT_CAPACITY);
      case ToFile toFile -> RequestLogLines.toFile(toFile.file(), RequestLogLines.DEFAULT_CAPACITY);
      case Off off -> null;
    };
    if (lines == null) {
      return null;
    }
    CustomRequestLog log = new CustomRequestLog(lines, FORMAT);
    log.setFilter((request, response) -> !WarmUp.isWarmUp(request));
    return log;
  }
}
