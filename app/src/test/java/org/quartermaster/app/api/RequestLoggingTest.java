package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every request gets an id, answered in X-Request-Id, and one request log line naming it. */
class RequestLoggingTest {
  @Test
  void request_anyAnswer_hasAnIdThatItsRequestLogLineNamesWithoutTheAuthorizationHeader() {
    try (CapturedLog log = new CapturedLog(RequestLogging.LOGGER); ApiFixture api = ApiFixture.start()) {
      HttpResponse<String> found = api.send(api.request("/api/v1/countries?member=nato")
          .header("Authorization", "Bearer s3cret-token"));
      HttpResponse<String> missing = api.get("/api/v1/nothing-here");

      String foundId = found.headers().firstValue(RequestIds.HEADER).orElseThrow();
      String missingId = missing.headers().firstValue(RequestIds.HEADER).orElseThrow();
      assertThat(foundId).matches("[0-9a-f]{12}").isNotEqualTo(missingId);
      String foundLine = awaitLine(log, line -> line.contains("id=" + foundId));
      assertThat(foundLine).matches(
          "INFO 127\\.0\\.0\\.1 \"GET /api/v1/countries\\?member=nato HTTP/1\\.1\" 200 \\d+ B \\d+ ms id=" + foundId)
          .doesNotContain("s3cret");
      assertThat(awaitLine(log, line -> line.contains("id=" + missingId))).contains("\"GET /api/v1/nothing-here HTTP/1.1\" 404");
    }
  }

  @Test
  void requestLog_off_writesNothing() {
    try (CapturedLog log = new CapturedLog(RequestLogging.LOGGER)) {
      // stopping the server waits for its requests to complete, and so for any request log line
      try (ApiFixture api = ApiFixture.start(ApiSettings.loopback(0).withRequestLog(RequestLogging.parse("off")))) {
        assertThat(api.get("/api/v1/import-formats").statusCode()).isEqualTo(200);
      }

      assertThat(log.lines()).isEmpty();
    }
  }

  /** The request log line is written once the answer is sent: the client may see the answer a moment earlier. */
  private static String awaitLine(CapturedLog log, Predicate<String> wanted) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      List<String> matching = log.lines().stream().filter(wanted).toList();
      if (!matching.isEmpty()) {
        return matching.getFirst();
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no such request log line in " + log.lines());
  }
  @Test
  void requestLog_toAFile_appendsALinePerRequest(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("requests.log");
    Files.writeString(file, "earlier line\n");
    String id;
    try (ApiFixture api = ApiFixture.start(ApiSettings.loopback(0).withRequestLog(RequestLogging.parse(file.toString())))) {
      id = api.get("/api/v1/import-formats").headers().firstValue(RequestIds.HEADER).orElseThrow();
    }

    // the file is written by a thread of its own: the line may land a moment after the answer
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!Files.readString(file).contains("id=" + id) && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).first().isEqualTo("earlier line");
    assertThat(Files.readString(file)).contains("\"GET /api/v1/import-formats HTTP/1.1\" 200", "id=" + id);
  }

  @Test
  void warmUp_requestsAreAnsweredButLeftOutOfTheRequestLog(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("requests.log");
    WarmUp.Report report;
    String id;
    try (ApiFixture api = ApiFixture.start(ApiSettings.loopback(0).withRequestLog(RequestLogging.parse(file.toString())))) {
      report = WarmUp.run(java.net.URI.create("http://127.0.0.1:" + api.app.port()), 2 * WarmUp.PATHS.size());
      id = api.get("/api/v1/import-formats").headers().firstValue(RequestIds.HEADER).orElseThrow();
    }

    assertThat(report.failure()).isNull();
    assertThat(report.requests()).isEqualTo(2 * WarmUp.PATHS.size());
    // stopping the server writes every queued line
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).singleElement().asString()
        .contains("\"GET /api/v1/import-formats HTTP/1.1\" 200", "id=" + id);
  }

  @Test
  void request_withAWarmUpHeaderOfItsOwn_isLogged(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("requests.log");
    try (ApiFixture api = ApiFixture.start(ApiSettings.loopback(0).withRequestLog(RequestLogging.parse(file.toString())))) {
      assertThat(api.send(api.request("/api/v1/import-formats").header(WarmUp.HEADER, "guessed")).statusCode())
          .isEqualTo(200);
    }

    assertThat(Files.readString(file)).contains("\"GET /api/v1/import-formats HTTP/1.1\" 200");
  }

  @Test
  void parse_blank_isRefusedNamingTheChoices() {
    assertThat(RequestLogging.parse("-")).isEqualTo(RequestLogging.TO_LOG);
    assertThat(RequestLogging.parse("off")).isInstanceOf(RequestLogging.Off.class);
    assertThatThrownBy(() -> RequestLogging.parse(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'-' (stderr), 'off' or a file");
  }
}
