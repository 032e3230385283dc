package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery windows the data state for contracts ({@code delivery_windows.csv}, shipped beside the
 * catalogue): per contract id, the window read from the words of the contract's note, and how it was read.
 * A contract without a window has no backlog, only its order. Immutable and thread-safe.
 */
final class DeliveryWindows {
  private static final DeliveryWindows BUNDLED = read();
  private final Map<String, DeliveryWindow> byContract;

  private DeliveryWindows(Map<String, DeliveryWindow> byContract) {
    this.byContract = byContract;
  }

  /** The windows shipped with Quartermaster. */
  static DeliveryWindows bundled() {
    return BUNDLED;
  }

  /** These windows; a contract id given twice is refused. */
  static DeliveryWindows of(List<DeliveryWindow> windows) {
    Map<String, DeliveryWindow> byContract = new LinkedHashMap<>();
    for (DeliveryWindow w : windows) {
      if (byContract.putIfAbsent(w.contractId(), w) != null) {
        throw new CatalogueException(List.of(w.where() + ": contract '"
            + w.contractId() + "' has a window already; keep one row per contract"));
      }
    }
    return new DeliveryWindows(byContract);
  }

  /**
   * These windows with those the contract rows state ahead of them: a contract whose rows state a window has
   * that window, whatever {@code delivery_windows.csv} says (when several of its rows state one, the last
   * imported).
   */
  DeliveryWindows withStated(List<DeliveryWindow> stated) {
    if (stated.isEmpty()) {
      return this;
    }
    Map<String, DeliveryWindow> merged = new LinkedHashMap<>(byContract);
    stated.forEach(w -> merged.put(w.contractId(), w));
    return new DeliveryWindows(merged);
  }

  Optional<DeliveryWindow> of(String contractId) {
    return Optional.ofNullable(contractId == null ? null : byContract.get(contractId));
  }

  List<DeliveryWindow> all() {
    return List.copyOf(byContract.values());
  }

  private static DeliveryWindows read() {
    List<DeliveryWindow> windows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (CatalogueFiles.CsvLine l : CatalogueFiles.read("delivery_windows.csv")) {
      Optional<Span> from = Span.of(l.cell("delivery_from"));
      Optional<Span> to = Span.of(l.cell("delivery_to"));
      if (l.cell("contract_id") == null || from.isEmpty() || to.isEmpty()
          || !to.get().end().isAfter(from.get().start())) {
        problems.add("delivery_windows.csv row " + l.row() + ": contract_id '" + l.cell("contract_id")
            + "', delivery_from '" + l.cell("delivery_from") + "', delivery_to '" + l.cell("delivery_to")
            + "': give the contract id and two dates YYYY, YYYY-MM or YYYY-MM-DD, the second not before the first");
        continue;
      }
      LocalDate start = from.get().start();
      windows.add(new DeliveryWindow(l.cell("contract_id"), new Span(start, to.get().end()), l.cell("as_written"),
          l.cell("reading"), l.row()));
    }
    if (!problems.isEmpty()) {
      throw new CatalogueException(problems);
    }
    return of(windows);
  }
}
