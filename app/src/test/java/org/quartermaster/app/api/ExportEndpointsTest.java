package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.query.ExportFormat;
import org.quartermaster.app.query.ExportTable;
import org.quartermaster.app.query.TableExport;
import org.quartermaster.app.store.Store;

/** {@code GET /api/v1/exports/{table}}: the table as {@code qm export} writes it, as an attachment. */
class ExportEndpointsTest {
  @TempDir Path dir;
  private Store store;
  private ApiFixture api;

  @BeforeEach
  void start() {
    store = ApiFixture.seededStore();
    api = ApiFixture.start(() -> store);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static long temporaryExports() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().contains("qm-export-")).count();
    }
  }

  @Test
  void export_eachFormat_isTheFileQmExportWritesAsAnAttachmentAndLeavesNoTemporaryFile() throws IOException {
    long before = temporaryExports();
    for (ExportFormat format : ExportFormat.values()) {
      Path direct = dir.resolve("aid." + format.cliName());
      long rows = TableExport.write(store, ExportTable.AID, format, direct);

      HttpResponse<byte[]> response = api.sendBytes(api.request("/api/v1/exports/aid?format=" + format.cliName()));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).as(format.cliName()).isEqualTo(Files.readAllBytes(direct));
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
          .startsWith(switch (format) {
            case CSV -> "text/csv";
            case PARQUET -> "application/vnd.apache.parquet";
            case JSON -> "application/json";
          }));
      assertThat(response.headers().firstValue("Content-Disposition"))
          .contains("attachment; filename=aid." + format.cliName());
      assertThat(response.headers().firstValue(ExportEndpoints.ROWS)).contains(Long.toString(rows));
    }
    assertThat(temporaryExports()).isEqualTo(before);
  }

  @Test
  void export_toAClientThatAcceptsGzip_isTheWholeFileUncompressed() throws IOException {
    Path direct = dir.resolve("production.json");
    TableExport.write(store, ExportTable.PRODUCTION, ExportFormat.JSON, direct);

    HttpResponse<byte[]> response = api.sendBytes(api.request("/api/v1/exports/production?format=json")
        .header("Accept-Encoding", "gzip, deflate, br"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).contains(Long.toString(Files.size(direct)));
    assertThat(response.body()).isEqualTo(Files.readAllBytes(direct));
  }

  @Test
  void export_unknownTableOrFormat_is404NamingTheTablesOr400() {
    HttpResponse<String> unknown = api.get("/api/v1/exports/secrets");
    HttpResponse<String> badFormat = api.get("/api/v1/exports/spending?format=xlsx");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(unknown).get("message").asText()).isEqualTo("no table secrets to export; tables:"
        + " spending, aid, deliveries, production, contracts, datasets, countries");
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(badFormat).get("problems").get(0).get("path").asText()).isEqualTo("format");
    assertThat(ApiFixture.json(badFormat).get("problems").get(0).get("message").asText())
        .isEqualTo("expected csv, parquet or json");
  }
}
