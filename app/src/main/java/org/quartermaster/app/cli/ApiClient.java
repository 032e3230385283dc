package org.quartermaster.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The REST API of a running {@code qm serve}, as the commands that go through it call it: one request
 * each, the token (when there is one) on changes only, every failure a {@link BadInputException} in the
 * server's words, but a server that cannot be reached at all, which is {@link Unreachable}.
 */
final class ApiClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration CONNECT = Duration.ofSeconds(5);

  /** Nothing answers at the server's address: no request was sent. */
  static final class Unreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();

  /** @param token sent as {@code Authorization: Bearer} with POST and DELETE; null for none */
  ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  URI base() {
    return base;
  }

  /** GET {@code path} with these parameters (null values left out): the body of a 200. */
  String get(String path, Map<String, String> params) {
    return send(HttpRequest.newBuilder(uri(path, params)).GET(), false).body();
  }

  /** DELETE {@code path}: the JSON body of a 200. */
  JsonNode delete(String path, Map<String, String> params) {
    return json(send(HttpRequest.newBuilder(uri(path, params)).DELETE(), true));
  }

  /** POST the file as the body of {@code path}: the JSON body of a 200 or 201. */
  JsonNode post(String path, Map<String, String> params, Path file, String contentType) {
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(file);
    } catch (FileNotFoundException e) {
      throw new BadInputException(file + ": no such file");
    }
    return json(send(HttpRequest.newBuilder(uri(path, params)).header("Content-Type", contentType).POST(body), true));
  }

  /** POST {@code body} as JSON to {@code path}: the JSON body of a 200 or 201. */
  JsonNode postJson(String path, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("not writable as JSON: " + body, e);
    }
    return json(send(HttpRequest.newBuilder(uri(path, Map.of())).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), true));
  }

  /**
   * GET {@code path} with these parameters into {@code file} (replaced) as the body of a 200 comes; the
   * response's headers. A refusal leaves {@code file} as it was.
   */
  HttpHeaders download(String path, Map<String, String> params, Path file) {
    HttpResponse<InputStream> response = exchange(HttpRequest.newBuilder(uri(path, params)).GET(), false,
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw failure(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new BadInputException("the server at " + base + " failed to answer: " + e);
    }
    return response.headers();
  }

  private HttpResponse<String> send(HttpRequest.Builder request, boolean change) {
    HttpResponse<String> response = exchange(request, change, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw failure(response.statusCode(), response.body());
    }
    return response;
  }

  private <T> HttpResponse<T> exchange(HttpRequest.Builder request, boolean change, HttpResponse.BodyHandler<T> handler) {
    if (change && token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<T> response;
    try {
      response = http.send(request.build(), handler);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new Unreachable("nothing answers at " + base + " (" + e + ")", e);
    } catch (IOException e) {
      throw new BadInputException("the server at " + base + " failed to answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException("interrupted while waiting for the server at " + base);
    }
    return response;
  }

  /** The server's error ({message, problems: [{path, value, message}]}) as the lines qm prints. */
  private BadInputException failure(int status, String text) {
    if (status == 401) {
      return new BadInputException("the server at " + base + " needs its token for this change: set "
          + BearerToken.ENVIRONMENT + " or give --token-file FILE (the file the server reads it from)");
    }
    JsonNode body;
    try {
      body = JSON.readTree(text);
    } catch (IOException notJson) {
      body = null;
    }
    if (body == null || !body.hasNonNull("message")) {
      return new BadInputException("the server at " + base + " answered " + status);
    }
    List<String> lines = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (body.path("problems").isEmpty()) {
      lines.add(body.get("message").asText());
    }
    for (JsonNode problem : body.path("problems")) {
      String at = problem.path("path").asText("");
      String value = problem.hasNonNull("value") ? ": '" + problem.get("value").asText() + "'" : "";
      lines.add(at.equals("query") || at.isEmpty() ? problem.path("message").asText()
          : at + value + " — " + problem.path("message").asText());
      problems.add(new Problem(at, problem.hasNonNull("value") ? problem.get("value").asText() : null,
          problem.path("message").asText()));
    }
    return new ServerRefusal(status, body.get("message").asText(), lines, problems);
  }

  /** One problem of a server's error answer: its field, the value given (null when absent), the message. */
  record Problem(String path, String value, String message) {}

  /** A 4xx or 5xx from the server, with its status, message and every problem as a line. */
  static final class ServerRefusal extends BadInputException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String message;
    private final transient List<Problem> problems;

    ServerRefusal(int status, String message, List<String> lines, List<Problem> problems) {
      super(lines);
      this.status = status;
      this.message = message;
      this.problems = List.copyOf(problems);
    }

    int status() {
      return status;
    }

    String serverMessage() {
      return message;
    }

    /** The answer's problems, as the server gave them (none for a plain message). */
    List<Problem> problems() {
      return problems;
    }
  }

  private JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new BadInputException("the server at " + base + " answered what is not JSON: " + e.getMessage());
    }
  }

  private URI uri(String path, Map<String, String> params) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    params.forEach((name, value) -> {
      if (value != null) {
        query.add(encode(name) + "=" + encode(value));
      }
    });
    return URI.create(base + path + query);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
