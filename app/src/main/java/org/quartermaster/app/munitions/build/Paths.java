package org.quartermaster.app.munitions.build;

/**
 * The paths of a built scenario's numbers, one spelling for the YAML, {@code --assume}, the API and the
 * rebuild's diff: lines by id ({@code lines[usa-stinger].surge_per_month}), stocks by holder and item
 * ({@code stocks[USA/stinger].initial}, {@code stocks[UKR/stinger].demand[0].per_month}), transfers by
 * position ({@code transfers[0].quantity}).
 */
final class Paths {
  static final String HORIZON = "horizon_months";
  static final String RUNS = "runs";
  static final String SEED = "seed";

  private Paths() {}

  static String line(String id, String field) {
    return "lines[" + id + "]." + field;
  }

  static String stock(String holder, String item, String field) {
    return "stocks[" + holder + "/" + item + "]." + field;
  }

  static String transfer(int index, String field) {
    return "transfers[" + index + "]." + field;
  }
}
