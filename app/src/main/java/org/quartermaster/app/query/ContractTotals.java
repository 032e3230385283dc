package org.quartermaster.app.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What contract rows add up to, each contract counted once: rows that share a {@code contract_id}
 * describe one contract (one order given in two currencies), so its quantity counts once per item and
 * its value once per currency. A row without an id is a contract of its own. Quantities qualified "up
 * to" are ceilings and are totalled apart from the others.
 */
final class ContractTotals {
  private ContractTotals() {}

  /** One note per item: its contracts, rows and quantity, each contract once. */
  static List<String> of(List<List<Object>> rows, List<Column> columns) {
    List<String> names = columns.stream().map(Column::name).toList();
    int id = names.indexOf("contract_id");
    int item = names.indexOf("item");
    int quantity = names.indexOf("quantity");
    int qualifier = names.indexOf("quantity_qualifier");
    Map<String, Map<String, Double>> quantityByItem = new LinkedHashMap<>();
    Map<String, Map<String, Double>> ceilingByItem = new LinkedHashMap<>();
    Map<String, Set<String>> contractsByItem = new LinkedHashMap<>();
    Map<String, Integer> rowsByItem = new LinkedHashMap<>();
    List<String> conflicts = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      String itemName = Objects.toString(row.get(item));
      String contract = row.get(id) == null ? "row " + r : row.get(id).toString();
      contractsByItem.computeIfAbsent(itemName, k -> new LinkedHashSet<>()).add(contract);
      rowsByItem.merge(itemName, 1, Integer::sum);
      if (row.get(quantity) instanceof Number n) {
        boolean ceiling = "up to".equals(row.get(qualifier));
        Map<String, Double> byContract = (ceiling ? ceilingByItem : quantityByItem)
            .computeIfAbsent(itemName, k -> new LinkedHashMap<>());
        Double before = byContract.putIfAbsent(contract, n.doubleValue());
        if (before != null && before != n.doubleValue()) {
          conflicts.add(contract + " (" + number(before) + " and " + number(n.doubleValue()) + ")");
        }
      }
    }
    List<String> notes = new ArrayList<>();
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : contractsByItem.entrySet()) {
      int contracts = e.getValue().size();
      int lines = rowsByItem.get(e.getKey());
      StringBuilder text = new StringBuilder(e.getKey()).append(": ").append(contracts)
          .append(contracts == 1 ? " contract" : " contracts");
      if (lines != contracts) {
        text.append(" in ").append(lines).append(" rows");
      }
      double exact = quantityByItem.getOrDefault(e.getKey(), Map.of()).values().stream().mapToDouble(d -> d).sum();
      double ceiling = ceilingByItem.getOrDefault(e.getKey(), Map.of()).values().stream().mapToDouble(d -> d).sum();
      if (exact > 0) {
        text.append(", quantity ").append(number(exact));
      }
      if (ceiling > 0) {
        text.append(exact > 0 ? " plus up to " : ", up to ").append(number(ceiling));
      }
      items.add(text.toString());
    }
    if (!items.isEmpty()) {
      notes.add("Each contract counted once (rows sharing a contract_id are one contract): "
          + String.join("; ", items) + ".");
    }
    if (!conflicts.isEmpty()) {
      notes.add("Rows of one contract that disagree on the quantity (the first row's is counted): "
          + String.join(", ", conflicts) + ".");
    }
    return notes;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(java.util.Locale.ROOT, "%,d", (long) value)
        : String.format(java.util.Locale.ROOT, "%,.2f", value);
  }
}
