package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.importer.ImportFixtures;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.importer.Overlap;
import org.quartermaster.app.store.Store;

/**
 * Kiel's own share of GDP imported for Germany only (its row of Kiel's relative country summary), over a
 * real server: the API says per row whose share it is, and the Aid page's card labels the mix in its units
 * and on each bar.
 */
class KielShareViewsBrowserTest {
  private static Path dir;
  private static Store store;
  private static ApiFixture api;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("kiel-share");
    store = Store.open(dir.resolve("store.duckdb"));
    BundledDataset.seedIfEmpty(store, Countries.standard());
    List<String> lines = Files.readAllLines(
        ImportFixtures.resource("third_party/kiel_release28/country_summary_relative.csv"));
    Path germanyOnly = Files.write(dir.resolve("country_summary_relative.csv"),
        List.of(lines.getFirst(), lines.stream().filter(l -> l.startsWith("Germany,")).findFirst().orElseThrow()));
    new ImportService(store, Countries.standard(), Importers.standard())
        .run(new ImportRequest(germanyOnly, null, null, null, null, false, false), Overlap.ALLOW);
    api = ApiFixture.startOn(store);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (api != null) {
      api.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aidPerGdp_api_givesEachDonorsShareBasis() throws IOException {
    var response = api.send(api.request("/api/v1/aid?by=donor&category=total&measure=allocation&per=gdp"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = ApiFixture.JSON.readTree(response.body());
    Map<String, JsonNode> byDonor = new HashMap<>();
    body.get("rows").forEach(r -> byDonor.put(r.get("donor").asText(), r));
    assertThat(byDonor.get("Germany").get("share_basis").asText()).isEqualTo("kiel");
    assertThat(byDonor.get("Germany").get("value").asDouble()).isEqualTo(0.702284);
    assertThat(byDonor.get("Poland").get("share_basis").asText()).isEqualTo("computed");
    assertThat(body.get("notes").toString()).contains("Mixed bases: 1 donor with Kiel's own share, 14 computed");
  }

  @Test
  void aidCardPerGdp_labelsKielsShareAndTheComputedOnes() {
    assertThat(browser.open("http://127.0.0.1:" + api.port()
        + "/aid.html?per=gdp&category=total&measure=allocation")).isEqualTo("yes");
    browser.waitFor("document.querySelector('#aid-normalised').dataset.drawn || 'no'", Duration.ofSeconds(20));

    assertThat(browser.find("#aid-normalised .units").getText()).isEqualTo("Units: % of donor GDP 2021 (Kiel's own"
        + " share; computed: aid ÷ World Bank GDP 2021: each bar says which)");
    assertThat(browser.find("#aid-normalised figcaption").getText()).contains("Country Summary (EUR)")
        .contains("World Bank");
    // the table under the card: one row per donor with its share_basis
    assertThat((String) browser.script("return [...document.querySelectorAll('table')].filter(t =>"
        + " t.textContent.includes('share_basis')).map(t => t.textContent).join(' ')"))
        .contains("Germany").contains("kiel").contains("Poland").contains("computed");
  }
}
