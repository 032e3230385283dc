package org.quartermaster.app.munitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contracts by award year: each contract counted once, however many rows describe it (one order given in
 * two currencies is one contract); contracts that state no quantity are counted, not summed.
 */
final class ContractsByYear {
  private ContractsByYear() {}

  static List<ChainLine> perYear(List<ContractFigure> figures, int fromYear, int toYear) {
    Map<Integer, Map<String, List<ContractFigure>>> byYear = new LinkedHashMap<>();
    for (ContractFigure f : figures) {
      if (f.awardYear() != null && f.awardYear() >= fromYear && f.awardYear() <= toYear) {
        String id = f.contractId() != null ? f.contractId() : f.row().toString();
        byYear.computeIfAbsent(f.awardYear(), k -> new LinkedHashMap<>()).computeIfAbsent(id, k -> new ArrayList<>())
            .add(f);
      }
    }
    List<ChainLine> lines = new ArrayList<>();
    for (int year = fromYear; year <= toYear; year++) {
      Map<String, List<ContractFigure>> contracts = byYear.get(year);
      if (contracts == null) {
        continue;
      }
      double quantity = 0;
      int withQuantity = 0;
      List<String> parts = new ArrayList<>();
      List<RowRef> rows = new ArrayList<>();
      for (Map.Entry<String, List<ContractFigure>> contract : contracts.entrySet()) {
        ContractFigure first = contract.getValue().getFirst();
        contract.getValue().forEach(f -> rows.add(f.row()));
        if (first.quantity() != null) {
          quantity += first.quantity();
          withQuantity++;
          parts.add(contract.getKey() + " (" + first.buyers() + "): " + first.quantityText());
        } else {
          parts.add(contract.getKey() + " (" + first.buyers() + "): quantity not stated");
        }
      }
      String how = contracts.size() + " contract" + (contracts.size() == 1 ? "" : "s") + ", " + withQuantity
          + " with a quantity: " + String.join("; ", parts);
      lines.add(new ChainLine(year, "buyers", "contracted", "award year", withQuantity == 0 ? null : quantity,
          withQuantity == 0 ? null : quantity, how, rows, false));
    }
    return lines;
  }
}
