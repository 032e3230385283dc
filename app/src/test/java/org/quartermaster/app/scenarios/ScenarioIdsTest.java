package org.quartermaster.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioIdsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "Stinger – NSPA (2024)|stinger-nspa-2024",
      "  Ünïcode Çà & Co.  |unicode-ca-co",
      "US 155mm shells|us-155mm-shells",
      "'; DROP TABLE scenarios; --|drop-table-scenarios",
      "../../etc/passwd|etc-passwd",
      "–––|scenario",
      "Сценарий|scenario"})
  void slug_name_isLowercaseLettersDigitsAndSingleHyphens(String name, String slug) {
    assertThat(ScenarioIds.slug(name)).isEqualTo(slug);
    assertThat(ScenarioIds.isValid(ScenarioIds.slug(name))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 9, 10, 123})
  void candidate_longName_staysAValidIdOfAtMost64Characters(int n) {
    String slug = ScenarioIds.slug("x".repeat(63) + " y " + "z".repeat(100));

    String id = ScenarioIds.candidate(slug, n);

    assertThat(slug).hasSize(63);
    assertThat(id).hasSizeLessThanOrEqualTo(64).endsWith(n == 1 ? "x" : "-" + n);
    assertThat(ScenarioIds.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a", "A", "a_b", "a b", "a/b", "a.b", "é",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void isValid_notTheRule_isFalse(String id) {
    assertThat(ScenarioIds.isValid(id)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "a-", "us-155mm-shells",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void isValid_theRule_isTrue(String id) {
    assertThat(ScenarioIds.isValid(id)).isTrue();
  }
}
