package org.quartermaster.app.munitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;

/**
 * The backlog of a contracts file whose rows state their delivery windows (delivery_start, delivery_end), worked
 * by hand, imported into an empty store as dataset 1 (data rows from row 2). The stated window of W-1 wins over
 * the one {@link #WINDOWS} (standing in for delivery_windows.csv) gives the same contract.
 *
 * <p>W-1: 1,200 awarded 2024-03, delivered 2025-01-01 to 2026-06-30 (546 days: 365 in 2025, 181 in 2026).
 * W-2: 600 awarded 2025-02-10, delivered July–December 2025. W-3: no window, left out. Row 5: 100 without a
 * contract id (counted under its row, d1:r5) from another producer, delivered in 2026.
 */
class StatedDeliveryWindowGoldenTest {
  private static final String CONTRACTS = """
      contract_id,buyer,item,quantity,value,currency,date,supplier,delivery_start,delivery_end,source_url
      W-1,Ukraine,FGM-148 Javelin,1200,,,2024-03,Lockheed Martin,2025,2026-06,https://example.org/w1
      W-2,Ukraine,Javelin,600,,,2025-02-10,Lockheed Martin,2025-07,2025-12,https://example.org/w2
      W-3,Germany,Javelin,300,,,2024-05-01,Werk GmbH,,,https://example.org/w3
      ,Estonia,Javelin,100,,,2025-06,Example Arms,2026,2026,https://example.org/w4
      """;
  /** A bundled-style window for W-1 (all of 2024) that the stated one replaces. */
  private static final DeliveryWindows WINDOWS = DeliveryWindows.of(List.of(new DeliveryWindow("W-1",
      new Span(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)), "deliveries in 2024", "as written", 2)));

  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void importContracts() throws IOException {
    store = Store.inMemory();
    BundledDataset.writeCountries(store, Countries.standard());
    new ImportService(store, Countries.standard(), Importers.standard()).run(new ImportRequest(
        Files.writeString(dir.resolve("contracts.csv"), CONTRACTS), null, null, null, null, false, false));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private QueryResult backlog() {
    Catalogue catalogue = Catalogue.of(store);
    ChainInputs inputs = ChainInputs.read(store, catalogue, catalogue.findMunition("javelin").orElseThrow(), WINDOWS);
    return ChainReport.of(inputs, List.of(), List.of(), new ChainReport.Options(2024, 2027, null, Interpolation.STEP,
        true)).getLast();
  }

  @Test
  void backlog_statedWindows_equalTheTableWorkedByHand() {
    double w1By2025 = 1200.0 * 365 / 546;

    QueryResult backlog = backlog();

    assertThat(rounded(backlog.rows().stream().map(r -> r.subList(0, 7)).toList())).containsExactlyElementsOf(rounded(
        List.of(row(2024, "Lockheed Martin", 1200.0, 0.0, 0.0, 1200.0, "W-1"),
            row(2025, "Example Arms", 100.0, 0.0, 0.0, 100.0, "d1:r5"),
            row(2025, "Lockheed Martin", 1800.0, w1By2025 + 600, w1By2025 + 600, 1200 - w1By2025, "W-1 W-2"),
            row(2026, "Example Arms", 100.0, 100.0, 100.0, 0.0, "d1:r5"),
            row(2026, "Lockheed Martin", 1200.0, 1200 - w1By2025, 1200.0, 0.0, "W-1"))));
    assertThat(backlog.column("rows")).containsExactly("d1:r2", "d1:r5", "d1:r2 d1:r3", "d1:r5", "d1:r2");
  }

  @Test
  void backlog_statedWindow_isShownWithTheRowItCameFrom() {
    QueryResult backlog = backlog();

    assertThat((String) backlog.column("how").getFirst()).isEqualTo("W-1: 1,200 ordered 2024-03, delivery"
        + " 2025-01-01..2026-06-30 ('delivery_start 2025, delivery_end 2026-06', contract row d1:r2), 0 delivered by"
        + " 2024-12-31; ASSUMPTION: delivered evenly over the window");
    assertThat(backlog.notes()).contains("window of W-1: as the contract row states it (d1:r2), from the start of 2025"
        + " to the end of 2026-06")
        .anyMatch(n -> n.startsWith("left out of the backlog: contract W-3 (d1:r4): no delivery window"));
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  /** Doubles rounded to 1e-6, so a hand-worked fraction compares with the computed one. */
  private static List<List<Object>> rounded(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      out.add(r.stream().map(v -> v instanceof Double d ? (Object) (Math.round(d * 1e6) / 1e6) : v).toList());
    }
    return out;
  }
}
