package org.quartermaster.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;

class SavedRunsTest {
  private static final RunInputs STOCHASTIC = new RunInputs("name: a\n", "a", "ab12", "stochastic", 100, 42L);
  private static final RunInputs DETERMINISTIC = new RunInputs("name: b\n", "b", "cd34", "deterministic", 1, null);

  @Test
  void save_twoRuns_idsFromOneAndTheListNewestFirstWithoutTextOrResult() {
    try (Store store = Store.inMemory()) {
      SavedRuns runs = new SavedRuns(store, Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC));

      SavedRun first = runs.save("first", STOCHASTIC, "{\"model\":\"SM-1\"}");
      SavedRun second = runs.save("second", DETERMINISTIC, "{}");

      assertThat(first.id()).isEqualTo(1);
      assertThat(second.id()).isEqualTo(2);
      assertThat(runs.all()).extracting(SavedRun::name).containsExactly("second", "first");
      assertThat(runs.all().get(0).result()).isNull();
      assertThat(runs.all().get(1).inputs().seed()).isEqualTo(42L);
      assertThat(runs.all().get(0).inputs().seed()).isNull();
      assertThat(runs.find(1)).contains(first);
      assertThat(runs.find(1).orElseThrow().createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
    }
  }

  @Test
  void delete_removesOnlyThatRun() {
    try (Store store = Store.inMemory()) {
      SavedRuns runs = new SavedRuns(store);
      long kept = runs.save("kept", STOCHASTIC, "{}").id();
      long gone = runs.save("gone", STOCHASTIC, "{}").id();

      assertThat(runs.delete(gone)).isTrue();
      assertThat(runs.delete(gone)).isFalse();
      assertThat(runs.find(gone)).isEmpty();
      assertThat(runs.find(kept)).isPresent();
    }
  }

  @Test
  void save_blankOrLongName_isRefusedAndWritesNothing() {
    try (Store store = Store.inMemory()) {
      SavedRuns runs = new SavedRuns(store);

      assertThatThrownBy(() -> runs.save(" ", STOCHASTIC, "{}")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> runs.save("x".repeat(SavedRuns.MAX_NAME + 1), STOCHASTIC, "{}"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(runs.all()).isEmpty();
    }
  }
}
