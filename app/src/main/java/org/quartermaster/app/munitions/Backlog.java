package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backlog per year and producer: the quantity of the contracts open in the year (awarded by its end,
 * not yet all delivered at its start) less what was delivered against them by the year's end. The data give
 * a delivery window, not deliveries: the quantity is taken as delivered evenly over the window (ASSUMPTION,
 * said in every line). Each contract counts once, however many rows describe it; a contract without a
 * quantity, an award year or a delivery window has no backlog and is listed as left out, with why.
 */
final class Backlog {
  private Backlog() {}

  /**
   * One year of one producer.
   *
   * @param ordered         the quantity of the contracts open in the year
   * @param deliveredInYear delivered against them within the year
   * @param deliveredToDate delivered against them by the year's end
   * @param backlog         ordered less delivered to date, at the year's end
   * @param contracts       the contracts, each with its window
   */
  record Line(int year, String producer, double ordered, double deliveredInYear, double deliveredToDate,
      double backlog, String how, List<RowRef> rows, List<String> contracts) {
    Line {
      rows = List.copyOf(rows);
      contracts = List.copyOf(contracts);
    }

    ChainLine asChainLine() {
      return new ChainLine(year, producer, "backlog", "ordered less delivered (even over the window)", backlog,
          backlog, how, rows, false);
    }
  }

  /** A contract counted once: its first row with a quantity, every row, and its window. */
  private record Open(ContractFigure contract, List<RowRef> rows, DeliveryWindow window) {}

  static List<Line> perYear(List<ContractFigure> figures, DeliveryWindows windows, int fromYear, int toYear,
      List<String> leftOut) {
    Map<String, List<ContractFigure>> byContract = new LinkedHashMap<>();
    figures.forEach(f -> byContract.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
    Map<String, List<Open>> byProducer = new TreeMap<>();
    for (Map.Entry<String, List<ContractFigure>> e : byContract.entrySet()) {
      ContractFigure first = e.getValue().stream().filter(f -> f.quantity() != null).findFirst()
          .orElse(e.getValue().getFirst());
      var window = windows.of(e.getKey());
      String why = first.quantity() == null ? "no quantity stated" : first.awardYear() == null ? "no award year"
          : window.isEmpty() ? "no delivery window in the data (neither delivery_start and delivery_end on its rows"
              + " nor delivery_windows.csv)" : null;
      if (why != null) {
        leftOut.add("backlog: contract " + e.getKey() + " (" + RowRef.join(e.getValue().stream().map(ContractFigure::row)
            .toList()) + "): " + why);
        continue;
      }
      String producer = first.supplier() == null ? "supplier not stated" : first.supplier();
      byProducer.computeIfAbsent(producer, k -> new ArrayList<>()).add(new Open(first,
          e.getValue().stream().map(ContractFigure::row).toList(), window.get()));
    }
    List<Line> lines = new ArrayList<>();
    for (int year = fromYear; year <= toYear; year++) {
      LocalDate start = LocalDate.of(year, 1, 1);
      LocalDate end = ChainReport.endOf(year);
      for (Map.Entry<String, List<Open>> producer : byProducer.entrySet()) {
        double ordered = 0;
        double inYear = 0;
        double toDate = 0;
        List<RowRef> rows = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Open o : producer.getValue()) {
          double q = o.contract().quantity();
          double before = q * o.window().deliveredShareBy(start);
          if (o.contract().awardYear() > year || before >= q) {
            continue; // not yet awarded, or all delivered before the year
          }
          double by = q * o.window().deliveredShareBy(end);
          ordered += q;
          inYear += by - before;
          toDate += by;
          rows.addAll(o.rows());
          ids.add(o.contract().key());
          parts.add(o.contract().key() + ": " + TransferSeries.number(q) + " ordered " + o.contract().awardDate()
              + ", delivery " + o.window().span() + " ('" + o.window().asWritten() + "', " + o.window().where() + "), " + TransferSeries.number(Math.round(by)) + " delivered by " + end.minusDays(1));
        }
        if (!ids.isEmpty()) {
          lines.add(new Line(year, producer.getKey(), ordered, inYear, toDate, ordered - toDate,
              String.join("; ", parts) + "; ASSUMPTION: delivered evenly over the window", rows, ids));
        }
      }
    }
    return lines;
  }
}
