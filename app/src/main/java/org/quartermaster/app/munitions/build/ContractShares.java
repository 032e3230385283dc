package org.quartermaster.app.munitions.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.munitions.ScenarioFigures.Order;
import org.quartermaster.app.munitions.build.Provenance.Citation;

/**
 * How a line's output is shared among the holders: in proportion to the quantities the holders ordered
 * (contracts with a quantity, each counted once however many rows describe it, a contract of several
 * buyers split evenly among them). Orders of buyers who are not holders are left out, and said so.
 */
final class ContractShares {
  private ContractShares() {}

  /** A holder's weight and the contract rows it comes from. */
  record Weight(double quantity, List<String> contracts, List<Citation> citations) {}

  /** Holder → weight, in the order of the holders; empty when no holder ordered. */
  static Map<String, Weight> of(List<Order> orders, Set<String> holders, Countries countries, List<String> notes) {
    Map<String, List<Order>> byContract = new LinkedHashMap<>();
    for (Order o : orders) {
      byContract.computeIfAbsent(o.contractId() != null ? o.contractId() : o.row(), k -> new ArrayList<>()).add(o);
    }
    Map<String, Double> quantity = new LinkedHashMap<>();
    Map<String, List<String>> named = new LinkedHashMap<>();
    Map<String, List<Citation>> cited = new LinkedHashMap<>();
    byContract.forEach((id, rows) -> {
      Order first = rows.stream().filter(o -> o.quantity() != null).findFirst().orElse(null);
      String rowList = String.join(" ", rows.stream().map(Order::row).toList());
      if (first == null) {
        notes.add("contract " + id + " (" + rowList + "): no quantity, not used for the shares");
        return;
      }
      Set<String> buyers = buyers(first.buyers(), countries);
      List<String> ours = buyers.stream().filter(holders::contains).toList();
      if (ours.isEmpty()) {
        notes.add("contract " + id + " (" + rowList + ", " + Numbers.plain(first.quantity()) + " for " + first.buyers()
            + "): no buyer among the holders, left out of the shares; add a buyer to --holders to count it");
        return;
      }
      double each = first.quantity() / buyers.size();
      for (String h : ours) {
        quantity.merge(h, each, Double::sum);
        named.computeIfAbsent(h, k -> new ArrayList<>()).add(id + ": " + Numbers.plain(first.quantity())
            + (buyers.size() > 1 ? " for " + buyers.size() + " buyers (" + first.buyers() + "), " + Numbers.plain(
                Numbers.kept(each)) + " each" : "") + (first.awardYear() == null ? "" : ", awarded " + first.awardYear()));
        rows.forEach(o -> cited.computeIfAbsent(h, k -> new ArrayList<>()).add(new Citation(o.row(), o.source())));
      }
    });
    Map<String, Weight> weights = new LinkedHashMap<>();
    for (String h : holders) {
      if (quantity.containsKey(h)) {
        weights.put(h, new Weight(Numbers.kept(quantity.get(h)), named.get(h), cited.get(h)));
      }
    }
    return weights;
  }

  /** The ISO codes of a buyers text ({@code Germany; Italy; Netherlands}, {@code United States}). */
  static Set<String> buyers(String text, Countries countries) {
    Set<String> codes = new LinkedHashSet<>();
    if (text == null) {
      return codes;
    }
    for (String part : text.split("\\s*[;,/]\\s*|\\s+and\\s+")) {
      countries.find(part.strip()).map(Country::iso3).ifPresentOrElse(codes::add, () -> codes.add(part.strip()));
    }
    codes.remove("");
    return codes;
  }
}
