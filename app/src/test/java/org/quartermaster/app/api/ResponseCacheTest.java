package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;

/** The read endpoints' answers are reused only while the store has not committed anything since. */
class ResponseCacheTest {
  private static final ResponseCache.Answer ANSWER = ResponseCache.Answer.of(3, "application/json", new byte[] {'{', '}'});

  @Test
  void get_atTheSameCommitCount_returnsTheAnswer_atAnotherOne_nothing() {
    ResponseCache cache = new ResponseCache(4);
    cache.put("/api/v1/datasets{}JSON", ANSWER);

    assertThat(cache.get("/api/v1/datasets{}JSON", 3)).contains(ANSWER);
    assertThat(cache.get("/api/v1/datasets{}JSON", 4)).isEmpty();
    assertThat(cache.get("/api/v1/datasets{}CSV", 3)).isEmpty();
  }

  @Test
  void put_beyondCapacity_dropsTheLeastRecentlyUsed() {
    ResponseCache cache = new ResponseCache(2);
    cache.put("a", ANSWER);
    cache.put("b", ANSWER);
    cache.get("a", 3);
    cache.put("c", ANSWER);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("a", 3)).isPresent();
    assertThat(cache.get("b", 3)).isEmpty();
  }

  @Test
  void answer_gzipped_decompressesToTheBody() throws java.io.IOException {
    byte[] body = "country,iso3\nPoland,POL\n".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    ResponseCache.Answer answer = ResponseCache.Answer.of(1, "text/csv", body);

    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(answer.gzipped()))) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
    assertThat(answer.gzipped().length).isLessThan(body.length / 10);
  }

  @Test
  void server_clientAcceptingGzip_getsTheSameAnswerCompressed() throws java.io.IOException {
    try (ApiFixture api = ApiFixture.start()) {
      HttpResponse<String> plain = api.get("/api/v1/spending?country=POL&format=csv");
      HttpResponse<byte[]> gzipped = api.sendBytes(api.request("/api/v1/spending?country=POL&format=csv")
          .header("Accept-Encoding", "gzip").GET());

      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain.body());
      }
    }
  }

  @Test
  void server_aWriteToTheStore_isSeenByTheNextRead() {
    Store store = ApiFixture.seededStore();
    try (ApiFixture api = ApiFixture.start(() -> store)) {
      HttpResponse<String> before = api.get("/api/v1/contracts?item=Cache%20probe");
      assertThat(ApiFixture.json(api.get("/api/v1/contracts?item=Cache%20probe")).get("rows").size()).isZero();

      store.write(connection -> {
        try (var statement = connection.createStatement()) {
          return statement.executeUpdate("INSERT INTO contracts_rows (dataset_id, file_row, buyers, item,"
              + " provenance_id) SELECT (SELECT min(dataset_id) FROM datasets), 0, 'Testland', 'Cache probe',"
              + " (SELECT min(provenance_id) FROM provenance)");
        }
      });

      assertThat(before.statusCode()).isEqualTo(200);
      assertThat(ApiFixture.json(api.get("/api/v1/contracts?item=Cache%20probe")).get("rows").size()).isEqualTo(1);
    }
  }
}
