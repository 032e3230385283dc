package org.quartermaster.app.munitions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.quartermaster.app.query.Source;
import org.quartermaster.app.store.Store;

/**
 * The stored figures of one munition as a scenario is built from them ({@code qm scenario build}): the
 * chain's own reading of the store ({@link ChainInputs}: rates as dated observations, transfer figures,
 * contracts, the rows left out and why), with each figure's row and source, and the recipient of each
 * transfer. Read-only views; the figures of a hand-worked case can be given directly.
 *
 * @param leftOut the rows of the munition that are not a dated rate or window, each with why
 */
public record ScenarioFigures(Munition munition, List<Rate> rates, List<Delivery> transfers, List<Order> contracts,
    List<Part> parts, List<String> leftOut) {
  public ScenarioFigures {
    Objects.requireNonNull(munition, "munition");
    rates = List.copyOf(rates);
    parts = List.copyOf(parts);
    transfers = List.copyOf(transfers);
    contracts = List.copyOf(contracts);
    leftOut = List.copyOf(leftOut);
  }

  /**
   * A dated production figure, per year.
   *
   * @param from        the first day its date covers ({@code 2023-08} → 2023-08-01)
   * @param until       the day after the last day its date covers
   * @param kind        actual, estimate, capacity or target
   * @param asWritten   the figure as written ({@code 24000/month})
   * @param targetDate  when a target is to be met, as written ({@code 2025-10}, {@code early 2026}), or null
   * @param row         the stored row, {@code d<dataset>:r<row>}
   */
  public record Rate(String country, LocalDate from, LocalDate until, double lowPerYear, double highPerYear,
      String kind, String asWritten, String targetDate, String row, Source source) {
    /** Whether the chain reads this figure at {@code basis} (actual reads actual and estimate rows). */
    public boolean readAt(RateBasis basis) {
      return basis.reads(kind);
    }
  }

  /**
   * A transfer figure.
   *
   * @param supplier  the supplying country's ISO code (or the supplier as written when it has none)
   * @param recipient the receiving country's ISO code, or null
   * @param status    pledged or delivered
   * @param basis     cumulative (a running total up to its date) or period (new within [from, until))
   */
  public record Delivery(String supplier, String recipient, String status, String basis, LocalDate from,
      LocalDate until, double low, double high, String row, Source source) {
    public boolean cumulative() {
      return "cumulative".equals(basis);
    }
  }

  /**
   * A contract row.
   *
   * @param contractId the id the rows of one contract share, or null
   * @param buyers     the buyers as written ({@code Germany; Italy; Netherlands})
   * @param awardYear  the award year, or null
   * @param quantity   the quantity ordered, or null when not stated
   */
  public record Order(String contractId, String buyers, Integer awardYear, Double quantity, String row,
      Source source) {}

  /**
   * A component a complete round needs ({@code components.csv}), with its own rate figures.
   *
   * @param perRound how many of it one round needs
   */
  public record Part(Munition component, double perRound, List<Rate> rates) {
    public Part {
      rates = List.copyOf(rates);
    }
  }

  /** The munition's figures in the store, read as the chain reads them, with its components' rates. */
  public static ScenarioFigures read(Store store, Catalogue catalogue, Munition munition) {
    ChainInputs inputs = ChainInputs.read(store, catalogue, munition);
    Map<RowRef, String> recipients = recipients(store);
    Map<RowRef, Source> sources = inputs.sources();
    List<Rate> rates = rates(inputs);
    List<Part> parts = catalogue.components(munition.id()).stream().map(c -> catalogue.findMunition(c.componentId())
        .map(m -> new Part(m, c.perRound(), rates(ChainInputs.read(store, catalogue, m))))).flatMap(Optional::stream)
        .toList();
    List<Delivery> transfers = inputs.transfers().stream().map(t -> new Delivery(t.supplier(),
        recipients.get(t.row()), t.status(), t.basis(), t.span().start(), t.span().end(), t.low(), t.high(),
        t.row().toString(), sources.get(t.row()))).toList();
    List<Order> contracts = inputs.contracts().stream().map(c -> new Order(c.contractId(), c.buyers(),
        c.awardYear(), c.quantity(), c.row().toString(), sources.get(c.row()))).toList();
    return new ScenarioFigures(munition, rates, transfers, contracts, parts, inputs.leftOut());
  }

  private static List<Rate> rates(ChainInputs inputs) {
    return inputs.observations().stream().map(o -> new Rate(o.country(), o.span().start(), o.span().end(),
        o.lowPerYear(), o.highPerYear(), o.kind(), o.asWritten(), o.targetDate(), o.row().toString(),
        inputs.sources().get(o.row()))).toList();
  }

  private static Map<RowRef, String> recipients(Store store) {
    return store.read(c -> {
      Map<RowRef, String> byRow = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT dataset_id, file_row, recipient_iso3 FROM transfers");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          byRow.put(new RowRef(r.getInt(1), r.getInt(2)), r.getString(3));
        }
      }
      return byRow;
    });
  }
}
