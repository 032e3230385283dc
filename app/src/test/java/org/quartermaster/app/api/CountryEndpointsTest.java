package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CountryEndpointsTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<String> iso3(JsonNode body) {
    List<String> codes = new ArrayList<>();
    body.get("countries").forEach(c -> codes.add(c.get("iso3").asText()));
    return codes;
  }

  private static JsonNode country(JsonNode body, String iso3) {
    for (JsonNode c : body.get("countries")) {
      if (c.get("iso3").asText().equals(iso3)) {
        return c;
      }
    }
    throw new AssertionError("no " + iso3);
  }

  @Test
  void list_noFilter_returnsEveryCountryByNameWithAccessionDates() {
    HttpResponse<String> response = api.get("/api/v1/countries");

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("countries").size()).isGreaterThan(240);
    assertThat(country(body, "POL")).isEqualTo(ApiFixture.json("""
        {"iso3": "POL", "name": "Poland", "nato_joined": "1999-03-12", "eu_joined": "2004-05-01", "eu_left": null}
        """));
    assertThat(country(body, "GBR")).isEqualTo(ApiFixture.json("""
        {"iso3": "GBR", "name": "United Kingdom", "nato_joined": "1949-04-04", "eu_joined": "1973-01-01",
         "eu_left": "2020-01-31"}
        """.replace("1949-04-04", country(body, "GBR").get("nato_joined").asText())));
    assertThat(country(body, "CHE").get("nato_joined").isNull()).isTrue();
    List<String> names = new ArrayList<>();
    body.get("countries").forEach(c -> names.add(c.get("name").asText()));
    assertThat(names).isSorted();
  }

  @Test
  void list_memberNato_returnsTheAlliesOfToday() {
    JsonNode body = ApiFixture.json(api.get("/api/v1/countries?member=nato"));

    assertThat(iso3(body)).hasSize(32).contains("USA", "FIN", "SWE", "POL").doesNotContain("CHE", "AUT", "UKR");
  }

  @Test
  void list_memberEu_returnsTodaysMembersWithoutTheUk() {
    JsonNode body = ApiFixture.json(api.get("/api/v1/countries?member=EU"));

    assertThat(iso3(body)).hasSize(27).contains("AUT", "HRV", "DEU").doesNotContain("GBR", "NOR");
  }

  @Test
  void list_unknownMemberOrParameter_returns400WithEveryProblem() {
    HttpResponse<String> response = api.get("/api/v1/countries?member=g7&format=csv");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"status": 400, "message": "2 problems with the request", "problems": [
          {"path": "format", "value": "csv", "message": "unknown query parameter; expected one of member"},
          {"path": "member", "value": "g7", "message": "expected nato or eu"}]}
        """));
  }
}
