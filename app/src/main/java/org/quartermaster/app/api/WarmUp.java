package org.quartermaster.app.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Request;

/**
 * What a started server does before it says it is ready ({@code qm serve} prints its address and leaves
 * its server file only after): it sends itself, through the real HTTP stack on its own address, the
 * dashboard's first read requests, plain and gzipped, over and over: a given number of them, or fewer when
 * {@link #MAX_DURATION} has passed first (a busy machine), but each at least once in both forms. After that the first
 * clients find the answers kept ({@link ResponseCache}) and the request path compiled by the JIT, where a
 * cold server under 200 connections answered its first seconds' requests in up to a second.
 *
 * <p>The port is open meanwhile: a request that arrives during the warm-up is answered as any other, only
 * more slowly. Warm-up requests carry {@value #HEADER} with a secret of this process and are left out of the
 * request log. Requests that fail (a refusal is an answer too) stop the warm-up early; it never fails the
 * server.
 */
public final class WarmUp {
  /** The header that marks a warm-up request. */
  static final String HEADER = "X-Qm-Warm-Up";
  /** The default number of warm-up requests. */
  public static final int DEFAULT_REQUESTS = 3000;
  /** The longest the warm-up goes on, unless it has not yet answered each request in both forms. */
  static final Duration MAX_DURATION = Duration.ofSeconds(10);
  /** Requests sent at once. */
  private static final int AT_ONCE = 8;
  private static final String SECRET = secret();
  /**
   * The dashboard pages' first reads (web/js) and its start page, then typical reads of API clients (the mix
   * bench/load.sh sends: a guideline year, one country's series, allocations by donor, one item's production).
   */
  static final List<String> PATHS = List.of(
      "/",
      "/api/v1/datasets",
      "/api/v1/import-formats",
      "/api/v1/scenarios",
      "/api/v1/countries",
      "/api/v1/spending?vintage=all",
      "/api/v1/spending?source=nato&vintage=all",
      "/api/v1/spending?source=nato&threshold=2",
      "/api/v1/spending?country=POL&source=nato&vintage=all",
      "/api/v1/spending?format=csv&source=nato",
      "/api/v1/aid?release=all",
      "/api/v1/aid?release=latest",
      "/api/v1/aid?measure=allocation&category=military&by=donor",
      "/api/v1/deliveries",
      "/api/v1/production",
      "/api/v1/contracts",
      "/api/v1/items",
      "/api/v1/transfers",
      "/api/v1/spending?year=2024&threshold=2&source=nato&vintage=2024-06",
      "/api/v1/spending?country=POL",
      "/api/v1/aid?by=donor&category=military&measure=allocation",
      "/api/v1/aid?measure=allocation&category=military",
      "/api/v1/production?item=Stinger");

  /** What the warm-up did: the requests answered, and the first failure if one stopped it early (else null). */
  public record Report(int requests, Duration took, String failure) {}

  private WarmUp() {
  }

  private static String secret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether Jetty's {@code request} is one of this process's warm-up requests. */
  static boolean isWarmUp(Request request) {
    return SECRET.equals(request.getHeaders().get(HEADER));
  }

  /**
   * Sends {@code requests} warm-up requests to the server at {@code base} ({@code http://host:port}), {@value
   * #AT_ONCE} at a time, and returns when they are answered, or {@link #MAX_DURATION} has passed and each request
   * was answered in both forms, or one fails.
   */
  public static Report run(URI base, int requests) {
    long start = System.nanoTime();
    long deadline = start + MAX_DURATION.toNanos();
    int atLeast = Math.min(requests, 2 * PATHS.size());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    List<String> failures = new ArrayList<>();
    try (ExecutorService senders = Executors.newFixedThreadPool(AT_ONCE);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build()) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        sent.add(senders.submit(() -> {
          for (int n = next.getAndIncrement(); n < requests && (n < atLeast || System.nanoTime() < deadline);
              n = next.getAndIncrement()) {
            String failure = send(client, base, n);
            if (failure != null) {
              synchronized (failures) {
                failures.add(failure);
              }
              next.set(requests);
              return;
            }
            answered.incrementAndGet();
          }
        }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("interrupted");
    } catch (ExecutionException e) {
      failures.add(String.valueOf(e.getCause()));
    }
    return new Report(answered.get(), Duration.ofNanos(System.nanoTime() - start),
        failures.isEmpty() ? null : failures.getFirst());
  }

  /** The {@code n}th request: the paths in turn, every other round gzipped; null when answered, else why not. */
  private static String send(HttpClient client, URI base, int n) {
    String path = PATHS.get(n % PATHS.size());
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header(HEADER, SECRET)
        .header("Accept-Encoding", (n / PATHS.size()) % 2 == 0 ? "gzip" : "identity")
        .build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode() < 500 ? null : "GET " + path + " answered " + response.statusCode();
    } catch (IOException e) {
      return "GET " + path + ": " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
