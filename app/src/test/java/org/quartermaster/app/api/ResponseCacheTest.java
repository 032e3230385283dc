package org.quartermaster.app.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.scenarios.SavedScenarios;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreException;

/**
 * The read endpoints' answers are reused while the tables they read are unchanged, and concurrent
 * requests for one answer compute it once.
 */
class ResponseCacheTest {
  private static final ResponseCache.Answer ANSWER = ResponseCache.Answer.of("application/json", new byte[] {'{', '}'});
  private static final Set<Store.Table> SPENDING = EnumSet.of(Store.Table.DATASETS, Store.Table.SPENDING);

  private final Store store = Store.inMemory();
  private final StoreAccess access = new StoreAccess(() -> store);
  private final AtomicInteger computed = new AtomicInteger();

  @BeforeEach
  void open() {
    access.read(Store::schemaVersion); // opened: the change numbers from here on are the store's
  }

  @AfterEach
  void close() {
    access.close();
  }

  private ResponseCache.Answer counted() {
    computed.incrementAndGet();
    return ResponseCache.Answer.of("application/json", ("{\"n\":" + computed.get() + "}").getBytes(UTF_8));
  }

  private ResponseCache.Answer spending(ResponseCache cache) {
    return cache.get("/api/v1/spending{}JSON", SPENDING, this::counted);
  }

  @Test
  void get_tablesUnchanged_computesOnce_anotherKeyComputesItsOwn() {
    ResponseCache cache = new ResponseCache(1 << 20, access::changes);

    ResponseCache.Answer first = spending(cache);

    assertThat(spending(cache)).isSameAs(first);
    assertThat(cache.get("/api/v1/spending{}CSV", SPENDING, this::counted)).isNotSameAs(first);
    assertThat(computed).hasValue(2);
  }

  @Test
  void get_afterASavedScenario_keepsTheSpendingAnswer() {
    ResponseCache cache = new ResponseCache(1 << 20, access::changes);
    ResponseCache.Answer before = spending(cache);

    access.write(s -> new SavedScenarios(s).create("probe", "Probe", "name: Probe"));

    assertThat(spending(cache)).isSameAs(before);
    assertThat(computed).hasValue(1);
  }

  @Test
  void get_afterAWriteToSpending_computesAgain() {
    ResponseCache cache = new ResponseCache(1 << 20, access::changes);
    ResponseCache.Answer before = spending(cache);

    access.write(s -> s.write(EnumSet.of(Store.Table.SPENDING), c -> null));
    ResponseCache.Answer afterSpending = spending(cache);
    access.write(s -> s.write(c -> null)); // a write that does not say: every table
    ResponseCache.Answer afterAnyWrite = spending(cache);

    assertThat(afterSpending).isNotSameAs(before);
    assertThat(afterAnyWrite).isNotSameAs(afterSpending);
    assertThat(computed).hasValue(3);
  }

  @Test
  void get_computationFails_keepsNothing_theNextCallComputesAgain() {
    ResponseCache cache = new ResponseCache(1 << 20, access::changes);

    assertThatThrownBy(() -> cache.get("k", SPENDING, () -> {
      throw new StoreException("IO Error: could not read block", null);
    })).isInstanceOf(StoreException.class).hasMessage("IO Error: could not read block");
    assertThatThrownBy(() -> cache.get("k", SPENDING, () -> {
      throw new ApiException(503, "the server is stopping");
    })).isInstanceOf(ApiException.class);

    assertThat(cache.get("k", SPENDING, () -> ANSWER)).isSameAs(ANSWER);
    assertThat(cache.get("k", SPENDING, this::counted)).isSameAs(ANSWER);
    assertThat(computed).hasValue(0);
  }

  /** A query option the store cannot answer is answered 400 from the cache too, until the data changes. */
  @Test
  void get_requestRefused_keepsTheRefusalUntilItsTablesChange() {
    ResponseCache cache = new ResponseCache(1 << 20, access::changes);
    Supplier<ResponseCache.Answer> refused = () -> {
      computed.incrementAndGet();
      throw new ApiException(400, "no spending figures of vintage 2031-06");
    };

    assertThatThrownBy(() -> cache.get("k", SPENDING, refused)).hasMessageContaining("2031-06");
    assertThatThrownBy(() -> cache.get("k", SPENDING, refused)).hasMessageContaining("2031-06");
    assertThat(computed).hasValue(1);

    access.write(s -> s.write(EnumSet.of(Store.Table.SPENDING), c -> null));
    assertThat(cache.get("k", SPENDING, () -> ANSWER)).isSameAs(ANSWER);
  }

  /** A cold cache under a burst: every request waits for the one computation (issue 10: the stampede). */
  @RepeatedTest(5)
  void get_manyThreadsAskOneKeyOnAColdCache_computesOnce() throws Exception {
    ResponseCache cache = new ResponseCache(1 << 20, access::changes);
    int threads = 16;
    CountDownLatch asking = new CountDownLatch(threads);
    Supplier<ResponseCache.Answer> slow = () -> {
      computed.incrementAndGet();
      try {
        asking.await(30, TimeUnit.SECONDS); // until every thread has asked: they all miss together
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ANSWER;
    };
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<ResponseCache.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(pool.submit(() -> {
          asking.countDown();
          return cache.get("/api/v1/aid{by=[donor]}JSON", SPENDING, slow);
        }));
      }
      for (Future<ResponseCache.Answer> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isSameAs(ANSWER);
      }
    }

    assertThat(computed).hasValue(1);
  }

  private static ResponseCache.Answer probeRows(java.sql.Connection c) throws java.sql.SQLException {
    try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*) FROM probe")) {
      r.next();
      return ResponseCache.Answer.of("application/json", ("{\"rows\":" + r.getLong(1) + "}").getBytes(UTF_8));
    }
  }

  private static String text(ResponseCache.Answer answer) {
    return new String(answer.body(), UTF_8);
  }

  /**
   * An answer is kept under the change number read before its computation began: one read from a
   * snapshot taken before a commit is not served once that commit is counted, though it is finished
   * after it. The write does not wait for the read that is under way.
   */
  @Test
  void get_answerReadBeforeACommit_finishedAfterIt_isNotServedAfterIt() throws Exception {
    access.write(s -> s.write(EnumSet.of(Store.Table.SPENDING), c -> {
      c.createStatement().execute("CREATE TABLE probe (x INTEGER)");
      return null;
    }));
    ResponseCache cache = new ResponseCache(1 << 20, access::changes);
    CountDownLatch snapshotRead = new CountDownLatch(1);
    CountDownLatch committed = new CountDownLatch(1);
    try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
      Future<ResponseCache.Answer> early = reader.submit(() -> cache.get("k", SPENDING, () -> {
        // the read stays open, on its snapshot, until the write below has committed
        return access.read(s -> s.read(c -> {
          ResponseCache.Answer answer = probeRows(c);
          snapshotRead.countDown();
          try {
            assertThat(committed.await(60, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return answer;
        }));
      }));
      assertThat(snapshotRead.await(60, TimeUnit.SECONDS)).isTrue();
      access.write(s -> s.write(EnumSet.of(Store.Table.SPENDING), c -> {
        c.createStatement().execute("INSERT INTO probe VALUES (1)");
        return null;
      }));
      committed.countDown();

      assertThat(text(early.get(60, TimeUnit.SECONDS))).isEqualTo("{\"rows\":0}");
    }
    assertThat(text(cache.get("k", SPENDING, () -> access.read(st -> st.read(ResponseCacheTest::probeRows)))))
        .as("computed again from the committed data").isEqualTo("{\"rows\":1}");
  }

  /**
   * After an import, the answers it made stale are computed again at the same time, not one after the
   * other: each computation here waits until the other has begun.
   */
  @Test
  void get_twoAnswersMissing_areComputedAtTheSameTime() throws Exception {
    ResponseCache cache = new ResponseCache(1 << 20, access::changes);
    CountDownLatch bothComputing = new CountDownLatch(2);
    Supplier<ResponseCache.Answer> meetingTheOther = () -> access.read(s -> s.read(c -> {
      bothComputing.countDown();
      try {
        assertThat(bothComputing.await(60, TimeUnit.SECONDS)).as("the other computation began").isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return ANSWER;
    }));
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Future<ResponseCache.Answer> spending = pool.submit(() -> cache.get("spending", SPENDING, meetingTheOther));
      Future<ResponseCache.Answer> aid = pool.submit(() -> cache.get("aid", SPENDING, meetingTheOther));

      assertThat(spending.get(120, TimeUnit.SECONDS)).isSameAs(ANSWER);
      assertThat(aid.get(120, TimeUnit.SECONDS)).isSameAs(ANSWER);
    }
  }

  @Test
  void get_beyondTheByteBound_dropsAnswers() {
    ResponseCache cache = new ResponseCache(10_000, access::changes);
    byte[] body = new byte[1000];
    new java.util.Random(1).nextBytes(body); // does not compress: about 2 KB an answer

    for (int i = 0; i < 50; i++) {
      cache.get("k" + i, SPENDING, () -> ResponseCache.Answer.of("application/octet-stream", body));
    }

    assertThat(cache.size()).isLessThanOrEqualTo(5);
  }

  @Test
  void answer_gzipped_decompressesToTheBody() throws java.io.IOException {
    byte[] body = "country,iso3\nPoland,POL\n".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    ResponseCache.Answer answer = ResponseCache.Answer.of("text/csv", body);

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
