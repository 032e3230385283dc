package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * A page on another origin, opened in a real browser while {@code qm serve} runs on loopback without a
 * token, cannot change anything: the cross-site requests a page can send without asking (form posts,
 * {@code no-cors} fetches with text/plain or multipart bodies) and the ones it must ask for (JSON,
 * DELETE) leave the store as it was. A recorder on a third origin receives the same requests, which
 * shows the browser really sent them.
 */
class CrossOriginBrowserTest {
  private static final String ATTACK_PAGE = """
      <!doctype html><html><head><title>elsewhere</title></head><body><iframe name="sink"></iframe><script>
      const params = new URLSearchParams(location.search);
      const csv = 'country,iso3,item,quantity,value,currency,award_date,supplier,source_url,note\\n'
          + 'Poland,,Planted item,1000,1900000000,GBP,2023-11-07,MBDA UK,https://example.org/x,planted\\n';
      const scenario = 'name: planted\\nhorizon_months: 3\\nitems: [{id: shell}]\\nholders: [{id: USA}]\\n'
          + 'stocks: [{holder: USA, item: shell, initial: 10}]\\n';
      function attack(base) {
        const simple = (path, body, method = 'POST') => fetch(base + path, {method, mode: 'no-cors', body});
        const asked = (path, method, type, body) =>
          fetch(base + path, {method, headers: type ? {'Content-Type': type} : {}, body}).catch(() => 'blocked');
        const form = new FormData();
        form.append('file', new Blob([csv], {type: 'text/csv'}), 'planted.csv');
        const posted = new Promise((resolve) => {
          const f = document.createElement('form');
          f.method = 'POST';
          f.enctype = 'multipart/form-data';
          f.target = 'sink';
          f.action = base + '/api/v1/imports?filename=form.csv';
          const field = document.createElement('textarea');
          field.name = 'file';
          field.value = csv;
          f.append(field);
          document.body.append(f);
          document.querySelector('iframe').onload = resolve;
          f.submit();
          setTimeout(resolve, 5000);
        });
        return Promise.allSettled([
          simple('/api/v1/imports?filename=plain.csv', csv),
          simple('/api/v1/imports?filename=multi.csv', form),
          simple('/api/v1/scenarios', scenario),
          simple('/api/v1/runs', JSON.stringify({scenario, runs: 5})),
          asked('/api/v1/scenarios', 'POST', 'application/json', JSON.stringify({yaml: scenario})),
          asked('/api/v1/datasets/1', 'DELETE'),
          posted]);
      }
      attack(params.get('target'))
          .then(() => attack(params.get('recorder')))
          .then(() => { document.body.dataset.rendered = 'yes'; });
      </script></body></html>
      """;

  private static ApiFixture api;
  private static Store store;
  private static Browser browser;
  private static HttpServer elsewhere;
  private static final List<String> recorded = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.start();
    store = ApiFixture.seededStore();
    api = ApiFixture.start(() -> store);
    elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    elsewhere.createContext("/attack.html", exchange -> answer(exchange, "text/html", ATTACK_PAGE));
    elsewhere.createContext("/api/", exchange -> {
      recorded.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      exchange.getRequestBody().readAllBytes();
      answer(exchange, "text/plain", "recorded");
    });
    elsewhere.start();
  }

  private static void answer(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (elsewhere != null) {
      elsewhere.stop(0);
    }
    if (api != null) {
      api.close();
    }
  }

  private static String base() {
    return "http://127.0.0.1:" + api.app.port();
  }

  @Test
  void pageOnAnotherOrigin_sendsItsWrites_andTheStoreIsUnchanged() {
    api.get("/api/v1/datasets");
    Map<String, Object> before = StoreCounts.of(store);
    String datasetsBefore = ApiFixture.json(api.get("/api/v1/datasets")).get("rows").toString();
    String page = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/attack.html?target=" + base()
        + "&recorder=http://127.0.0.1:" + elsewhere.getAddress().getPort();

    browser.driver.get(page);
    String done = browser.waitFor("document.body.dataset.rendered", Duration.ofSeconds(60));

    assertThat(done).isEqualTo("yes");
    assertThat(recorded).as("requests the browser sent to an origin that accepts anything")
        .contains("POST /api/v1/imports", "POST /api/v1/scenarios", "POST /api/v1/runs");
    assertThat(StoreCounts.of(store)).as("every table's rows").isEqualTo(before);
    assertThat(ApiFixture.json(api.get("/api/v1/datasets")).get("rows").toString()).isEqualTo(datasetsBefore);
    assertThat(ApiFixture.json(api.get("/api/v1/scenarios")).toString()).doesNotContain("planted");
  }

  @Test
  void dashboardCsvDownload_formulaText_isWrittenAsText() {
    browser.open(base() + "/");

    Object csv = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/js/common.js').then((m) => done(m.toCsv(['name', 'amount'],
            [{name: '=HYPERLINK("https://attacker.example")', amount: -5}, {name: '@x', amount: 1}])));
        """);

    // (the driver hands line ends back as \n: compare the lines)
    assertThat(String.valueOf(csv).lines()).containsExactly("name,amount",
        "\"'=HYPERLINK(\"\"https://attacker.example\"\")\",-5", "'@x,1");
  }
}
