package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.tabular.Mappings;

/** The format list the API and the Data page use comes from {@link ImportFormat}; the OpenAPI document agrees. */
class ImportFormatEndpointsTest {
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
  void list_always_givesEveryFormatWithItsLabelAndTheShippedMappings() {
    HttpResponse<String> response = api.get("/api/v1/import-formats");

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.get("formats").get(3)).isEqualTo(ApiFixture.json("""
        {"name": "nato", "label": "NATO expenditure table"}
        """));
    List<String> names = new ArrayList<>();
    body.get("formats").forEach(f -> names.add(f.get("name").asText()));
    assertThat(names).isEqualTo(ImportFormat.names());
    List<String> mappings = new ArrayList<>();
    body.get("shipped_mappings").forEach(m -> mappings.add(m.asText()));
    assertThat(mappings).isEqualTo(Mappings.shippedMappingNames());
  }

  /** The OpenAPI document is written by hand: its format enum must be the registry's list. */
  @Test
  void openApi_importFormatEnum_isTheRegistrysList() throws IOException {
    JsonNode doc;
    try (InputStream in = ApiServer.class.getResourceAsStream("/org/quartermaster/app/api/openapi.json")) {
      doc = ApiFixture.JSON.readTree(in);
    }
    List<String> documented = new ArrayList<>();
    for (JsonNode parameter : doc.at("/paths/~1api~1v1~1imports/post/parameters")) {
      if (parameter.get("name").asText().equals("format")) {
        parameter.at("/schema/enum").forEach(v -> documented.add(v.asText()));
      }
    }

    assertThat(documented).isEqualTo(ImportFormat.names());
  }
}
