package org.quartermaster.app.munitions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.query.Source;
import org.quartermaster.app.store.Store;

/**
 * The stored rows of one munition (every name the catalogue resolves to it), as the chain reads them:
 * production observations, transfer figures and contracts, the rows left out and why, and each row's
 * source, and the delivery windows stated for its contracts. A row whose figure cannot be read as a dated
 * rate or window is left out, never guessed.
 */
record ChainInputs(Munition munition, List<RateObservation> observations, List<TransferFigure> transfers,
    List<ContractFigure> contracts, List<String> leftOut, Map<RowRef, Source> sources,
    DeliveryWindows deliveryWindows) {

  /** Inputs with the bundled delivery windows. */
  ChainInputs(Munition munition, List<RateObservation> observations, List<TransferFigure> transfers,
      List<ContractFigure> contracts, List<String> leftOut, Map<RowRef, Source> sources) {
    this(munition, observations, transfers, contracts, leftOut, sources, DeliveryWindows.bundled());
  }

  static ChainInputs read(Store store, Catalogue catalogue, Munition munition) {
    return read(store, catalogue, munition, DeliveryWindows.bundled());
  }

  /** The munition's rows, with these delivery windows for its contracts. */
  static ChainInputs read(Store store, Catalogue catalogue, Munition munition, DeliveryWindows windows) {
    return store.read(c -> {
      List<String> leftOut = new ArrayList<>();
      Map<RowRef, Source> sources = new HashMap<>();
      List<DeliveryWindow> stated = new ArrayList<>();
      return new ChainInputs(munition, observations(c, catalogue, munition, leftOut, sources),
          transfers(c, catalogue, munition, leftOut, sources), contracts(c, catalogue, munition, sources, stated),
          leftOut, sources, windows.withStated(stated));
    });
  }

  private static final String CITATION = ", source_url, publisher, source_title, as_of, source_grade, via_url";

  private static boolean named(Catalogue catalogue, Munition munition, String item) {
    return catalogue.munitionOf(item).map(m -> m.id().equals(munition.id())).orElse(false);
  }

  private static List<RateObservation> observations(Connection c, Catalogue catalogue, Munition munition,
      List<String> leftOut, Map<RowRef, Source> sources) throws SQLException {
    List<RateObservation> observations = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT dataset_id, file_row, item, country,"
        + " date, value_low, value_high, value_text, period, kind, target_date" + CITATION
        + " FROM production ORDER BY dataset_id, file_row")) {
      while (r.next()) {
        if (!named(catalogue, munition, r.getString("item"))) {
          continue;
        }
        RowRef row = new RowRef(r.getInt("dataset_id"), r.getInt("file_row"));
        String period = r.getString("period");
        String date = r.getString("date");
        Optional<Double> perYear = RateObservation.perYear(period);
        Optional<Span> span = Span.of(date);
        double low = r.getDouble("value_low");
        boolean noValue = r.wasNull();
        if (perYear.isEmpty() || span.isEmpty() || noValue) {
          leftOut.add(row + " (" + r.getString("item") + ", " + r.getString("value_text") + " per " + period + ", "
              + date + "): " + (perYear.isEmpty() ? "not a rate per day, month or year"
                  : span.isEmpty() ? "date not YYYY, YYYY-MM or YYYY-MM-DD" : "no value"));
          continue;
        }
        sources.put(row, source(r));
        double high = r.getDouble("value_high");
        observations.add(new RateObservation(r.getString("country"), span.get(), low * perYear.get(),
            (r.wasNull() ? low : high) * perYear.get(), r.getString("kind"), r.getString("value_text") + "/" + period,
            r.getString("target_date"), row));
      }
    }
    return observations;
  }

  private static List<TransferFigure> transfers(Connection c, Catalogue catalogue, Munition munition,
      List<String> leftOut, Map<RowRef, Source> sources) throws SQLException {
    List<TransferFigure> figures = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT dataset_id, file_row, item, item_id,"
        + " supplier, supplier_country, supplier_iso3, quantity_low, quantity_high, date, period_start, period_end,"
        + " period, basis, status" + CITATION + " FROM transfers ORDER BY dataset_id, file_row")) {
      while (r.next()) {
        String id = r.getString("item_id");
        if (id != null ? !id.equals(munition.id()) : !named(catalogue, munition, r.getString("item"))) {
          continue;
        }
        RowRef row = new RowRef(r.getInt("dataset_id"), r.getInt("file_row"));
        boolean cumulative = "cumulative".equals(r.getString("basis"));
        Optional<Span> span = cumulative ? Span.of(r.getString("date")) : window(r.getString("period_start"),
            r.getString("period_end"));
        double low = r.getDouble("quantity_low");
        if (span.isEmpty() || r.wasNull()) {
          leftOut.add(row + " (transfer, " + r.getString("period") + ", " + r.getString("date") + "): "
              + (span.isEmpty() ? "window not stated as months or years" : "no quantity"));
          continue;
        }
        double high = r.getDouble("quantity_high");
        String supplier = r.getString("supplier_iso3") != null ? r.getString("supplier_iso3")
            : r.getString("supplier_country");
        sources.put(row, source(r));
        figures.add(new TransferFigure(supplier, r.getString("status"), r.getString("basis"), span.get(), low,
            r.wasNull() ? low : high, r.getString("publisher"), row));
      }
    }
    return figures;
  }

  private static Optional<Span> window(String start, String end) {
    Optional<Span> first = Span.of(start);
    Optional<Span> last = Span.of(end);
    return first.isEmpty() || last.isEmpty() || !last.get().end().isAfter(first.get().start()) ? Optional.empty()
        : Optional.of(new Span(first.get().start(), last.get().end()));
  }

  /** The munition's contract rows; the windows rows state go to {@code stated}, in row order. */
  private static List<ContractFigure> contracts(Connection c, Catalogue catalogue, Munition munition,
      Map<RowRef, Source> sources, List<DeliveryWindow> stated) throws SQLException {
    List<ContractFigure> figures = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT dataset_id, file_row, item,"
        + " contract_id, buyers, supplier, quantity, quantity_text, date, delivery_start, delivery_end" + CITATION
        + " FROM contracts"
        + " ORDER BY dataset_id, file_row")) {
      while (r.next()) {
        if (!named(catalogue, munition, r.getString("item"))) {
          continue;
        }
        RowRef row = new RowRef(r.getInt("dataset_id"), r.getInt("file_row"));
        double quantity = r.getDouble("quantity");
        Double q = r.wasNull() ? null : quantity;
        Integer year = Span.of(r.getString("date") == null ? null : r.getString("date").split("[^0-9-]")[0])
            .map(sp -> sp.start().getYear()).orElse(null);
        sources.put(row, source(r));
        ContractFigure figure = new ContractFigure(r.getString("contract_id"), r.getString("buyers"), year, q,
            r.getString("quantity_text"), row, r.getString("supplier"), r.getString("date"));
        figures.add(figure);
        DeliveryWindow.stated(figure.key(), r.getString("delivery_start"), r.getString("delivery_end"), row)
            .ifPresent(stated::add);
      }
    }
    return figures;
  }

  private static Source source(ResultSet r) throws SQLException {
    return new Source(r.getString("source_url"), r.getString("publisher"), r.getString("source_title"),
        r.getString("as_of"), SourceGrade.byName(r.getString("source_grade")).orElse(null), r.getString("via_url"));
  }
}
