package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, critical 3: the loopback server (no token) answers only its own pages. A request naming
 * another host (DNS rebinding) is refused; a change from another origin, or in a body type a cross-site
 * form can send, is refused and changes nothing.
 */
class SameOriginTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** A raw request, to set the Host header the JDK's client does not let one set. */
  private static String raw(String method, String path, String host) throws IOException {
    URI base = URI.create(api.request("/").build().uri().toString());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try (InputStream in = socket.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void anyRequest_namingAnotherHost_isRefused403() throws IOException {
    int port = URI.create(api.request("/").build().uri().toString()).getPort();

    assertThat(raw("GET", "/api/v1/datasets", "attacker.example:" + port)).startsWith("HTTP/1.1 403")
        .contains("does not serve the host 'attacker.example:" + port + "'");
    assertThat(raw("GET", "/api/v1/datasets", "localhost:" + port)).startsWith("HTTP/1.1 200");
    assertThat(raw("GET", "/api/v1/datasets", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
  }

  @Test
  void change_fromAnotherOrigin_isRefused403AndSavesNothing() {
    HttpResponse<String> foreign = api.send(api.request("/api/v1/scenarios").header("Content-Type", "application/yaml")
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(ApiFixture.TINY_SCENARIO)));
    HttpResponse<String> crossSite = api.send(api.request("/api/v1/scenarios").header("Content-Type",
        "application/yaml").header("Sec-Fetch-Site", "cross-site")
        .POST(HttpRequest.BodyPublishers.ofString(ApiFixture.TINY_SCENARIO)));

    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("a change can only come from this server's own pages");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(api.get("/api/v1/scenarios").body()).doesNotContain("\"tiny\"");
  }

  @Test
  void change_fromTheServersOwnOrigin_isServed() {
    String origin = "http://127.0.0.1:" + URI.create(api.request("/").build().uri().toString()).getPort();

    HttpResponse<String> own = api.send(api.request("/api/v1/scenarios/validate")
        .header("Content-Type", "application/yaml").header("Origin", origin)
        .POST(HttpRequest.BodyPublishers.ofString(ApiFixture.TINY_SCENARIO)));

    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
  }

  @Test
  void change_inAFormsBodyType_isRefused415() {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"}) {
      HttpResponse<String> response = api.upload("/api/v1/imports?filename=c.csv", type,
          "buyer,item,quantity,value,currency,date\nPoland,CAMM,1,2,GBP,2023\n".getBytes(StandardCharsets.UTF_8));

      assertThat(response.statusCode()).as(type).isEqualTo(415);
      assertThat(response.body()).contains("not as " + type);
    }
  }
}
