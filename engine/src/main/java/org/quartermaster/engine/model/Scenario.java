package org.quartermaster.engine.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A validated SM-1 scenario (see {@code ScenarioReader} for how one is read and checked). Lists keep
 * the order of the file: it fixes the cell order, the order transfers are applied and the order in
 * which inflows are summed.
 *
 * @param start calendar month of t = 0, used for labels only
 * @param runs  number of Monte Carlo runs, unless given on the command line
 * @param seed  base seed, unless given on the command line
 */
public record Scenario(
    String name,
    int horizonMonths,
    Optional<YearMonth> start,
    OptionalInt runs,
    OptionalLong seed,
    List<Item> items,
    List<Holder> holders,
    List<ProductionLine> lines,
    List<Stock> stocks,
    List<Transfer> transfers) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(seed, "seed");
    if (horizonMonths < 1) {
      throw new IllegalArgumentException("horizonMonths must be >= 1, got " + horizonMonths);
    }
    items = List.copyOf(items);
    holders = List.copyOf(holders);
    lines = List.copyOf(lines);
    stocks = List.copyOf(stocks);
    transfers = List.copyOf(transfers);
  }

  /**
   * The cells in MODEL.md's order of first appearance: stocks in order, then each line's shares in
   * the order written, then each transfer's {@code from} and {@code to}.
   */
  public List<Cell> cells() {
    Set<Cell> cells = new LinkedHashSet<>();
    for (Stock stock : stocks) {
      cells.add(stock.cell());
    }
    for (ProductionLine line : lines) {
      for (Share share : line.shares()) {
        cells.add(new Cell(share.holder(), line.item()));
      }
    }
    for (Transfer transfer : transfers) {
      cells.add(new Cell(transfer.from(), transfer.item()));
      cells.add(new Cell(transfer.to(), transfer.item()));
    }
    return List.copyOf(new ArrayList<>(cells));
  }
}
