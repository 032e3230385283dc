package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiServerTest {
  private static final String VALID = ApiFixture.TINY_SCENARIO;

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
  void unknownRoute_get_returns404InTheErrorShape() {
    HttpResponse<String> response = api.get("/api/v1/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json(
        "{\"status\":404,\"message\":\"no such endpoint: GET /api/v1/nothing-here\",\"problems\":[]}"));
  }

  @Test
  void unknownRoute_outsideTheApi_returns404InTheErrorShape() {
    HttpResponse<String> response = api.get("/no-such-page.html");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(response).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void everyResponse_successOrError_carriesTheSecurityHeaders() {
    for (HttpResponse<String> response : new HttpResponse[] {
        api.get("/api/v1/datasets"), api.get("/api/v1/nothing-here"), api.get("/api/v1/spending?year=x"),
        api.get("/api/openapi.json")}) {
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValue("default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
              + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
  }

  @Test
  void failure_insideAHandler_returns500WithoutDetails() {
    try (ApiFixture broken = ApiFixture.start(() -> {
      throw new IllegalStateException("secret detail");
    })) {
      HttpResponse<String> response = broken.get("/api/v1/datasets");

      assertThat(response.statusCode()).isEqualTo(500);
      JsonNode body = ApiFixture.json(response);
      assertThat(body.get("message").asText()).isEqualTo("internal error (a bug; please report it with the error_id)");
      assertThat(body.get("problems")).isEmpty();
      assertThat(body.get("error_id").asText()).matches("[0-9a-f]{12}");
      assertThat(response.body()).doesNotContain("secret", "Exception", "at org.");
    }
  }

  @Test
  void body_overOneMebibyte_returns413() {
    HttpResponse<String> response = api.post("/api/v1/scenarios/validate", "application/yaml",
        "#".repeat((1 << 20) + 1));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(ApiFixture.json(response).get("status").asInt()).isEqualTo(413);
    assertThat(ApiFixture.json(response).get("message").asText()).startsWith("request body too large");
  }

  /**
   * The server reads a refused body to its end before answering: answering and closing while the
   * client still sends resets the connection, and the client sees no response at all (this failed
   * about 1 time in 30 on a busy machine before).
   */
  @Test
  void body_overTheLimit_isAnswered413EveryTimeOnAConnectionThatStaysUsable() {
    String tooLarge = "#".repeat((2 << 20) + 1);

    for (int attempt = 0; attempt < 40; attempt++) {
      assertThat(api.post("/api/v1/scenarios/validate", "application/yaml", tooLarge).statusCode())
          .as("attempt %d", attempt).isEqualTo(413);
      assertThat(api.post("/api/v1/scenarios/validate", "application/yaml", VALID).statusCode())
          .as("attempt %d", attempt).isEqualTo(200);
    }
  }

  @Test
  void loopback_postWithoutToken_isAllowed() {
    assertThat(api.post("/api/v1/scenarios/validate", "application/yaml", VALID).statusCode()).isEqualTo(200);
  }

  @Test
  void exposed_mutatingRequestWithoutOrWithWrongToken_returns401() {
    try (ApiFixture exposed = ApiFixture.start(ApiSettings.loopback(0).withToken("s3cret", true))) {
      HttpResponse<String> none = exposed.post("/api/v1/scenarios/validate", "application/yaml", VALID);
      HttpResponse<String> wrong = exposed.send(exposed.request("/api/v1/scenarios/validate")
          .header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.ofString(VALID)));
      HttpResponse<String> delete = exposed.delete("/api/v1/runs/whatever");

      for (HttpResponse<String> response : java.util.List.of(none, wrong, delete)) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json(
            "{\"status\":401,\"message\":\"this request needs 'Authorization: Bearer <token>'\",\"problems\":[]}"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      }
    }
  }

  @Test
  void exposed_rightTokenOrReadRequest_isServed() {
    try (ApiFixture exposed = ApiFixture.start(ApiSettings.loopback(0).withToken("s3cret", true))) {
      HttpResponse<String> post = exposed.send(exposed.request("/api/v1/scenarios/validate")
          .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.ofString(VALID)));
      HttpResponse<String> read = exposed.get("/api/v1/scenarios");

      assertThat(post.statusCode()).isEqualTo(200);
      assertThat(read.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void settings_nonLoopbackHostWithoutToken_areRefused() {
    assertThatThrownBy(() -> new ApiSettings("0.0.0.0", 0, null, false, 1024, ApiSettings.RunLimits.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a token");
    assertThatThrownBy(() -> ApiSettings.loopback(0).withToken(" ", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ApiSettings("0.0.0.0", 0, "t", false, 1024, ApiSettings.RunLimits.DEFAULT).requiresToken())
        .isTrue();
    assertThat(ApiSettings.loopback(0).requiresToken()).isFalse();
    assertThat(ApiSettings.isLoopback("localhost")).isTrue();
    assertThat(ApiSettings.isLoopback("::1")).isTrue();
  }

  @Test
  void openApi_errorSchema_namesEveryFieldOfTheErrorShape() {
    JsonNode schema = ApiFixture.json(api.get("/api/openapi.json")).at("/components/schemas/Error/properties");
    JsonNode body = ApiFixture.JSON.valueToTree(new ApiException.Body(500, "m", java.util.List.of(), "0123456789ab"));

    Set<String> documented = new TreeSet<>();
    schema.fieldNames().forEachRemaining(documented::add);
    Set<String> written = new TreeSet<>();
    body.fieldNames().forEachRemaining(written::add);
    assertThat(documented).isEqualTo(written).contains("error_id");
  }

  @Test
  void openApi_everyRegisteredRoute_isDocumentedAndViceVersa() {
    HttpResponse<String> response = api.get("/api/openapi.json");
    JsonNode doc = ApiFixture.json(response);

    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      path.getValue().fieldNames().forEachRemaining(
          method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
    }
    Set<String> registered = new TreeSet<>();
    for (ParsedEndpoint parsed : api.app.unsafe.internalRouter.allHttpHandlers()) {
      if (parsed.endpoint.method.isHttpMethod()) {
        registered.add(parsed.endpoint.method.toString().toUpperCase(Locale.ROOT) + " " + parsed.endpoint.path);
      }
    }
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(registered).hasSizeGreaterThanOrEqualTo(15);
    assertThat(documented).isEqualTo(registered);
  }
}
