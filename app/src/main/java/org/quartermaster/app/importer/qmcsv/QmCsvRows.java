package org.quartermaster.app.importer.qmcsv;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.app.data.AidBasis;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.ContractRow;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.PriceBase;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.ImportRequest;

/** One qm-csv record → one row of its table; every problem goes to the record's {@link RowCells}. */
final class QmCsvRows {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern RANGE = Pattern.compile("\\+?([0-9][0-9,.]*)\\s*-\\s*([0-9][0-9,.]*)");
  private static final Pattern QUANTITY = Pattern.compile("(up to|~|about|approx\\.?|approximately)?\\s*([0-9][0-9,]*)");

  private QmCsvRows() {}

  /**
   * The row's citation columns. An aid file names its release in {@code release}, the other layouts in
   * {@code vintage}: both are the release the figure belongs to.
   */
  static Provenance provenance(RowCells cells, String asOf, ImportRequest request) {
    String vintage = cells.text("vintage", false);
    if (vintage == null) {
      vintage = cells.text("release", false);
    }
    String month = request.vintage() != null ? request.vintage() : monthOf(asOf);
    String url = cells.text("source_url", false);
    String gradeText = cells.text("source_grade", false);
    SourceGrade grade = SourceGrade.byName(gradeText).orElse(null);
    if (gradeText != null && grade == null) {
      cells.problem("source_grade", gradeText, "must be one of " + SourceGrade.names());
    }
    return new Provenance(url != null ? url : request.sourceUrl(), asOf, vintage, month,
        cells.text("publisher", false), cells.text("source_title", false), grade, cells.text("via_url", false));
  }

  private static String monthOf(String date) {
    return date != null && MONTH.matcher(date).lookingAt() ? date.substring(0, 7) : null;
  }

  static SpendingRow spending(RowCells cells, Countries countries, ImportRequest request) {
    String name = cells.text("country", true);
    String iso3 = cells.text("iso3", true);
    Optional<Country> country = iso3 == null ? Optional.empty() : countries.byIso3(iso3);
    if (iso3 != null && country.isEmpty()) {
      cells.problem("iso3", iso3, "unknown ISO 3166 alpha-3 code"
          + (name == null ? "" : "; '" + name + "' is " + countries.find(name).map(Country::iso3).orElse("unknown too")));
    }
    Integer year = cells.year("year");
    Double pct = cells.number("pct_gdp", false);
    Double amount = cells.number("amount", false);
    String estimateText = cells.text("estimate", false);
    Estimate estimate = Estimate.parse(estimateText);
    if (estimate == null) {
      cells.problem("estimate", estimateText, "must be true, false or unknown");
    }
    String asOf = cells.text("as_of", false);
    Provenance provenance = provenance(cells, asOf, request);
    String source = cells.text("source", false);
    if (source == null) {
      source = sourceFromText(provenance.vintage(), provenance.sourceUrl());
      if (source == null) {
        cells.problem("source", null, "cannot tell the series: add a source column (nato, sipri, …)");
      }
    }
    String priceBaseText = cells.text("price_base", false);
    String priceBase = PriceBase.of(priceBaseText);
    if (priceBaseText != null && priceBase == null) {
      cells.problem("price_base", priceBaseText, "must be current or constant YYYY (e.g. constant 2023)");
    }
    if (!cells.ok()) {
      return null;
    }
    String unit = cells.text("unit", false);
    return new SpendingRow(cells.line(), country.get().iso3(), name, year, pct, amount,
        cells.text("currency", false), estimate, source.toLowerCase(Locale.ROOT), provenance, cells.text("note", false),
        unit == null ? null : unit.toLowerCase(Locale.ROOT), priceBase);
  }

  private static String sourceFromText(String vintage, String url) {
    String text = ((vintage == null ? "" : vintage) + " " + (url == null ? "" : url)).toLowerCase(Locale.ROOT);
    if (text.contains("nato")) {
      return "nato";
    }
    return text.contains("sipri") ? "sipri" : null;
  }

  static AidRow aid(RowCells cells, Countries countries, ImportRequest request) {
    String donor = cells.text("donor", true);
    String category = cells.text("category", true);
    String measure = cells.text("measure", true);
    Double amount = cells.number("amount", true);
    String currency = cells.text("currency", true);
    String unit = cells.text("unit", true);
    String asOf = cells.text("as_of", false);
    Provenance provenance = provenance(cells, asOf, request);
    if (!cells.ok()) {
      return null;
    }
    String basisText = cells.text("basis", false);
    AidBasis basis = AidBasis.byName(basisText).orElse(null);
    if (basisText != null && basis == null) {
      cells.problem("basis", basisText, "must be cumulative (a running total) or period (new aid within a window)");
      return null;
    }
    String date = cells.text("date", false);
    String dataThrough = cells.text("data_through", false);
    AidRow.amountProblem(amount, basis).ifPresent(m -> cells.problem("amount", cells.text("amount", true), m));
    AidRow.dateProblem(date, provenance.vintageMonth(), dataThrough).ifPresent(m -> cells.problem("date", date, m));
    AidRow.dateProblem(dataThrough, provenance.vintageMonth(), null)
        .ifPresent(m -> cells.problem("data_through", dataThrough, m));
    if (!cells.ok()) {
      return null;
    }
    String recipient = cells.text("recipient", false);
    String donorIso3 = countries.find(donor).map(Country::iso3).orElse(null); // groups and institutions: none
    return new AidRow(cells.line(), donor, donorIso3, recipient == null ? "Ukraine" : recipient,
        date, category, measure, amount, currency, unit, cells.text("item", false),
        cells.number("quantity", false), dataThrough, provenance, cells.text("note", false),
        basis);
  }

  static ProductionRow production(RowCells cells, ImportRequest request) {
    String item = cells.text("item", true);
    String producer = cells.text("producer", true);
    String country = cells.text("country", true);
    String value = cells.text("value", true);
    String kind = cells.text("kind", true);
    String date = cells.text("date", false);
    Double low = null;
    Double high = null;
    if (value != null) {
      Matcher range = RANGE.matcher(value);
      try {
        if (range.matches()) {
          low = Double.parseDouble(range.group(1).replace(",", ""));
          high = Double.parseDouble(range.group(2).replace(",", ""));
        } else {
          low = Double.parseDouble(value.replace(",", ""));
          high = low;
        }
      } catch (NumberFormatException e) {
        cells.problem("value", value, "must be a number or a range such as 12000-20000");
      }
    }
    Provenance provenance = provenance(cells, date, request);
    if (!cells.ok()) {
      return null;
    }
    return new ProductionRow(cells.line(), item, producer, country, date, low, high, value,
        cells.text("period", true), cells.text("unit", false), kind, cells.text("target_date", false), provenance,
        cells.text("note", false));
  }

  static ContractRow contract(RowCells cells, ImportRequest request) {
    String buyers = cells.text("buyer", true);
    String item = cells.text("item", true);
    String quantityText = cells.text("quantity", false);
    Double value = cells.number("value", false);
    String date = cells.text("date", false);
    Double quantity = null;
    String qualifier = null;
    if (quantityText != null) {
      Matcher m = QUANTITY.matcher(quantityText.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        quantity = Double.parseDouble(m.group(2).replace(",", ""));
        qualifier = m.group(1) == null ? "exact" : m.group(1).equals("up to") ? "up to" : "about";
      }
    }
    Provenance provenance = provenance(cells, date, request);
    String deliveryStart = cells.text("delivery_start", false);
    String deliveryEnd = cells.text("delivery_end", false);
    ContractRow.deliveryWindowProblems(date, deliveryStart, deliveryEnd)
        .forEach(p -> cells.problem(p.column(), p.value(), p.message()));
    if (!cells.ok()) {
      return null;
    }
    return new ContractRow(cells.line(), buyers, cells.text("agency", false), item, quantity, qualifier, quantityText,
        value, cells.text("currency", false), date, cells.text("supplier", false), provenance,
        cells.text("note", false), cells.text("contract_id", false), deliveryStart, deliveryEnd);
  }
}
