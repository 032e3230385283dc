package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** {@code POST /api/v1/imports}: a file as the request body, imported all or nothing. */
class ImportEndpointsTest {
  static final String CONTRACTS_HEADER = "buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n";
  static final String CSV = "text/csv";

  private static Store store;
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    store = ApiFixture.seededStore();
    api = ApiFixture.start(() -> store);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** A contracts file in Quartermaster's own CSV format, one row per item, unique to the test by its items. */
  static byte[] contracts(String... items) {
    StringBuilder text = new StringBuilder(CONTRACTS_HEADER);
    for (String item : items) {
      text.append("Poland,,").append(item).append(",1000,1900000000,GBP,2023-11-07,MBDA UK,https://example.org/camm,"
          + "sample\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String path(String fileName, String more) {
    return "/api/v1/imports?filename=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8) + more;
  }

  /** Every table's row count and the dataset list: "the store exactly as before". */
  private static Map<String, Object> snapshot() {
    Map<String, Object> state = new LinkedHashMap<>(StoreCounts.of(store));
    state.put("datasets", ApiFixture.json(api.get("/api/v1/datasets")).get("rows"));
    return state;
  }

  private static List<String> uploadFolders() {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("qm-upload-")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void upload_goodFile_returns201WithTheReportAndTheRowsAreInTheStore() {
    HttpResponse<String> response = api.upload(path("contracts-good.csv", ""), CSV,
        contracts("Upload alpha", "Upload beta"));

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    int datasetId = body.get("dataset_id").asInt();
    assertThat(body).isEqualTo(ApiFixture.json("""
        {"dataset_id": %d, "file": "contracts-good.csv", "format": "qm-csv", "table": "contracts",
         "rows_written": 2, "rows_read": 2, "rows_by_table": {"contracts": 2}, "dry_run": false, "unchanged": false,
         "replaced_dataset_id": null,
         "message": "contracts-good.csv (qm-csv): 2 rows added to contracts as dataset %d", "unsourced": false, "warnings": []}
        """.formatted(datasetId, datasetId)));
    JsonNode datasets = ApiFixture.json(api.get("/api/v1/datasets")).get("rows");
    JsonNode last = datasets.get(datasets.size() - 1);
    assertThat(last.get("dataset_id").asInt()).isEqualTo(datasetId);
    assertThat(last.get("file").asText()).isEqualTo("contracts-good.csv");
    assertThat(last.get("rows").asInt()).isEqualTo(2);
    assertThat(ApiFixture.json(api.get("/api/v1/contracts?item=Upload%20alpha")).get("rows").size()).isEqualTo(1);
  }

  @Test
  void upload_sameBytesAgain_returns200UnchangedAndWritesNothing() {
    byte[] file = contracts("Twice gamma");
    JsonNode first = ApiFixture.json(api.upload(path("first.csv", ""), CSV, file));
    Map<String, Object> before = snapshot();

    HttpResponse<String> again = api.upload(path("second-name.csv", ""), CSV, file);

    int id = first.get("dataset_id").asInt();
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(ApiFixture.json(again)).isEqualTo(ApiFixture.json("""
        {"dataset_id": %d, "file": "second-name.csv", "format": "qm-csv", "table": "contracts",
         "rows_written": 0, "rows_read": 0, "rows_by_table": {}, "dry_run": false, "unchanged": true,
         "replaced_dataset_id": null,
         "message": "second-name.csv: already imported (dataset %d: same SHA-256, format, mapping and vintage):\
         nothing to do", "unsourced": false, "warnings": []}
        """.formatted(id, id)));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void upload_productionFileWithTransfers_countsTheRowsOfEachTable() {
    String text = """
        item,producer,country,date,value,period,unit,kind,source_url,publisher,source_title,source_grade
        Upload gamma,MBDA,FRA,2024,40,month,missiles,actual,https://example.org/g,MBDA,MBDA release,official
        Upload gamma,French stocks,FRA->UKR,2023-06,100,cumulative,missiles,transferred,https://example.org/g2,MoD,MoD statement,official
        Upload gamma,French stocks,FRA->UKR,2023-09,150,cumulative,missiles,transferred,https://example.org/g2,MoD,MoD statement,official
        """;

    JsonNode dry = ApiFixture.json(api.upload(path("gamma.csv", "&dry_run=true"), CSV,
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    HttpResponse<String> response = api.upload(path("gamma.csv", ""), CSV,
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(dry.get("rows_by_table").toString()).isEqualTo("{\"production\":1,\"transfers\":2}");
    assertThat(dry.get("message").asText()).isEqualTo("gamma.csv (qm-csv): dry run, nothing written: 1 of 3 rows"
        + " would be added to production, 2 to transfers");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = ApiFixture.json(response);
    assertThat(body.get("rows_written").asInt()).isEqualTo(3);
    assertThat(body.get("rows_by_table").toString()).isEqualTo("{\"production\":1,\"transfers\":2}");
    assertThat(body.get("message").asText()).isEqualTo("gamma.csv (qm-csv): 1 rows added to production, 2 to"
        + " transfers as dataset " + body.get("dataset_id").asInt());
    assertThat(ApiFixture.json(api.get("/api/v1/transfers?item=Upload%20gamma")).get("rows")).hasSize(2);
  }

  @Test
  void upload_dryRun_returns200WithWhatWouldBeAddedAndWritesNothing() {
    Map<String, Object> before = snapshot();

    HttpResponse<String> response = api.upload(path("dry.csv", "&dry_run=true"), CSV,
        contracts("Dry delta", "Dry epsilon", "Dry zeta"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"dataset_id": null, "file": "dry.csv", "format": "qm-csv", "table": "contracts",
         "rows_written": 3, "rows_read": 3, "rows_by_table": {"contracts": 3}, "dry_run": true, "unchanged": false,
         "replaced_dataset_id": null,
         "message": "dry.csv (qm-csv): dry run, nothing written: 3 of 3 rows would be added to contracts", "unsourced": false, "warnings": []}
        """));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void upload_badRows_returns400WithEveryProblemAndTheStoreUnchanged() {
    String text = CONTRACTS_HEADER
        + "Poland,,CAMM missiles,~1000,lots,GBP,2023-11-07,MBDA UK,https://example.org/camm,sample\n"
        + "Poland,,CAMM missiles,1000,100,GBP,2023-11-08,MBDA UK,https://example.org/camm,sample\n"
        + "Poland,,Piorun,1000,100,GBP,2023-01-07,MBDA UK,https://example.org/camm,x\n"
        + "Poland,,Piorun,1000,100,GBP,2023-01-07,MBDA UK,https://example.org/camm,x\n";
    Map<String, Object> before = snapshot();

    HttpResponse<String> response = api.upload(path("bad.csv", ""), CSV, text.getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"status": 400, "message": "bad.csv: nothing imported, 2 problems", "problems": [
          {"path": "bad.csv:2:value", "value": "lots", "message": "must be a number"},
          {"path": "bad.csv:5", "value": null,
           "message": "repeats row 4 (same key: Poland  Piorun 1000.0 100.0 GBP 2023-01-07)"}]}
        """));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void upload_formatNotRecognised_returns400NamingTheFormatParameter() {
    HttpResponse<String> response = api.upload(path("plain.csv", ""), CSV,
        "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"status": 400, "message": "plain.csv: nothing imported, 1 problem", "problems": [
          {"path": "plain.csv", "value": null,
           "message": "cannot tell the file's format; give format= (qm-csv, csv, xlsx, nato, owid, sipri-transfers, sweep)"}]}
        """));
  }

  /** Regression (issue 9): messages speak each interface's words, from one message, not by rewriting CLI words. */
  @Test
  void upload_formatNotRecognisedFromTheDataPage_namesTheFormField() {
    HttpResponse<String> response = api.upload(path("plain.csv", "&words=form"), CSV,
        "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems").get(0).get("message").asText()).isEqualTo(
        "cannot tell the file's format; give the Format field (qm-csv, csv, xlsx, nato, owid, sipri-transfers, sweep)");
  }

  @Test
  void upload_natoTableWithoutVintage_namesTheVintageParameterOrField() {
    byte[] nato = "Country,2023,2024\nPoland,3.9,4.1\nGermany,1.6,2.1\n".getBytes(StandardCharsets.UTF_8);

    String api = ApiFixture.json(this.api.upload(path("nato.csv", "&format=nato"), CSV, nato)).toString();
    String form = ApiFixture.json(this.api.upload(path("nato.csv", "&format=nato&words=form"), CSV, nato)).toString();

    assertThat(api).contains("pass vintage=YYYY-MM (the release month, e.g. 2024-06)").doesNotContain("--vintage");
    assertThat(form).contains("pass the Vintage field (YYYY-MM) (the release month, e.g. 2024-06)")
        .doesNotContain("--vintage").doesNotContain("vintage=");
  }

  @Test
  void upload_pathInTheFileName_isOnlyALabel(@TempDir Path dir) {
    List<String> foldersBefore = uploadFolders();
    Path target = dir.resolve("evil.csv");

    HttpResponse<String> traversal = api.upload(path("../../etc/passwd.csv", ""), CSV, contracts("Label eta"));
    HttpResponse<String> absolute = api.upload(path(target.toString(), "&dry_run=true"), CSV, contracts("Label th"));
    HttpResponse<String> windows = api.upload(path("..\\..\\" + target, "&dry_run=true"), CSV, contracts("Label i"));

    assertThat(traversal.statusCode()).isEqualTo(201);
    assertThat(ApiFixture.json(traversal).get("file").asText()).isEqualTo("passwd.csv");
    assertThat(ApiFixture.json(traversal).get("message").asText()).startsWith("passwd.csv (qm-csv): 1 rows added");
    assertThat(ApiFixture.json(absolute).get("file").asText()).isEqualTo("evil.csv");
    assertThat(ApiFixture.json(windows).get("file").asText()).isEqualTo("evil.csv");
    assertThat(target).doesNotExist();
    assertThat(dir).isEmptyDirectory();
    JsonNode datasets = ApiFixture.json(api.get("/api/v1/datasets")).get("rows");
    assertThat(datasets.get(datasets.size() - 1).get("file").asText()).isEqualTo("passwd.csv");
    assertThat(uploadFolders()).isEqualTo(foldersBefore);
  }

  static List<Object[]> wrongUploads() {
    return List.of(
        new Object[] {"report.pdf", CSV, contracts("Wrong a"), 415, "'report.pdf' cannot be imported: the file name"
            + " must end in .csv, .tsv, .txt, .xlsx or .parquet (sweep results)"},
        new Object[] {"no-extension", CSV, contracts("Wrong b"), 415, "'no-extension' cannot be imported: the file"
            + " name must end in .csv, .tsv, .txt, .xlsx or .parquet (sweep results)"},
        new Object[] {"data.xlsx", "application/octet-stream", contracts("Wrong c"), 415,
            "'data.xlsx' is not an Excel workbook: an .xlsx file is a ZIP archive"},
        new Object[] {"data.csv", CSV, zip(), 415,
            "'data.csv' is not UTF-8 text: it is a ZIP archive (an Excel workbook? name it .xlsx)"},
        new Object[] {"data.csv", CSV, "a,b\n1,\u00002\n".getBytes(StandardCharsets.UTF_8), 415,
            "'data.csv' is not UTF-8 text: it has NUL bytes (a binary file, or UTF-16 text: save it as UTF-8)"},
        new Object[] {"data.csv", CSV, "a,b\n".getBytes(StandardCharsets.UTF_16LE), 415,
            "'data.csv' is not UTF-8 text: it has NUL bytes (a binary file, or UTF-16 text: save it as UTF-8)"},
        new Object[] {"data.txt", CSV, new byte[] {'a', ',', (byte) 0xff, (byte) 0xfe, '\n'}, 415,
            "'data.txt' is not UTF-8 text: save it as UTF-8"},
        new Object[] {"data.csv", "application/json", contracts("Wrong d"), 415,
            "Content-Type 'application/json' does not fit 'data.csv': send text/csv or application/octet-stream"},
        new Object[] {"data.csv", Upload.XLSX_TYPE, contracts("Wrong e"), 415, "Content-Type '" + Upload.XLSX_TYPE
            + "' does not fit 'data.csv': send text/csv or application/octet-stream"},
        new Object[] {"data.xlsx", CSV, zip(), 415, "Content-Type 'text/csv' does not fit 'data.xlsx': send "
            + Upload.XLSX_TYPE + " or application/octet-stream"},
        new Object[] {"empty.csv", CSV, new byte[0], 400,
            "the file 'empty.csv' is empty: send its bytes as the request body"});
  }

  @ParameterizedTest(name = "{0} as {1}: {3}")
  @MethodSource("wrongUploads")
  void upload_wrongNameTypeOrBytes_isRefusedWithAClearMessageAndWritesNothing(
      String fileName, String type, byte[] bytes, int status, String message) {
    Map<String, Object> before = snapshot();
    List<String> foldersBefore = uploadFolders();

    HttpResponse<String> response = api.upload(path(fileName, ""), type, bytes);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(ApiFixture.json(response).get("status").asInt()).isEqualTo(status);
    assertThat(ApiFixture.json(response).get("message").asText()).isEqualTo(message);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(uploadFolders()).isEqualTo(foldersBefore);
  }

  @Test
  void upload_zipNamedXlsx_passesTheTypeChecksAndReachesTheImporter() {
    HttpResponse<String> response = api.upload(path("book.xlsx", ""), Upload.XLSX_TYPE, zip());

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.get("message").asText()).startsWith("book.xlsx: nothing imported");
    assertThat(body.get("problems").get(0).get("path").asText()).startsWith("book.xlsx");
    assertThat(response.body()).doesNotContain("qm-upload-", System.getProperty("java.io.tmpdir") + "/");
  }

  @Test
  void upload_badParameters_returns400WithEveryProblem() {
    HttpResponse<String> response = api.upload("/api/v1/imports?format=pdf&vintage=2024-13"
        + "&source_url=javascript:alert(1)&dry_run=maybe&mapping=x", CSV, contracts("Param kappa"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"status": 400, "message": "6 problems with the request", "problems": [
          {"path": "mapping", "value": "x",
           "message": "unknown query parameter; expected one of allow_duplicates, dry_run, filename, format, grade, publisher, replace, source_title, source_url, vintage, words"},
          {"path": "filename", "value": null,
           "message": "give the file's name, e.g. filename=spending.csv (a label only)"},
          {"path": "format", "value": "pdf",
           "message": "expected one of qm-csv, csv, xlsx, nato, owid, sipri-transfers, sweep (or none: detected)"},
          {"path": "vintage", "value": "2024-13", "message": "must be a release month written YYYY-MM, e.g. 2024-06"},
          {"path": "source_url", "value": "javascript:alert(1)",
           "message": "expected an http or https URL of at most 2048 characters"},
          {"path": "dry_run", "value": "maybe", "message": "expected true or false"}]}
        """));
  }

  @Test
  void upload_formatVintageAndSourceUrl_areRecordedWithTheDataset() {
    HttpResponse<String> response = api.upload(path("given.csv", "&format=qm-csv&vintage=2024-06"
        + "&source_url=https://example.org/given"), CSV, contracts("Given lambda"));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode datasets = ApiFixture.json(api.get("/api/v1/datasets")).get("rows");
    JsonNode last = datasets.get(datasets.size() - 1);
    assertThat(last.get("file").asText()).isEqualTo("given.csv");
    assertThat(last.get("vintage").asText()).isEqualTo("2024-06");
    assertThat(last.get("source_url").asText()).isEqualTo("https://example.org/given");
  }

  @Test
  void upload_largerThanOtherBodiesMayBe_isAccepted() {
    String[] items = new String[30_000];
    for (int i = 0; i < items.length; i++) {
      items[i] = "Bulk item " + i;
    }
    byte[] file = contracts(items);
    assertThat(file.length).isGreaterThan(2 << 20);

    HttpResponse<String> response = api.upload(path("bulk.csv", "&dry_run=true"), CSV, file);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(ApiFixture.json(response).get("rows_read").asInt()).isEqualTo(30_000);
  }

  @Test
  void upload_overTheImportLimit_returns413WithAndWithoutContentLength() {
    try (ApiFixture small = ApiFixture.start(ApiSettings.loopback(0).withMaxImportBytes(1024))) {
      byte[] file = contracts("Too big 1", "Too big 2", "Too big 3", "Too big 4", "Too big 5", "Too big 6",
          "Too big 7", "Too big 8", "Too big 9", "Too big 10", "Too big 11", "Too big 12");
      assertThat(file.length).isGreaterThan(1024);
      List<String> foldersBefore = uploadFolders();

      HttpResponse<String> sized = small.upload(path("big.csv", ""), CSV, file);
      HttpResponse<String> chunked = small.send(small.request(path("big.csv", "")).header("Content-Type", CSV)
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file))));
      HttpResponse<String> fits = small.upload(path("small.csv", "&dry_run=true"), CSV, contracts("Fits"));

      for (HttpResponse<String> response : List.of(sized, chunked)) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ApiFixture.json(response).get("message").asText()).startsWith("request body too large: at most"
            + " 1024 bytes");
      }
      assertThat(fits.statusCode()).isEqualTo(200);
      assertThat(uploadFolders()).isEqualTo(foldersBefore);
    }
  }

  @Test
  void upload_farOverTheImportLimit_isAnswered413EveryTime() {
    try (ApiFixture small = ApiFixture.start(ApiSettings.loopback(0).withMaxImportBytes(1024))) {
      byte[] file = new byte[4 << 20];
      Arrays.fill(file, (byte) 'x');

      for (int attempt = 0; attempt < 20; attempt++) {
        HttpResponse<String> chunked = small.send(small.request(path("big.csv", "")).header("Content-Type", CSV)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file))));

        assertThat(chunked.statusCode()).as("attempt %d", attempt).isEqualTo(413);
      }
    }
  }

  @Test
  void exposed_uploadWithoutToken_returns401AndWithTokenIsServed() {
    try (ApiFixture exposed = ApiFixture.start(ApiSettings.loopback(0).withToken("s3cret", true))) {
      HttpResponse<String> none = exposed.upload(path("guarded.csv", ""), CSV, contracts("Guarded mu"));
      HttpResponse<String> token = exposed.send(exposed.request(path("guarded.csv", "&dry_run=true"))
          .header("Authorization", "Bearer s3cret").header("Content-Type", CSV)
          .POST(HttpRequest.BodyPublishers.ofByteArray(contracts("Guarded mu"))));

      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(ApiFixture.json(exposed.get("/api/v1/contracts?item=Guarded%20mu")).get("rows").size()).isZero();
      assertThat(token.statusCode()).isEqualTo(200);
    }
  }

  /** A small ZIP archive: the magic of an .xlsx file, without a workbook inside. */
  static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("hello.txt"));
      zip.write("hello".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Test
  void snapshotHelper_seesAWrite() {
    Map<String, Object> before = snapshot();
    api.upload(path("seen.csv", ""), CSV, contracts("Seen nu"));

    assertThat(snapshot()).isNotEqualTo(before);
  }
}
