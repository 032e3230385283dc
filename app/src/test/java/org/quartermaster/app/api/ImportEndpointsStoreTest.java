package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;

/** The server reads and checks an upload before it takes the store, which one request at a time uses. */
class ImportEndpointsStoreTest {

  @Test
  void create_whileTheStoreIsBusy_refusesABadFileWithoutWaitingForTheStore() throws Exception {
    CountDownLatch storeBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Store store = ApiFixture.seededStore();
    ApiFixture api = ApiFixture.start(() -> {
      storeBusy.countDown();
      try {
        release.await(); // holds the store, as a long request would
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return store;
    });
    try {
      Thread busy = Thread.ofVirtual().start(() -> api.get("/api/v1/datasets"));
      assertThat(storeBusy.await(30, TimeUnit.SECONDS)).isTrue();

      HttpResponse<String> response = api.post(ImportEndpointsTest.path("contracts.csv", ""), ImportEndpointsTest.CSV,
          ImportEndpointsTest.CONTRACTS_HEADER + "Germany,,155mm shells,100,lots,EUR,2024-01,Rheinmetall,,\n");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.body()).contains("contracts.csv:2");
      release.countDown();
      busy.join(30_000);
    } finally {
      release.countDown();
      api.close();
      store.close();
    }
  }
}
