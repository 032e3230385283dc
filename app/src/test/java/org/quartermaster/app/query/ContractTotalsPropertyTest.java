package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contracts over random rows: one contract given in several currencies (rows sharing a contract_id),
 * rows without an id, "up to" ceilings. The totals count each contract's quantity once, ceilings apart,
 * as a plain reference written here does.
 */
class ContractTotalsPropertyTest {
  private static final List<Column> COLUMNS = List.of(Column.text("contract_id"), Column.text("item"),
      Column.number("quantity", null), Column.text("quantity_qualifier"), Column.text("currency"));

  static Stream<Long> seeds() {
    return LongStream.range(0, 50).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void of_randomContracts_countEachContractOnce(long seed) {
    Random random = new Random(seed);
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Map<String, Long>> exact = new LinkedHashMap<>();
    Map<String, Map<String, Long>> ceilings = new HashMap<>();
    int contracts = 1 + random.nextInt(8);
    for (int c = 0; c < contracts; c++) {
      String item = random.nextBoolean() ? "Stinger" : "155mm";
      String id = random.nextInt(4) == 0 ? null : "C" + c;
      long quantity = 1 + random.nextInt(5000);
      String qualifier = random.nextInt(3) == 0 ? "up to" : "exact";
      int copies = id == null ? 1 : 1 + random.nextInt(3); // the same contract in USD, EUR, GBP
      for (int k = 0; k < copies; k++) {
        rows.add(java.util.Arrays.asList(id, item, (double) quantity, qualifier, List.of("USD", "EUR", "GBP").get(k)));
      }
      (qualifier.equals("up to") ? ceilings : exact).computeIfAbsent(item, i -> new HashMap<>())
          .put(id == null ? "row " + (rows.size() - 1) : id, quantity);
    }
    java.util.Collections.shuffle(rows, random);

    String note = ContractTotals.of(rows, COLUMNS).getFirst();

    for (String item : List.of("Stinger", "155mm")) {
      long sum = exact.getOrDefault(item, Map.of()).values().stream().mapToLong(Long::longValue).sum();
      long up = ceilings.getOrDefault(item, Map.of()).values().stream().mapToLong(Long::longValue).sum();
      if (sum > 0) {
        assertThat(note).as("seed %d", seed).contains(item + ": ").contains(String.format(java.util.Locale.ROOT,
            "quantity %,d", sum));
      }
      if (up > 0) {
        assertThat(note).as("seed %d", seed).contains(String.format(java.util.Locale.ROOT, "up to %,d", up));
      }
    }
  }
}
