package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import io.javalin.Javalin;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;

/**
 * Slow clients cannot take the server's threads: many bodies sent slowly at once leave threads for reads,
 * a body that trickles below the minimum rate is dropped, and one that stalls is closed at the idle timeout.
 * Real sockets on a real server; the timeouts are short so the test is, and its waits are generous bounds.
 */
class SlowClientsTest {
  private static final int SLOW_CLIENTS = 250;
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void slowBodies_250AtOnce_leaveThreadsToAnswerReads() throws Exception {
    // nothing drops the slow bodies here (no minimum rate, long idle timeout): only the limit on changes at once
    ApiSettings.Connections patient = new ApiSettings.Connections(Duration.ofSeconds(30), 0, 8, Duration.ofSeconds(30));
    assertReadsAnsweredDespiteSlowBodies(ApiSettings.loopback(0).withConnections(patient));
  }

  @Test
  void slowBodiesWithoutToken_250AtOnceOnAnExposedServer_leaveThreadsToAnswerReads() throws Exception {
    ApiSettings.Connections patient = new ApiSettings.Connections(Duration.ofSeconds(30), 0, 8, Duration.ofSeconds(30));
    assertReadsAnsweredDespiteSlowBodies(ApiSettings.loopback(0).withToken("s3cret", true).withConnections(patient));
  }

  @Test
  void slowBody_belowTheMinimumRate_isDroppedWith408() throws Exception {
    ApiSettings.Connections strict = new ApiSettings.Connections(Duration.ofSeconds(2), 1024, 8, Duration.ofSeconds(2));
    try (CapturedLog errors = new CapturedLog(InternalErrors.class.getName());
        ApiFixture api = ApiFixture.start(ApiSettings.loopback(0).withConnections(strict));
        Socket socket = slowPost(api.app.port())) {
      CompletableFuture<byte[]> answer = answerOf(socket);
      long started = System.nanoTime();
      while (!answer.isDone() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20)) {
        try {
          socket.getOutputStream().write('#');
          socket.getOutputStream().flush();
        } catch (IOException closed) {
          break;
        }
        Thread.sleep(100);
      }

      RawHttp.Response response = RawHttp.parse(answer.get(20, TimeUnit.SECONDS));
      assertThat(response.status()).isEqualTo(408);
      assertThat(ApiFixture.json(response.body()).get("status")).as(response.toString()).isNotNull();
      assertThat(ApiFixture.json(response.body()).get("status").asInt()).isEqualTo(408);
      assertThat(response.headers()).containsEntry("x-content-type-options", "nosniff");
      assertThat(errors.lines()).as("a slow client is not a bug: no ERROR with a stack trace").isEmpty();
    }
  }

  @Test
  void stalledBody_isClosedAtTheIdleTimeout() throws Exception {
    ApiSettings.Connections strict = new ApiSettings.Connections(Duration.ofSeconds(1), 1024, 8, Duration.ofSeconds(2));
    try (CapturedLog errors = new CapturedLog(InternalErrors.class.getName());
        ApiFixture api = ApiFixture.start(ApiSettings.loopback(0).withConnections(strict));
        Socket socket = slowPost(api.app.port())) {
      byte[] answer = answerOf(socket).get(20, TimeUnit.SECONDS);

      if (answer.length > 0) {
        assertThat(RawHttp.parse(answer).status()).isEqualTo(408);
      }
      assertThat(errors.lines()).isEmpty();
    }
  }

  private static void assertReadsAnsweredDespiteSlowBodies(ApiSettings settings) throws Exception {
    List<Socket> slow = new ArrayList<>();
    // an empty store: the read is a real store read, without the seconds of seeding the bundled dataset
    Javalin app = ApiServer.create(Store::inMemory, settings).start();
    try {
      HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/countries"))
          // liveness, not speed: without the limit the read waits for a slow body's idle timeout (30 s)
          .timeout(Duration.ofSeconds(15)).build();
      assertThat(CLIENT.send(read, HttpResponse.BodyHandlers.ofString()).statusCode()).as("store opened").isEqualTo(200);
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        slow.add(slowPost(app.port()));
      }
      awaitTakenUp(app);

      HttpResponse<String> answer = CLIENT.send(read, HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(200);
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
      app.stop();
    }
  }

  /**
   * Waits (at most 20 s) until the server has taken up all the slow requests: every thread of its pool
   * busy reading their bodies, or (with the limit on changes at once) every one taken in by the
   * {@link QoSHandler}, which holds them without a thread or refuses them. The wait only lets the attack
   * settle before the read; it asserts nothing.
   */
  private static void awaitTakenUp(Javalin app) throws InterruptedException {
    Server server = app.jettyServer().server();
    QueuedThreadPool threads = (QueuedThreadPool) server.getThreadPool();
    QoSHandler turns = server.getDescendant(QoSHandler.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline
        && !(threads.getThreads() == threads.getMaxThreads() && threads.getIdleThreads() == 0)
        && (turns == null || turns.getTotalRequestCount() < SLOW_CLIENTS)) {
      Thread.sleep(50);
    }
  }

  /** A POST announcing a 500 000-byte body, of which one byte is sent. */
  private static Socket slowPost(int port) {
    Socket socket = RawHttp.connect(port);
    try {
      socket.getOutputStream().write(("POST /api/v1/scenarios/validate HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nContent-Type: application/yaml\r\nContent-Length: 500000\r\n\r\n#").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything the server sends on {@code socket} until it closes it. */
  private static CompletableFuture<byte[]> answerOf(Socket socket) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return RawHttp.readToEnd(socket.getInputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
