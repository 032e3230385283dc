package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jetty's own answers, given before a request reaches the API, in the API's error shape with its headers. */
class JsonErrorHandlerTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void uri_of20Kilobytes_returns414InTheErrorShapeWithTheSecurityHeaders() {
    RawHttp.Response response = RawHttp.exchange(api.app.port(),
        "GET /api/v1/countries?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    assertErrorShape(response, 414, "request URI too long");
  }

  @Test
  void header_of64Kilobytes_returns431InTheErrorShapeWithTheSecurityHeaders() {
    RawHttp.Response response = RawHttp.exchange(api.app.port(),
        "GET /api/v1/countries HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(64 * 1024) + "\r\n\r\n");

    assertErrorShape(response, 431, "request headers too large");
  }

  @Test
  void garbageRequestLine_returns400InTheErrorShapeWithTheSecurityHeaders() {
    RawHttp.Response response = RawHttp.exchange(api.app.port(), "\u0001\u0002 nonsense\r\n\r\n");

    assertErrorShape(response, 400, "malformed request");
  }

  @Test
  void badHeaderLine_returns400InTheErrorShapeWithTheSecurityHeaders() {
    RawHttp.Response response = RawHttp.exchange(api.app.port(),
        "GET /api/v1/countries HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n");

    assertErrorShape(response, 400, "malformed request");
  }

  private static void assertErrorShape(RawHttp.Response response, int status, String message) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.headers().get("content-type")).startsWith("application/json");
    assertThat(response.headers()).containsEntry("content-security-policy", ApiServer.CONTENT_SECURITY_POLICY)
        .containsEntry("x-content-type-options", "nosniff").containsEntry("x-frame-options", "DENY")
        .containsEntry("referrer-policy", "no-referrer");
    assertThat(response.headers().get("x-request-id")).matches("[0-9a-f]{12}");
    JsonNode body = ApiFixture.json(response.body());
    assertThat(body).isEqualTo(ApiFixture.json(
        "{\"status\":" + status + ",\"message\":\"" + message + "\",\"problems\":[]}"));
  }
}
