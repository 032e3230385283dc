package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A 500 is logged with its stack trace under an id the client also gets; every request gets an id and a log line. */
class InternalErrorsTest {
  @Test
  void failure_insideAHandler_isLoggedWithItsStackTraceUnderTheErrorIdTheClientGets() {
    try (CapturedLog log = new CapturedLog(InternalErrors.class.getName());
        ApiFixture broken = ApiFixture.start(() -> {
          throw new IllegalStateException("the store is on fire");
        })) {
      HttpResponse<String> response = broken.get("/api/v1/datasets");

      String errorId = ApiFixture.json(response).get("error_id").asText();
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(errorId).matches("[0-9a-f]{12}");
      assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValue(errorId);
      assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
          .startsWith("ERROR internal error " + errorId + " in GET /api/v1/datasets")
          .contains("java.lang.IllegalStateException: the store is on fire", "at org.quartermaster.app.api."));
      assertThat(response.body()).doesNotContain("fire");
    }
  }

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
    try (CapturedLog log = new CapturedLog(RequestLogging.LOGGER);
        ApiFixture api = ApiFixture.start(ApiSettings.loopback(0).withRequestLog(RequestLogging.parse("off")))) {
      assertThat(api.get("/api/v1/countries").statusCode()).isEqualTo(200);
      api.close();

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
}
