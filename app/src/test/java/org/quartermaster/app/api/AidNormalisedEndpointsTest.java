package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/aid?per=…&currency=…&prices=…} against a real server on the bundled data. */
class AidNormalisedEndpointsTest {
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
  void perGdp_byDonor_answersSharesWithTheGdpSourceAndMethod() {
    HttpResponse<String> response = api.get("/api/v1/aid?by=donor&category=military&measure=allocation&per=gdp");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = ApiFixture.json(response);
    JsonNode germany = null;
    for (JsonNode row : json.get("rows")) {
      if (row.get("donor").asText().equals("Germany")) {
        germany = row;
      }
    }
    assertThat(germany).isNotNull();
    assertThat(germany.get("value").asDouble()).isBetween(0.553278, 0.553280);
    assertThat(germany.get("value_unit").asText()).isEqualTo("% of donor GDP 2021");
    assertThat(json.get("sources").findValuesAsText("publisher")).contains("World Bank");
    assertThat(json.get("notes").toString()).contains("NY.GDP.MKTP.CD");
  }

  @Test
  void currencyWithoutRate_andUnknownCurrency_return400NamingTheParameterAndYear() {
    HttpResponse<String> missing = api.get("/api/v1/aid?donor=Germany&category=military&measure=allocation"
        + "&currency=USD");
    HttpResponse<String> gbp = api.get("/api/v1/aid?currency=GBP");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("no EUR/USD annual average rate for 2026");
    assertThat(gbp.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(gbp).get("problems").get(0).get("path").asText()).isEqualTo("currency");
  }

  @Test
  void constantPrices_answerUsdInThatYearsPrices() {
    JsonNode json = ApiFixture.json(api.get("/api/v1/aid?donor=Germany&category=military&measure=allocation"
        + "&currency=USD&prices=constant-2021&price_year=2024"));

    assertThat(json.get("rows").get(0).get("value_unit").asText()).isEqualTo("USD billion, constant 2021 prices");
    assertThat(json.get("rows").get(0).get("price_factor").asDouble()).isBetween(0.86381, 0.86382);
    assertThat(json.get("sources").findValuesAsText("publisher")).contains("U.S. Bureau of Labor Statistics");
  }

  @Test
  void spendingMeasureEquipment_withoutImportOrWithOtherOptions_returns400SayingWhy() {
    HttpResponse<String> none = api.get("/api/v1/spending?measure=equipment");
    HttpResponse<String> threshold = api.get("/api/v1/spending?measure=equipment&threshold=2");
    HttpResponse<String> unknown = api.get("/api/v1/spending?measure=budget");

    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("no equipment-share figures in the store", "nato-equipment-share");
    assertThat(threshold.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(threshold).get("problems").get(0).get("path").asText()).isEqualTo("threshold");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("expected pct_gdp (the default) or equipment");
  }
}
