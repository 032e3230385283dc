package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Guideline}: who meets it, and by how much the others fall short. */
class GuidelineTest {

  /** Review of issue 9: SIPRI's 1.9977% for Sweden showed "no" with a gap of 0.00. */
  @Test
  void gap_justBelowTheGuideline_isNeverShownAsZero() {
    Guideline two = new Guideline(2.0);

    assertThat(two.meets(1.9977)).isEqualTo("no");
    assertThat(two.gap(1.9977)).isEqualTo(0.01);
    assertThat(two.gap(1.30)).isEqualTo(0.70);
    assertThat(two.gap(2.0)).isEqualTo(0.0);
    assertThat(two.gap(2.5)).isEqualTo(0.0);
  }
}
