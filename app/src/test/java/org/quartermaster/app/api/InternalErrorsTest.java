package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A 500 is logged with its stack trace under an id the client also gets, and the client gets nothing else. */
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
  void malformedChunkedBody_isAnsweredAsTheClientsErrorAndNotLogged() {
    try (CapturedLog log = new CapturedLog(InternalErrors.class.getName()); ApiFixture api = ApiFixture.start()) {
      RawHttp.Response response = RawHttp.exchange(api.app.port(), "POST /api/v1/scenarios/validate HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nContent-Type: application/yaml\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nname:\r\nnot-a-size\r\n\r\n");

      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(ApiFixture.json(response.body()).get("error_id")).isNull();
      assertThat(log.lines()).isEmpty();
    }
  }
}
