package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.importer.ImportTempFiles;
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

  @Test
  void create_storeInAFile_uploadsGoBesideItAndNoneIsLeftBehind(@TempDir Path dir) throws Exception {
    Path storeFile = dir.resolve("store.duckdb");
    Store store = Store.open(storeFile);
    BundledDataset.seedIfEmpty(store, Countries.standard());
    ApiFixture api = ApiFixture.start(() -> store);
    try {
      byte[] file = ImportEndpointsTest.contracts("Beside alpha");
      HttpResponse<String> first = api.upload(ImportEndpointsTest.path("first.csv", ""), ImportEndpointsTest.CSV, file);
      // the same figures again under another name: received, checked, then refused in the store
      HttpResponse<String> refused = api.upload(ImportEndpointsTest.path("second.csv", ""), ImportEndpointsTest.CSV,
          (new String(file, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> bad = api.upload(ImportEndpointsTest.path("bad.csv", ""), ImportEndpointsTest.CSV,
          "\u0000".getBytes(StandardCharsets.UTF_8));

      assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(bad.statusCode()).as(bad.body()).isEqualTo(415);
      Path folder = ImportTempFiles.folderOf(storeFile);
      assertThat(folder).isDirectory();
      try (var left = Files.list(folder)) {
        assertThat(left.toList()).isEmpty();
      }
      assertThat(refused.body()).doesNotContain(folder.toString());
    } finally {
      api.close();
      store.close();
    }
  }

  /**
   * Regression: the store was opened on the first request, so an upload that came first went to
   * java.io.tmpdir. Sent on a plain socket, so half the body is surely on the wire while the server
   * receives it (an HTTP client may hold a small body back until it has all of it).
   */
  @Test
  void create_asTheServersFirstRequest_receivesTheUploadBesideTheStore(@TempDir Path dir) throws Exception {
    Path storeFile = dir.resolve("store.duckdb");
    Store store = Store.open(storeFile);
    BundledDataset.seedIfEmpty(store, Countries.standard());
    Path folder = ImportTempFiles.folderOf(storeFile);
    try (ApiFixture api = ApiFixture.startOn(store); Socket socket = new Socket("127.0.0.1", api.port())) {
      socket.setSoTimeout(60_000);
      byte[] file = ImportEndpointsTest.contracts("First of all");
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + ImportEndpointsTest.path("first.csv", "") + " HTTP/1.1\r\nHost: 127.0.0.1:" + api.port()
          + "\r\nContent-Type: " + ImportEndpointsTest.CSV + "\r\nContent-Length: " + file.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(file, 0, file.length / 2);
      out.flush();

      // while the rest of the body has not come, the upload is being received: beside the store
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!uploadIn(folder) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      boolean besideTheStore = uploadIn(folder);
      out.write(file, file.length / 2, file.length - file.length / 2);
      out.flush();
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();

      assertThat(besideTheStore).as("an upload folder in " + folder).isTrue();
      assertThat(statusLine).isEqualTo("HTTP/1.1 201 Created");
    } finally {
      store.close();
    }
  }

  private static boolean uploadIn(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("qm-upload-"));
    }
  }
}
