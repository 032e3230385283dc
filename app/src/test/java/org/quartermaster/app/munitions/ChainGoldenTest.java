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
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * The whole chain of a small store worked by hand: two producer countries (USA, DEU), a cumulative transfer
 * series, three contracts (two with a delivery window, one without), imported through the real importer
 * into an empty store (production file = dataset 1, contracts = dataset 2; data rows start at row 2).
 */
class ChainGoldenTest {
  private static final String PRODUCTION = """
      item,producer,country,date,value,period,unit,kind,source_url
      FGM-148 Javelin,LM,USA,2023,1200,year,missiles,actual,https://example.org/p
      FGM-148 Javelin,LM,USA,2024-07,2400,year,missiles,actual,https://example.org/p
      Javelin,Werk,DEU,2024,100,month,missiles,actual,https://example.org/p
      FGM-148 Javelin,US stocks,USA->UKR,2023-06,1000,cumulative,missiles,transferred,https://example.org/t
      FGM-148 Javelin,US stocks,USA->UKR,2024-03,3000,cumulative,missiles,transferred,https://example.org/t
      """;
  private static final String CONTRACTS = """
      contract_id,buyer,agency,item,quantity,value,currency,date,supplier,source_url,note
      C-1,Ukraine,,FGM-148 Javelin,1200,,,2023-07-01,Lockheed Martin,https://example.org/c,deliveries July 2024 to June 2025
      C-2,Germany,,Javelin,600,,,2024-03-15,Werk GmbH,https://example.org/c,deliveries in 2025
      C-3,Germany,,Javelin,50,,,2024-05-01,Werk GmbH,https://example.org/c,
      """;
  /** C-1: 2024-07-01 to 2025-06-30 (365 days); C-2: the calendar year 2025; C-3: none. */
  private static final DeliveryWindows WINDOWS = DeliveryWindows.of(List.of(
      new DeliveryWindow("C-1", new Span(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 7, 1)),
          "deliveries July 2024 to June 2025", "as written", 2),
      new DeliveryWindow("C-2", Span.year(2025), "deliveries in 2025", "as written", 3)));
  private static final String EVEN = "; ASSUMPTION: delivered evenly over the window";
  private static final String C1 = "C-1: 1,200 ordered 2023-07-01, delivery 2024-07-01..2025-06-30 ('deliveries July"
      + " 2024 to June 2025', delivery_windows.csv row 2), ";
  private static final String C2 = "C-2: 600 ordered 2024-03-15, delivery 2025-01-01..2025-12-31 ('deliveries in"
      + " 2025', delivery_windows.csv row 3), ";
  private static final String BACKLOG = "ordered less delivered (even over the window)";
  private static final String HELD_USA = "; held past 2024-07-31, the end of the last observation (extrapolated)";

  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void importTheSmallStore() throws IOException {
    store = Store.inMemory();
    BundledDataset.writeCountries(store, Countries.standard());
    ImportService imports = new ImportService(store, Countries.standard(), Importers.standard());
    imports.run(new ImportRequest(Files.writeString(dir.resolve("production.csv"), PRODUCTION), ImportFormat.QM_CSV,
        null, null, null, false, false));
    imports.run(new ImportRequest(Files.writeString(dir.resolve("contracts.csv"), CONTRACTS), ImportFormat.QM_CSV,
        null, null, null, false, false));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<QueryResult> chain() {
    ChainInputs inputs = ChainInputs.read(store, Catalogue.bundled(), Catalogue.bundled().findMunition("javelin")
        .orElseThrow(), WINDOWS);
    return ChainReport.of(inputs, List.of(), List.of(),
        new ChainReport.Options(2023, 2025, null, Interpolation.STEP, true));
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

  /**
   * USA 2024: 1,200/yr Jan–Jun (182 of 366 days), 2,400/yr July (31 days), then held (153 days):
   * (1200·182 + 2400·184) / 366 = 660000/366. Transfers: 1,000 by 2023-06; 3,000 by 2024-03 less 1,000 = 2,000.
   * Backlog C-1: 2024 delivered 1200·184/365 (July–December of a 365-day window); C-2 opens in 2024, all
   * delivered in 2025; C-3 has no window and is left out of the backlog (not of the contracts).
   */
  @Test
  void chain_smallStore_equalsTheTableWorkedByHand() {
    double usa2024 = 660000.0 / 366;
    double c1By2024 = 1200.0 * 184 / 365;
    List<List<Object>> expected = List.of(
        row(2023, "USA", "produced", "actual (step)", 1200.0, 1200.0,
            "step: 1200/year from 2023-01-01; 100% of the year covered", "d1:r2", "no"),
        row(2023, "USA", "transferred", "delivered, cumulative", 1000.0, 1000.0,
            "running total 1,000 by 2023-06-01 (the first one)", "d1:r5", "no"),
        row(2023, "buyers", "contracted", "award year", 1200.0, 1200.0,
            "1 contract, 1 with a quantity: C-1 (Ukraine): 1200", "d2:r2", "no"),
        row(2023, "Lockheed Martin", "backlog", BACKLOG, 1200.0, 1200.0, C1 + "0 delivered by 2023-12-31" + EVEN,
            "d2:r2", "no"),
        row(2024, "DEU", "produced", "actual (step)", 1200.0, 1200.0,
            "step: 100/month from 2024-01-01; 100% of the year covered", "d1:r4", "no"),
        row(2024, "USA", "produced", "actual (step)", usa2024, usa2024,
            "step: 1200/year from 2023-01-01; 2400/year from 2024-07-01; 100% of the year covered" + HELD_USA,
            "d1:r2 d1:r3", "yes"),
        row(2024, "USA", "transferred", "delivered, cumulative", 2000.0, 2000.0,
            "running total 3,000 by 2024-03-01 less 1,000 by 2023-06-01", "d1:r5 d1:r6", "no"),
        row(2024, "buyers", "contracted", "award year", 650.0, 650.0,
            "2 contracts, 2 with a quantity: C-2 (Germany): 600; C-3 (Germany): 50", "d2:r3 d2:r4", "no"),
        row(2024, "Lockheed Martin", "backlog", BACKLOG, 1200 - c1By2024, 1200 - c1By2024,
            C1 + "605 delivered by 2024-12-31" + EVEN, "d2:r2", "no"),
        row(2024, "Werk GmbH", "backlog", BACKLOG, 600.0, 600.0, C2 + "0 delivered by 2024-12-31" + EVEN, "d2:r3",
            "no"),
        row(2025, "DEU", "produced", "actual (step)", 1200.0, 1200.0, "step: 100/month from 2024-01-01; 100% of the"
            + " year covered; held past 2024-12-31, the end of the last observation (extrapolated)", "d1:r4", "yes"),
        row(2025, "USA", "produced", "actual (step)", 2400.0, 2400.0,
            "step: 2400/year from 2024-07-01; 100% of the year covered" + HELD_USA, "d1:r3", "yes"),
        row(2025, "Lockheed Martin", "backlog", BACKLOG, 0.0, 0.0, C1 + "1,200 delivered by 2025-12-31" + EVEN,
            "d2:r2", "no"),
        row(2025, "Werk GmbH", "backlog", BACKLOG, 0.0, 0.0, C2 + "600 delivered by 2025-12-31" + EVEN, "d2:r3",
            "no"));

    QueryResult table = chain().getFirst();

    assertThat(rounded(table.rows())).containsExactlyElementsOf(rounded(expected));
  }

  @Test
  void backlog_smallStore_perYearAndProducer_withTheContractsWindowsAndRows() {
    QueryResult backlog = chain().getLast();

    assertThat(backlog.title()).isEqualTo("Backlog of FGM-148 Javelin by producer, 2023–2025, in missiles");
    assertThat(backlog.columnIndex("backlog")).isPositive();
    double c1By2024 = 1200.0 * 184 / 365;
    assertThat(rounded(backlog.rows().stream().map(r -> r.subList(0, 7)).toList())).containsExactlyElementsOf(rounded(
        List.of(row(2023, "Lockheed Martin", 1200.0, 0.0, 0.0, 1200.0, "C-1"),
            row(2024, "Lockheed Martin", 1200.0, c1By2024, c1By2024, 1200 - c1By2024, "C-1"),
            row(2024, "Werk GmbH", 600.0, 0.0, 0.0, 600.0, "C-2"),
            row(2025, "Lockheed Martin", 1200.0, 1200 - c1By2024, 1200.0, 0.0, "C-1"),
            row(2025, "Werk GmbH", 600.0, 600.0, 600.0, 0.0, "C-2"))));
    assertThat(backlog.column("rows")).containsExactly("d2:r2", "d2:r2", "d2:r3", "d2:r2", "d2:r3");
    assertThat(backlog.notes()).anyMatch(n -> n.startsWith("ASSUMPTION: the data give each contract's delivery window"))
        .contains("left out of the backlog: contract C-3 (d2:r4): no delivery window in the data (neither"
            + " delivery_start and delivery_end on its rows nor delivery_windows.csv)");
    assertThat(backlog.sources()).isNotEmpty();
  }

  /** The production file's transferred rows are transfers as soon as the import commits: none left in production. */
  @Test
  void import_productionFileWithTransferredRows_storesThemAsTransfersWithTheirItemId() {
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM production")).isEqualTo(3);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers WHERE item_id = 'javelin'"
        + " AND supplier_iso3 = 'USA' AND recipient_iso3 = 'UKR' AND basis = 'cumulative' AND dataset_id = 1"
        + " AND source_url = 'https://example.org/t'")).isEqualTo(2);
  }
}
