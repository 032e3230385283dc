package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.store.Store;

/**
 * A real API server on 127.0.0.1, port 0, over an in-memory store seeded with the bundled dataset,
 * and an HTTP client for it. Close it to stop the server.
 */
final class ApiFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  /** A valid scenario, as small as one can be: for tests of what the server lets through, not of SM-1. */
  static final String TINY_SCENARIO = """
      name: tiny
      horizon_months: 3
      items: [{id: shell}]
      holders: [{id: USA}]
      stocks: [{holder: USA, item: shell, initial: 10}]
      """;
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Javalin app;
  private final String base;

  private ApiFixture(Supplier<Store> stores, ApiSettings settings) {
    this(ApiServer.create(stores, settings));
  }

  private ApiFixture(Javalin notStarted) {
    app = notStarted.start();
    base = "http://127.0.0.1:" + app.port();
  }

  /** The port the server listens on, at 127.0.0.1. */
  int port() {
    return app.port();
  }

  /** A server on {@code store}, open from the start as {@code qm serve} gives it. */
  static ApiFixture startOn(Store store) {
    return new ApiFixture(ApiServer.create(store, ApiSettings.loopback(0)));
  }

  static ApiFixture start(ApiSettings settings) {
    return new ApiFixture(ApiFixture::seededStore, settings);
  }

  static ApiFixture start() {
    return start(ApiSettings.loopback(0));
  }

  static ApiFixture start(Supplier<Store> stores) {
    return new ApiFixture(stores, ApiSettings.loopback(0));
  }

  static Store seededStore() {
    Store store = Store.inMemory();
    BundledDataset.seedIfEmpty(store, Countries.standard());
    return store;
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request whose response body is kept as bytes (compressed answers). */
  HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> postJson(String path, Object body) {
    try {
      return post(path, "application/json", JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> put(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A file upload: the bytes as the body. */
  HttpResponse<String> upload(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static String toJson(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
