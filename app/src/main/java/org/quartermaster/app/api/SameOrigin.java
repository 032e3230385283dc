package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Requests answered only for the server's own pages: every request must name, in {@code Host}, a host the
 * server serves (a loopback name, or the address it was bound to), so that a page on another site whose
 * name was made to resolve to 127.0.0.1 (DNS rebinding) is refused; a request that changes anything
 * must come from the server's own origin ({@code Origin}, {@code Sec-Fetch-Site}) and carry a body type
 * no cross-site form can send without the browser asking first (never {@code text/plain}, a form's
 * encodings). A server bound to every address (0.0.0.0, with a token) takes any {@code Host}: the token
 * guards its writes.
 */
final class SameOrigin {
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");
  /** The body types a cross-site form or a fetch without preflight may send. */
  private static final Set<String> FORM_TYPES =
      Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

  private SameOrigin() {}

  /** @throws ApiException 403 for a host or an origin the server does not serve, 415 for a form's body type */
  static void check(Context ctx, ApiSettings settings, boolean mutating) {
    String host = ctx.header("Host");
    if (host != null && !served(hostName(host), settings.host())) {
      throw new ApiException(403, "this server does not serve the host '" + cut(host) + "': use "
          + "http://127.0.0.1 or http://localhost (a page on another site cannot reach it by another name)");
    }
    if (!mutating) {
      return;
    }
    String origin = ctx.header("Origin");
    if (origin != null && (host == null || !sameAuthority(origin, host))) {
      throw new ApiException(403, "a change can only come from this server's own pages: the request came from '"
          + cut(origin) + "'");
    }
    if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
      throw new ApiException(403, "a change can only come from this server's own pages: the browser says this"
          + " request came from another site");
    }
    String type = ctx.contentType();
    if (type != null && FORM_TYPES.contains(type.split(";")[0].strip().toLowerCase(Locale.ROOT))) {
      throw new ApiException(415, "a change is sent as JSON, YAML or a file's own type (text/csv, the XLSX type,"
          + " application/octet-stream), not as " + type.split(";")[0].strip());
    }
  }

  private static boolean served(String name, String boundHost) {
    if (name == null) {
      return false;
    }
    String bound = boundHost.toLowerCase(Locale.ROOT);
    return WILDCARDS.contains(bound) || LOOPBACK_NAMES.contains(name) || name.startsWith("127.")
        || name.equals(bound.replace("[", "").replace("]", ""));
  }

  /** The host name of a Host header ({@code name}, {@code name:port}, {@code [::1]:port}), lower case. */
  static String hostName(String header) {
    String h = header.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? null : h.substring(1, end);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  /** Whether an Origin ({@code http://host:port}) names the same host and port as the Host header. */
  private static boolean sameAuthority(String origin, String host) {
    try {
      URI uri = URI.create(origin.strip());
      if (uri.getHost() == null || uri.getScheme() == null) {
        return false;
      }
      int defaultPort = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
      int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
      String h = host.strip().toLowerCase(Locale.ROOT);
      int colon = h.lastIndexOf(':');
      boolean hasPort = colon > h.lastIndexOf(']');
      int hostPort = hasPort ? Integer.parseInt(h.substring(colon + 1)) : defaultPort;
      String originName = uri.getHost().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
      return originName.equals(hostName(host)) && port == hostPort;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String cut(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
