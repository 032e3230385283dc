package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Swagger UI at {@code /api/docs}: our own page and script, Swagger UI from its webjar, no inline script. */
class ApiDocsTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<String> assets(String html) {
    List<String> assets = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      assets.add(m.group(1));
    }
    return assets;
  }

  @Test
  void docs_always_returnsAnHtmlPageLoadingSwaggerUiAndOurScript() {
    HttpResponse<String> response = api.get("/api/docs");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(ApiServer.CONTENT_SECURITY_POLICY);
    assertThat(assets(response.body())).contains("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js",
        "/webjars/swagger-ui/5.34.1/swagger-ui.css", "/api/docs/swagger-initializer.js");
    assertThat(response.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|on[a-z]+=\"");
  }

  @Test
  void docs_everyAssetItLoads_returns200() {
    for (String asset : assets(api.get("/api/docs").body())) {
      HttpResponse<String> response = api.get(asset);

      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.body()).as(asset).isNotEmpty();
    }
  }

  @Test
  void script_startsSwaggerUiOnTheOpenApiDocument() {
    HttpResponse<String> response = api.get("/api/docs/swagger-initializer.js");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(response.body()).contains("SwaggerUIBundle({", "url: '/api/openapi.json'", "dom_id: '#swagger-ui'");
    assertThat(api.get("/api/openapi.json").statusCode()).isEqualTo(200);
  }
}
