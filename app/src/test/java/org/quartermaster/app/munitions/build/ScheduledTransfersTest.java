package org.quartermaster.app.munitions.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.munitions.ScenarioFigures.Delivery;

/** Transfers inside the horizon, worked by hand. */
class ScheduledTransfersTest {
  private static Delivery window(String from, String to, String status, double quantity, String row) {
    return new Delivery("USA", "UKR", status, "period", LocalDate.parse(from), LocalDate.parse(to), quantity, quantity,
        row, null);
  }

  /**
   * Horizon 2025-07 .. 2026-06 (12 months). The delivered 2025 window of 730 overlaps it for 184 of its 365
   * days: 730 · 184/365 = 368, in 2025-12 (month 5); the 2026 window of 365 for 181 days: 181, in 2026-06
   * (month 11). The pledged window of the same flow is not read beside them; a flow to a non-holder is left
   * out.
   */
  @Test
  void windows_thePartInsideTheHorizon_inItsLastMonth_oneSeriesPerFlow() {
    List<String> notes = new ArrayList<>();
    List<Delivery> deliveries = List.of(window("2025-01-01", "2026-01-01", "delivered", 730, "d1:r2"),
        window("2026-01-01", "2027-01-01", "delivered", 365, "d1:r3"),
        window("2025-01-01", "2027-01-01", "pledged", 5000, "d1:r4"),
        new Delivery("USA", "POL", "delivered", "period", LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"),
            99, 99, "d1:r5", null));

    List<ScheduledTransfers.Found> found = ScheduledTransfers.of(deliveries, Set.of("USA", "UKR"),
        YearMonth.of(2025, 7), 12, notes);

    assertThat(found).extracting(ScheduledTransfers.Found::month, ScheduledTransfers.Found::quantity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5, 368.0), org.assertj.core.groups.Tuple.tuple(11, 181.0));
    assertThat(found.getFirst().source().rows()).containsExactly("d1:r2");
    assertThat(notes).singleElement().satisfies(n -> assertThat(n).contains("USA->UKR pledged period figures not used"));
  }
}
