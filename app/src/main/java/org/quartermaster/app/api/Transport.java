package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * Jetty under the API: the connector (address, port, idle timeout), the slowest request body accepted,
 * how many mutating requests are served at once, the request ids, the request log and Jetty's own error
 * answers.
 *
 * <p>Why the limit on mutating requests: Javalin's Jetty has one pool of 250 threads, and a request holds
 * one of them while its body arrives. Requests wait for their headers without a thread, and reads carry
 * no body, so only bodies can pin threads; {@link ApiSettings.Connections#maxChangesAtOnce} of them at
 * most, the others wait in Jetty's {@link QoSHandler} without a thread and get 503 after
 * {@link ApiSettings.Connections#maxWaitForTurn}. A body that stalls is closed after the idle timeout,
 * and one that trickles is dropped with 408 once it falls below the minimum data rate.
 */
final class Transport {
  private static final String[] MUTATING = {"POST", "PUT", "PATCH", "DELETE"};

  private Transport() {
  }

  static void configure(JavalinConfig cfg, ApiSettings settings, ObjectMapper json) {
    ApiSettings.Connections connections = settings.connections();
    cfg.jetty.addConnector((server, http) -> {
      ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
      connector.setHost(settings.host());
      connector.setPort(settings.port());
      connector.setIdleTimeout(connections.idleTimeout().toMillis());
      return connector;
    });
    cfg.jetty.modifyServer(server -> {
      QoSHandler changes = new QoSHandler();
      changes.includeMethod(MUTATING);
      changes.setMaxRequestCount(connections.maxChangesAtOnce());
      changes.setMaxSuspend(connections.maxWaitForTurn());
      // Javalin puts its servlet handler inside the innermost wrapper:
      // RequestIds → QoSHandler → MinimumDataRateHandler → Javalin
      // no minimum for responses: a run's event stream writes a few bytes now and then, by design
      changes.setHandler(new MinimumDataRateHandler(connections.minRequestBytesPerSecond(), 0));
      server.setHandler(new RequestIds(changes));
      server.setErrorHandler(new JsonErrorHandler(json));
      RequestLog requestLog = RequestLogging.jettyRequestLog(settings.requestLog());
      if (requestLog != null) {
        server.setRequestLog(requestLog);
      }
    });
  }
}
