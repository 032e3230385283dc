package org.quartermaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.scenarios.SavedScenarios;

/**
 * The change number of a set of tables grows with each committed write that changed one of them, and
 * with nothing else: what lets the API keep its spending answers while scenarios are saved (issue 10).
 */
class StoreChangesTest {
  private static final Set<Store.Table> SPENDING = EnumSet.of(Store.Table.SPENDING);
  private static final Set<Store.Table> SCENARIOS = EnumSet.of(Store.Table.SCENARIOS);

  @Test
  void write_toScenarios_changesScenariosOnly() {
    try (Store store = Store.inMemory()) {
      long spending = store.changes(SPENDING);
      long scenarios = store.changes(SCENARIOS);

      new SavedScenarios(store).create("probe", "Probe", "name: Probe");

      assertThat(store.changes(SPENDING)).isEqualTo(spending);
      assertThat(store.changes(SCENARIOS)).isGreaterThan(scenarios);
    }
  }

  @Test
  void write_withoutTables_changesEveryTable() {
    try (Store store = Store.inMemory()) {
      long every = store.changes(Store.Table.all());
      long spending = store.changes(SPENDING);

      store.write(c -> null);

      assertThat(store.changes(SPENDING)).isEqualTo(spending + 1);
      assertThat(store.changes(Store.Table.all())).isEqualTo(every + Store.Table.values().length);
    }
  }

  @Test
  void write_failedOrRolledBack_changesNothing() {
    AtomicBoolean failing = new AtomicBoolean();
    try (Store store = Store.inMemory(new Store.Transactions() {
      @Override
      public void commit(Connection connection) throws SQLException {
        if (failing.get()) {
          throw new SQLException("IO Error: No space left on device");
        }
        connection.commit();
      }

      @Override
      public void rollback(Connection connection) throws SQLException {
        connection.rollback();
      }
    })) {
      long every = store.changes(Store.Table.all());

      failing.set(true);
      assertThatThrownBy(() -> store.write(c -> null)).isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> store.write(SPENDING, c -> {
        throw new IllegalStateException("the work failed");
      })).isInstanceOf(IllegalStateException.class);

      assertThat(store.changes(Store.Table.all())).isEqualTo(every);
    }
  }
}
