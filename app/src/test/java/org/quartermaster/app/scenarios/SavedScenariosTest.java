package org.quartermaster.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

class SavedScenariosTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("store.duckdb"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private SavedScenarios at(Instant now) {
    return new SavedScenarios(store, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void open_newStore_isAtTheLatestSchemaVersionWithAnEmptyScenariosTable() {
    assertThat(store.schemaVersion()).isEqualTo(11);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM scenarios")).isZero();
  }

  @Test
  void create_thenFind_returnsTheScenarioWithItsTimesInUtc() {
    SavedScenario created = at(T0).create("a-1", "A", "name: A\n");

    assertThat(at(T0).find("a-1")).contains(created);
    assertThat(created).isEqualTo(new SavedScenario("a-1", "A", "name: A\n", T0, T0));
  }

  @Test
  void create_idTaken_throwsAndWritesNothing() {
    at(T0).create("a-1", "A", "name: A\n");

    assertThatThrownBy(() -> at(T0).create("a-1", "B", "name: B\n")).isInstanceOf(ScenarioExistsException.class)
        .hasMessage("a saved scenario 'a-1' exists already");
    assertThat(at(T0).all()).extracting(SavedScenario::name).containsExactly("A");
  }

  @Test
  void update_existing_replacesNameAndTextKeepsCreatedAt() {
    at(T0).create("a-1", "A", "name: A\n");
    Instant later = T0.plusSeconds(60);

    assertThat(at(later).update("a-1", "A2", "name: A2\n"))
        .contains(new SavedScenario("a-1", "A2", "name: A2\n", T0, later));
    assertThat(at(later).find("a-1").orElseThrow().updatedAt()).isEqualTo(later);
    assertThat(at(later).update("nope", "X", "x")).isEmpty();
  }

  @Test
  void delete_existingOrNot_saysWhetherItDeleted() {
    at(T0).create("a-1", "A", "name: A\n");

    assertThat(at(T0).delete("a-1")).isTrue();
    assertThat(at(T0).delete("a-1")).isFalse();
    assertThat(at(T0).find("a-1")).isEmpty();
  }

  @Test
  void all_sortsByNameThenId() {
    at(T0).create("z", "Beta", "b");
    at(T0).create("y", "Alpha", "a");
    at(T0).create("x", "Beta", "b");

    assertThat(at(T0).all()).extracting(SavedScenario::id).containsExactly("y", "x", "z");
  }

  @Test
  void freeId_takenBySavedOrReserved_appendsTheNextNumber() {
    at(T0).create("shells", "Shells", "s");
    at(T0).create("shells-2", "Shells", "s");

    assertThat(at(T0).freeId("shells", Set.of("shells-3")::contains)).isEqualTo("shells-4");
    assertThat(at(T0).freeId("other", Set.of()::contains)).isEqualTo("other");
  }

  @Test
  void reopen_savedScenario_isStillThere() {
    at(T0).create("kept", "Kept", "k");
    store.close();
    store = Store.open(dir.resolve("store.duckdb"));

    assertThat(at(T0).find("kept")).contains(new SavedScenario("kept", "Kept", "k", T0, T0));
  }
}
