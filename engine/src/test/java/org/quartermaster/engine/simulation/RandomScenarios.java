package org.quartermaster.engine.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.DemandSegment;
import org.quartermaster.engine.model.Disruption;
import org.quartermaster.engine.model.Holder;
import org.quartermaster.engine.model.Item;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.RampDelay;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Share;
import org.quartermaster.engine.model.Stock;
import org.quartermaster.engine.model.Transfer;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * Small valid SM-1 scenarios for property tests, one per seed (the same seed always gives the same
 * scenario): 1–4 holders, 1–3 items, 0–4 lines, 0–4 stocks, 0–4 transfers, horizon 1–24 months.
 *
 * <p>Each scenario draws its values from one grid: integers, binary fractions (quarters), decimal
 * fractions (tenths, inexact in binary) or a mix of those with arbitrary doubles, so that closing
 * stocks often land exactly on a target or exactly on zero: the ties where MODEL.md's evaluation
 * order decides the result. The generator also makes the edge cases MODEL.md names: R = 0, absent
 * delays and delays with a = c, disruption probabilities of 0 and 1, targets already met at month 0,
 * self-transfers and several transfers in one month. Stocks are mostly placed on cells that a line
 * feeds, so that targets get reached.
 *
 * <p>{@link #toYaml} writes a scenario as a scenario file, so a test can check that the records built
 * here are exactly what {@code ScenarioReader} accepts.
 */
final class RandomScenarios {
  private static final List<String> HOLDER_IDS = List.of("USA", "NSPA", "UKR", "POL");
  private static final List<String> ITEM_IDS = List.of("manpads", "shell-155", "atgm.v2");

  /** The grid a scenario's quantities are drawn from: one grid per scenario makes exact ties common. */
  private enum Style {
    INTEGERS,
    QUARTERS,
    TENTHS,
    MIXED
  }

  private final SplittableRandom random;
  private final Style style;

  private RandomScenarios(long seed) {
    this.random = new SplittableRandom(seed);
    this.style = Style.values()[random.nextInt(Style.values().length)];
  }

  /** The scenario of {@code seed}, named {@code random-<seed>}. */
  static Scenario generate(long seed) {
    return new RandomScenarios(seed).scenario("random-" + seed);
  }

  /**
   * A fixed scenario shaped like the benchmark: 3 cells × 12 months, two lines with a triangular delay
   * and disruptions, piecewise demand that often empties one cell (so closing stocks of 0 are common),
   * and transfers, two of them in the same month. Use with many runs for the quantile-estimate path.
   */
  static Scenario benchLike() {
    return ScenarioReader.parse("""
        name: bench-like
        horizon_months: 12
        items: [{id: shell-155}]
        holders: [{id: USA}, {id: NSPA}, {id: UKR}]
        lines:
          - id: scranton
            item: shell-155
            base_per_month: 120
            surge_per_month: 400
            ramp_start_month: 1
            ramp_months: 6
            ramp_delay_months: {min: 0, mode: 2, max: 6}
            disruption: {probability: 0.1, cut: 0.5}
            shares: {USA: 3, NSPA: 1}
          - id: eu-line
            item: shell-155
            base_per_month: 50.5
            surge_per_month: 150
            ramp_start_month: 0
            ramp_months: 4.5
            disruption: {probability: 0.25, cut: 0.3}
            shares: {NSPA: 1, UKR: 1}
        stocks:
          - {holder: USA, item: shell-155, initial: 800, target: 1500,
             demand: [{from: 0, per_month: 60}, {from: 6, per_month: 90.5}]}
          - {holder: NSPA, item: shell-155, initial: 100, target: 600, demand: [{from: 0, per_month: 20}]}
          - {holder: UKR, item: shell-155, initial: 50, target: 400, demand: [{from: 0, per_month: 180}]}
        transfers:
          - {from: USA, to: UKR, item: shell-155, month: 2, quantity: 300}
          - {from: NSPA, to: UKR, item: shell-155, month: 2, quantity: 150}
          - {from: USA, to: UKR, item: shell-155, month: 7, quantity: 400}
        """, "bench-like");
  }

  private Scenario scenario(String name) {
    int months = 1 + random.nextInt(24);
    List<Holder> holders = new ArrayList<>();
    for (String id : HOLDER_IDS.subList(0, 1 + random.nextInt(HOLDER_IDS.size()))) {
      holders.add(new Holder(id, null));
    }
    List<Item> items = new ArrayList<>();
    for (String id : ITEM_IDS.subList(0, 1 + random.nextInt(ITEM_IDS.size()))) {
      items.add(new Item(id, null, null, OptionalDouble.empty()));
    }
    List<ProductionLine> lines = new ArrayList<>();
    int lineCount = random.nextInt(5);
    for (int l = 0; l < lineCount; l++) {
      lines.add(line("line-" + l, months, holders, items));
    }
    List<Stock> stocks = stocks(months, holders, items, lines);
    List<Transfer> transfers = new ArrayList<>();
    int transferCount = random.nextInt(5);
    int[] busyMonths = {random.nextInt(months), random.nextInt(months)};
    for (int j = 0; j < transferCount; j++) {
      transfers.add(transfer(months, busyMonths, holders, items));
    }
    return new Scenario(name, months, Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), items, holders,
        lines, stocks, transfers);
  }

  private ProductionLine line(String id, int months, List<Holder> holders, List<Item> items) {
    String item = pick(items).id();
    double base = amount(30);
    double surge = amount(60);
    int rampStart = random.nextInt(months);
    double rampMonths = switch (random.nextInt(4)) {
      case 0 -> 0.0;
      case 1 -> 1 + random.nextInt(12);
      case 2 -> (1 + random.nextInt(48)) / 4.0;
      default -> random.nextDouble() * 12;
    };
    RampDelay delay = switch (random.nextInt(5)) {
      case 0, 1 -> RampDelay.NONE;
      case 2 -> {
        double fixed = amount(6);
        yield new RampDelay(fixed, fixed, fixed); // a == c: no draw
      }
      case 3 -> sortedDelay(random.nextInt(4), random.nextInt(4), random.nextInt(8)); // ties a == b, b == c
      default -> sortedDelay(amount(6), amount(6), amount(12));
    };
    Disruption disruption = switch (random.nextInt(5)) {
      case 0, 1 -> Disruption.NONE;
      case 2 -> new Disruption(random.nextBoolean() ? 0.0 : 1.0, fraction());
      default -> new Disruption(fraction(), fraction());
    };
    List<Holder> receivers = new ArrayList<>(holders);
    Collections.shuffle(receivers, new Random(random.nextLong()));
    List<Share> shares = new ArrayList<>();
    for (Holder holder : receivers.subList(0, 1 + random.nextInt(Math.min(3, receivers.size())))) {
      shares.add(new Share(holder.id(), positive(5)));
    }
    return new ProductionLine(id, item, base, surge, rampStart, rampMonths, delay, disruption, shares);
  }

  private static RampDelay sortedDelay(double x, double y, double z) {
    double[] sorted = {x, y, z};
    Arrays.sort(sorted);
    return new RampDelay(sorted[0], sorted[1], sorted[2]);
  }

  /** 0–4 stocks, mostly of cells that a line feeds (so that targets get reached, sometimes exactly). */
  private List<Stock> stocks(int months, List<Holder> holders, List<Item> items, List<ProductionLine> lines) {
    List<Cell> fed = new ArrayList<>();
    for (ProductionLine line : lines) {
      for (Share share : line.shares()) {
        fed.add(new Cell(share.holder(), line.item()));
      }
    }
    Set<Cell> chosen = new LinkedHashSet<>();
    int count = random.nextInt(5);
    for (int k = 0; k < count; k++) {
      chosen.add(!fed.isEmpty() && random.nextInt(3) > 0
          ? pick(fed)
          : new Cell(pick(holders).id(), pick(items).id()));
    }
    List<Stock> stocks = new ArrayList<>();
    for (Cell cell : chosen) {
      double initial = amount(100);
      stocks.add(new Stock(cell.holder(), cell.item(), initial, target(initial), demand(months)));
    }
    return stocks;
  }

  private OptionalDouble target(double initial) {
    return switch (random.nextInt(8)) {
      case 0, 1 -> OptionalDouble.empty();
      case 2 -> OptionalDouble.of(initial); // met at month 0
      case 3 -> OptionalDouble.of(random.nextBoolean() ? 0.0 : Math.floor(initial * random.nextDouble()));
      case 4, 5 -> OptionalDouble.of(initial + step()); // on the grid: often reached exactly
      default -> OptionalDouble.of(amount(300));
    };
  }

  private List<DemandSegment> demand(int months) {
    TreeSet<Integer> from = new TreeSet<>();
    int segments = random.nextInt(4);
    for (int k = 0; k < segments; k++) {
      from.add(random.nextInt(months));
    }
    List<DemandSegment> demand = new ArrayList<>();
    for (int month : from) {
      demand.add(new DemandSegment(month, amount(12)));
    }
    return demand;
  }

  private Transfer transfer(int months, int[] busyMonths, List<Holder> holders, List<Item> items) {
    String from = pick(holders).id();
    List<Holder> others = holders.stream().filter(h -> !h.id().equals(from)).toList();
    String to = others.isEmpty() || random.nextInt(5) == 0 ? from : pick(others).id();
    int month = random.nextInt(3) == 0 ? random.nextInt(months) : busyMonths[random.nextInt(2)];
    return new Transfer(from, to, pick(items).id(), month, positive(40));
  }

  /**
   * A quantity ≥ 0 up to about {@code scale} on the scenario's grid: 0 or an integer always, then
   * quarters (exact in binary), tenths (inexact: 0.1 + 0.2 ≠ 0.3), or anything for a mixed scenario.
   */
  private double amount(int scale) {
    int kind = random.nextInt(7);
    if (kind == 0) {
      return 0.0;
    }
    if (kind <= 2 || style == Style.INTEGERS) {
      return random.nextInt(scale + 1);
    }
    return switch (style) {
      case QUARTERS -> random.nextInt(4 * scale + 1) / 4.0;
      case TENTHS -> random.nextInt(10 * scale + 1) / 10.0;
      default -> switch (kind) {
        case 3 -> random.nextInt(4 * scale + 1) / 4.0;
        case 4 -> random.nextInt(10 * scale + 1) / 10.0;
        case 5 -> random.nextInt(3 * scale + 1) / 3.0;
        default -> random.nextDouble() * scale;
      };
    };
  }

  /** A step on the scenario's grid: 1–30 units, or tenths of them for {@link Style#TENTHS}. */
  private double step() {
    int units = 1 + random.nextInt(30);
    return style == Style.TENTHS && random.nextBoolean() ? units / 10.0 : units;
  }

  private double positive(int scale) {
    double x = amount(scale);
    return x > 0 ? x : 0.1 * (1 + random.nextInt(10));
  }

  /** A probability or cut in [0, 1], with 0, 1 and 1/2 common. */
  private double fraction() {
    return switch (random.nextInt(6)) {
      case 0 -> 0.0;
      case 1 -> 1.0;
      case 2 -> 0.5;
      case 3 -> random.nextInt(11) / 10.0;
      default -> random.nextDouble();
    };
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** The scenario as a scenario file (every number written so that it reads back as the same double). */
  static String toYaml(Scenario scenario) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("name: ").append(scenario.name()).append('\n');
    yaml.append("horizon_months: ").append(scenario.horizonMonths()).append('\n');
    yaml.append("items:\n");
    for (Item item : scenario.items()) {
      yaml.append("  - {id: ").append(item.id()).append("}\n");
    }
    yaml.append("holders:\n");
    for (Holder holder : scenario.holders()) {
      yaml.append("  - {id: ").append(holder.id()).append("}\n");
    }
    if (!scenario.lines().isEmpty()) {
      yaml.append("lines:\n");
    }
    for (ProductionLine line : scenario.lines()) {
      yaml.append("  - id: ").append(line.id()).append('\n')
          .append("    item: ").append(line.item()).append('\n')
          .append("    base_per_month: ").append(number(line.basePerMonth())).append('\n')
          .append("    surge_per_month: ").append(number(line.surgePerMonth())).append('\n')
          .append("    ramp_start_month: ").append(line.rampStartMonth()).append('\n')
          .append("    ramp_months: ").append(number(line.rampMonths())).append('\n');
      RampDelay delay = line.rampDelayMonths();
      if (!delay.equals(RampDelay.NONE)) {
        yaml.append("    ramp_delay_months: {min: ").append(number(delay.min())).append(", mode: ")
            .append(number(delay.mode())).append(", max: ").append(number(delay.max())).append("}\n");
      }
      if (!line.disruption().equals(Disruption.NONE)) {
        yaml.append("    disruption: {probability: ").append(number(line.disruption().probability()))
            .append(", cut: ").append(number(line.disruption().cut())).append("}\n");
      }
      yaml.append("    shares: {");
      for (int k = 0; k < line.shares().size(); k++) {
        Share share = line.shares().get(k);
        yaml.append(k == 0 ? "" : ", ").append(share.holder()).append(": ").append(number(share.weight()));
      }
      yaml.append("}\n");
    }
    if (!scenario.stocks().isEmpty()) {
      yaml.append("stocks:\n");
    }
    for (Stock stock : scenario.stocks()) {
      yaml.append("  - {holder: ").append(stock.holder()).append(", item: ").append(stock.item())
          .append(", initial: ").append(number(stock.initial()));
      if (stock.target().isPresent()) {
        yaml.append(", target: ").append(number(stock.target().getAsDouble()));
      }
      yaml.append(", demand: [");
      for (int k = 0; k < stock.demand().size(); k++) {
        DemandSegment segment = stock.demand().get(k);
        yaml.append(k == 0 ? "" : ", ").append("{from: ").append(segment.fromMonth()).append(", per_month: ")
            .append(number(segment.perMonth())).append('}');
      }
      yaml.append("]}\n");
    }
    if (!scenario.transfers().isEmpty()) {
      yaml.append("transfers:\n");
    }
    for (Transfer transfer : scenario.transfers()) {
      yaml.append("  - {from: ").append(transfer.from()).append(", to: ").append(transfer.to())
          .append(", item: ").append(transfer.item()).append(", month: ").append(transfer.month())
          .append(", quantity: ").append(number(transfer.quantity())).append("}\n");
    }
    return yaml.toString();
  }

  /** Plain decimal notation of the shortest representation that reads back as {@code x}. */
  private static String number(double x) {
    return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
  }
}
