package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.ContractRow;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.store.Store;

class TargetTest {

  /** A mapping's field names are the row record's components in snake_case, provenance spelled out. */
  @Test
  void fields_ofEveryTable_areTheRowRecordsComponents() {
    for (Table table : java.util.Arrays.stream(Table.values()).filter(Table::mappable).toList()) {
      Class<?> row = switch (table) {
        case SPENDING -> SpendingRow.class;
        case AID -> AidRow.class;
        case DELIVERIES -> DeliveryRow.class;
        case PRODUCTION -> ProductionRow.class;
        case CONTRACTS -> ContractRow.class;
        case MUNITIONS, MUNITION_ALIASES -> throw new AssertionError("no mapping fills " + table);
      };
      List<String> expected = new ArrayList<>();
      for (RecordComponent component : row.getRecordComponents()) {
        if (component.getName().equals("provenance")) {
          for (RecordComponent part : Provenance.class.getRecordComponents()) {
            expected.add(snake(part.getName()));
          }
        } else if (!component.getName().equals("fileRow")) {
          expected.add(snake(component.getName()));
        }
      }

      Target target = Target.of(table);

      assertThat(target.table()).isEqualTo(table);
      assertThat(target.fields()).extracting(TargetField::fieldName).as(table.cliName())
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  /** The bulk path converts a passed-through field's cell in SQL into the table column of its name. */
  @Test
  void passedThrough_ofEveryTable_areSimpleFieldsNamedAsTheirTableColumns() {
    try (Store store = Store.inMemory()) {
      for (Table table : java.util.Arrays.stream(Table.values()).filter(Table::mappable).toList()) {
        List<String> columns = store.read(c -> {
          List<String> names = new ArrayList<>();
          try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
              "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table.sqlName() + "'")) {
            while (r.next()) {
              names.add(r.getString(1));
            }
          }
          return names;
        });

        for (TargetField field : Target.of(table).passedThrough()) {
          assertThat(columns).as(table.cliName()).contains(field.fieldName());
          assertThat(field.type()).as(field.fieldName())
              .isIn(Set.of(FieldType.NUMBER, FieldType.INTEGER, FieldType.YEAR, FieldType.TEXT));
        }
      }
    }
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
