package org.quartermaster.engine.simulation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.quartermaster.engine.model.Disruption;
import org.quartermaster.engine.model.Holder;
import org.quartermaster.engine.model.Item;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.RampDelay;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Share;
import org.quartermaster.engine.model.Stock;

/**
 * A result never carries NaN or infinity. The validator keeps quantities within 2^53
 * ({@code InvalidScenariosTest}: quantity_too_large, stock_total_too_large); a scenario built past it
 * in code, whose stocks overflow, is refused by the engine instead of answered with "P50 NaN".
 */
class FiniteResultTest {

  /** Stocks of 1e308 plus 1e308 a month overflow to infinity; the quantiles of infinities are NaN. */
  private static Scenario overflowing() {
    ProductionLine line = new ProductionLine("a", "shell", 1e308, 1e308, 0, 0, RampDelay.NONE, Disruption.NONE,
        List.of(new Share("USA", 1)));
    return new Scenario("overflow", 3, Optional.empty(), OptionalInt.empty(), OptionalLong.empty(),
        List.of(new Item("shell", null, null, OptionalDouble.empty())), List.of(new Holder("USA", null)),
        List.of(line), List.of(new Stock("USA", "shell", 1e308, OptionalDouble.empty(), List.of())), List.of());
  }

  @Test
  void run_stocksOverflowingToInfinity_isRefusedNamingTheNumber() {
    assertThatThrownBy(() -> Sm1Simulator.run(overflowing(), SimulationOptions.stochastic(10, 42).withThreads(1)))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("cell (USA, shell) closing_stock.")
        .hasMessageContaining("not finite");
  }

  @Test
  void run_stocksOverflowingToInfinity_deterministic_isRefused() {
    assertThatThrownBy(() -> Sm1Simulator.run(overflowing(), SimulationOptions.deterministic()))
        .isInstanceOf(InvariantViolationException.class)
        .hasMessageContaining("closing_stock.mean[0] = Infinity");
  }
}
