package org.quartermaster.app.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.quartermaster.app.query.AidNormalise.Per;

/**
 * Applies an {@link AidNormalise} to aid figures with the bundled reference series: converts the
 * currency at the annual average rate of the figure's price year, deflates with the price index of the
 * target currency, divides by the donor's GDP or population of the reference year. A missing exchange
 * rate or price index is refused (naming the year); a missing GDP or population leaves that figure
 * without a value, and the notes say which donors and why.
 */
final class AidNormaliser {
  /** The multipliers an aid unit names (its first word); the rest of the unit ("per year") is kept. */
  private static final Map<String, Double> MULTIPLIERS =
      Map.of("unit", 1.0, "thousand", 1e3, "million", 1e6, "billion", 1e9);

  /** Where a share of GDP comes from: the source's own (Kiel's table), or divided here. */
  static final String KIEL = "kiel";
  static final String COMPUTED = "computed";

  /**
   * A figure as the source gives it, with the source's own share of the donor's GDP ({@code sourceShare},
   * %, of the GDP of {@code sourceShareYear}) when the imported file carries one, else nulls.
   */
  record Figure(String donor, String iso3, double amount, String currency, String unit, String date,
      String dataThrough, Double sourceShare, Integer sourceShareYear) {
    Figure(String donor, String iso3, double amount, String currency, String unit, String date, String dataThrough) {
      this(donor, iso3, amount, currency, unit, date, dataThrough, null, null);
    }
  }

  /**
   * A figure normalised: its value in {@code valueUnit}, or null when a GDP or population is missing,
   * and every factor used (null where not used); for a share of GDP, {@code shareBasis} says whose it is:
   * {@link #KIEL} (the source's own share, read back) or {@link #COMPUTED} (divided here); null otherwise.
   */
  record Normalised(Double value, String valueUnit, Integer priceYear, Double rate, String rateUnit,
      Double priceFactor, Double denominator, String denominatorUnit, List<ReferenceSeries.Value> used,
      String shareBasis) {

    Normalised(Double value, String valueUnit, Integer priceYear, Double rate, String rateUnit, Double priceFactor,
        Double denominator, String denominatorUnit, List<ReferenceSeries.Value> used) {
      this(value, valueUnit, priceYear, rate, rateUnit, priceFactor, denominator, denominatorUnit, used,
          null);
    }

    /** "EUR→USD at 1.1306 USD per EUR (2025); ×1.0293 CPI-U 2024/2023; ÷ GDP 2021 …": for CSV and sums. */
    String conversion() {
      List<String> steps = new ArrayList<>();
      if (rate != null) {
        steps.add("× " + rate + " " + rateUnit + " (" + priceYear + " average)");
      }
      if (priceFactor != null) {
        steps.add("× " + priceFactor + " (US CPI-U of the base year ÷ that of " + priceYear + ")");
      }
      if (denominator != null) {
        steps.add("÷ " + denominator + " " + denominatorUnit);
      }
      if (KIEL.equals(shareBasis)) {
        steps.add("Kiel's own share as imported (aid ÷ " + denominatorUnit + ")");
      }
      return String.join("; ", steps);
    }
  }

  private final AidNormalise options;
  private final ReferenceSeries series;
  private final TreeSet<String> withoutDenominator = new TreeSet<>();
  private final TreeSet<String> kielShares = new TreeSet<>();
  private final TreeSet<String> computedShares = new TreeSet<>();
  private final TreeSet<String> kielSharesOfOtherYears = new TreeSet<>();
  private final LinkedHashSet<ReferenceSeries.Value> used = new LinkedHashSet<>();

  AidNormaliser(AidNormalise options, ReferenceSeries series) {
    this.options = options;
    this.series = series;
  }

  /** Whether figures become shares of GDP, each with its {@code shareBasis}. */
  boolean sharesOfGdp() {
    return options.per() == Per.GDP;
  }

  /** @throws QueryException when an exchange rate or price index the figure needs is missing */
  Normalised apply(Figure f) {
    String[] unit = splitUnit(f);
    if (options.per() == Per.GDP && f.sourceShare() != null) {
      if (f.sourceShareYear() != null && f.sourceShareYear() == options.gdpYear()) {
        // the publisher's own share: no currency or GDP of ours enters it
        kielShares.add(f.donor());
        return new Normalised(f.sourceShare(), "% of donor GDP " + options.gdpYear() + unit[1], null, null, null,
            null, null, "Kiel's GDP " + options.gdpYear(), List.of(), KIEL);
      }
      kielSharesOfOtherYears.add(f.donor() + " (Kiel's share is of GDP " + f.sourceShareYear() + ")");
    }
    double absolute = f.amount() * MULTIPLIERS.get(unit[0]);
    String target = options.currency() == null ? f.currency().toUpperCase(Locale.ROOT) : options.currency();
    List<ReferenceSeries.Value> steps = new ArrayList<>();
    Integer priceYear = null;
    Double rate = null;
    if (!target.equalsIgnoreCase(f.currency()) || options.constantYear() != null) {
      priceYear = priceYear(f);
    }
    if (!target.equalsIgnoreCase(f.currency())) {
      rate = rate(f.currency().toUpperCase(Locale.ROOT), target, priceYear, f.donor() + " (" + f.amount() + " "
          + f.currency() + ")", steps);
    }
    double converted = absolute * (rate == null ? 1 : rate);
    Double priceFactor = null;
    if (options.constantYear() != null) {
      priceFactor = priceFactor(target, priceYear, options.constantYear(), f.donor(), steps);
      converted *= priceFactor;
    }
    String prices = options.constantYear() == null ? "" : ", constant " + options.constantYear() + " prices";
    Normalised normalised;
    if (options.per() == null) {
      String valueUnit = target + " " + unit[0] + unit[1] + prices;
      normalised = new Normalised(converted / MULTIPLIERS.get(unit[0]), valueUnit, priceYear, rate,
          rateUnit(f.currency(), target), priceFactor, null, null, steps);
    } else {
      normalised = divide(f, converted, target, unit[1], prices, priceYear, rate, priceFactor, steps);
    }
    used.addAll(steps);
    return normalised;
  }

  private Normalised divide(Figure f, double converted, String target, String perPeriod, String prices,
      Integer priceYear, Double rate, Double priceFactor, List<ReferenceSeries.Value> steps) {
    int year = options.gdpYear();
    String rateUnit = rateUnit(f.currency(), target);
    String seriesName = options.per() == Per.GDP ? ReferenceSeries.GDP : ReferenceSeries.POPULATION;
    var found = f.iso3() == null ? java.util.Optional.<ReferenceSeries.Value>empty()
        : series.find(seriesName, f.iso3(), year);
    if (found.isEmpty()) {
      withoutDenominator.add(f.donor() + (f.iso3() == null ? " (not a country)" : " (" + seriesName + " "
          + year + " not in the bundled series, which has " + series.years(seriesName, f.iso3()) + ")"));
      return new Normalised(null, null, priceYear, rate, rateUnit, priceFactor, null, null, steps);
    }
    steps.add(found.get());
    if (options.per() == Per.CAPITA) {
      double population = found.get().value();
      return new Normalised(converted / population, target + " per person" + perPeriod + prices, priceYear, rate,
          rateUnit, priceFactor, population, "persons (" + year + ")", steps);
    }
    double gdp = found.get().value();
    if (!target.equals("USD")) {
      gdp *= rate("USD", target, year, "GDP of " + f.donor(), steps);
    }
    computedShares.add(f.donor());
    return new Normalised(converted / gdp * 100, "% of donor GDP " + year + perPeriod, priceYear, rate, rateUnit,
        priceFactor, gdp, target + " GDP " + year + " (current prices)", steps, COMPUTED);
  }

  private static String[] splitUnit(Figure f) {
    String unit = f.unit() == null ? "" : f.unit().trim().toLowerCase(Locale.ROOT);
    int space = unit.indexOf(' ');
    String head = space < 0 ? unit : unit.substring(0, space);
    if (!MULTIPLIERS.containsKey(head)) {
      throw new QueryException("aid of " + f.donor() + ": unit '" + f.unit() + "' names no multiplier (unit,"
          + " thousand, million or billion), so it cannot be converted or divided");
    }
    return new String[] {head, space < 0 ? "" : unit.substring(space)};
  }

  private int priceYear(Figure f) {
    if (options.priceYear() != null) {
      return options.priceYear();
    }
    for (String date : new String[] {f.date(), f.dataThrough()}) {
      if (date != null && date.matches("\\d{4}.*")) {
        return Integer.parseInt(date.substring(0, 4));
      }
    }
    throw new QueryException("aid of " + f.donor() + " (" + f.amount() + " " + f.currency() + "): the figure has no"
        + " date or data-through date, so the year of its exchange rate and prices is unknown; give price_year"
        + " (--price-year)");
  }

  /** The factor from one currency to another at the year's average rate. */
  private double rate(String from, String to, int year, String what, List<ReferenceSeries.Value> steps) {
    if (!AidNormalise.CURRENCIES.contains(from)) {
      throw new QueryException(what + ": no exchange rate for " + from + " is bundled (USD and EUR only)");
    }
    ReferenceSeries.Value eurPerUsd = series.find(ReferenceSeries.EUR_PER_USD, "", year).orElseThrow(
        () -> new QueryException(what + ": no EUR/USD annual average rate for " + year + " in the bundled table"
            + " (it has " + series.years(ReferenceSeries.EUR_PER_USD, "") + "); give the year whose rate and"
            + " prices to use with price_year (--price-year)"));
    steps.add(eurPerUsd);
    return from.equals("USD") ? eurPerUsd.value() : 1 / eurPerUsd.value();
  }

  private static String rateUnit(String from, String to) {
    return from.equalsIgnoreCase(to) ? null : to + " per " + from.toUpperCase(Locale.ROOT);
  }

  private double priceFactor(String currency, int year, int base, String donor, List<ReferenceSeries.Value> steps) {
    if (!currency.equals("USD")) {
      throw new QueryException("prices constant-" + base + " in " + currency + ": no " + currency + " price index is"
          + " bundled (only the US CPI-U, for USD); add currency USD");
    }
    ReferenceSeries.Value at = index(year, donor);
    ReferenceSeries.Value to = index(base, donor);
    steps.add(at);
    steps.add(to);
    return to.value() / at.value();
  }

  private ReferenceSeries.Value index(int year, String donor) {
    return series.find(ReferenceSeries.PRICE_INDEX, "USA", year).orElseThrow(() -> new QueryException(
        "aid of " + donor + ": no US CPI-U annual average for " + year + " in the bundled table (it has "
            + series.years(ReferenceSeries.PRICE_INDEX, "USA") + "); choose another constant-YYYY or price_year"
            + " (--price-year)"));
  }

  /** The notes a reader needs: method, assumptions, and the donors left without a value. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (options.currency() != null) {
      notes.add("Converted to " + options.currency() + " at the Federal Reserve's annual average EUR/USD rate of"
          + " each figure's price year: " + (options.priceYear() != null ? options.priceYear() + " for every figure"
          : "the year of its date, else of its data-through date") + ". ASSUMPTION: a running total is converted"
          + " whole at that one year's rate, although it adds aid of several years.");
    }
    if (options.constantYear() != null) {
      notes.add("In constant " + options.constantYear() + " prices: × US CPI-U annual average of "
          + options.constantYear() + " ÷ that of the figure's price year (BLS, CUUR0000SA0). ASSUMPTION: a running"
          + " total is deflated whole as if spent in that year.");
    }
    if (options.per() == Per.GDP) {
      if (!kielShares.isEmpty()) {
        notes.add("share_basis kiel: Kiel's own share of the donor's GDP " + options.gdpYear() + ", read back as the"
            + " imported Kiel table gives it (Kiel's total divided by the GDP " + options.gdpYear() + " of Kiel's"
            + " country summary), for "
            + String.join(", ", kielShares) + ".");
      }
      if (!computedShares.isEmpty() || kielShares.isEmpty()) {
        notes.add("share_basis computed: aid ÷ World Bank GDP in current US$ (NY.GDP.MKTP.CD) of "
            + options.gdpYear() + (options.referenceYear() == null ? " (ASSUMPTION: Kiel's own reference year,"
            + " 2021, by default; choose another with reference_year / --reference-year)" : "")
            + ", converted at that year's average rate where the aid is not in USD"
            + (kielShares.isEmpty() ? ". Computed here: the imported files carry no share of GDP of Kiel's"
            + (kielSharesOfOtherYears.isEmpty() ? "" : " for GDP " + options.gdpYear()) : ", for "
            + String.join(", ", computedShares)) + ".");
      }
      if (!kielShares.isEmpty() && !computedShares.isEmpty()) {
        notes.add("Mixed bases: " + kielShares.size() + " donor" + (kielShares.size() == 1 ? "" : "s")
            + " with Kiel's own share, " + computedShares.size() + " computed; Kiel's GDP and the World Bank's"
            + " differ, so compare rows of one share_basis (shares are never added across bases).");
      }
      if (!kielSharesOfOtherYears.isEmpty()) {
        notes.add("Computed rather than Kiel's own for " + String.join(", ", kielSharesOfOtherYears)
            + ": reference year " + options.gdpYear() + " asked.");
      }
    } else if (options.per() == Per.CAPITA) {
      notes.add("Per person: divided by the World Bank's total population (SP.POP.TOTL) of " + options.gdpYear()
          + (options.referenceYear() == null ? " (ASSUMPTION: 2021, Kiel's reference year, by default)" : "") + ".");
    }
    if (!withoutDenominator.isEmpty()) {
      notes.add("No value for " + String.join(", ", withoutDenominator) + ": left empty, not estimated.");
    }
    return notes;
  }

  /** Each reference value used, once: "EUR per USD (annual average) 2025 = 0.8845 (Board of Governors …)". */
  List<String> usedValues() {
    List<String> values = new ArrayList<>();
    for (ReferenceSeries.Value v : used) {
      values.add(v.series() + (v.iso3().isEmpty() ? "" : " " + v.iso3()) + " " + v.year() + " = "
          + java.math.BigDecimal.valueOf(v.value()).toPlainString() + " " + v.unit() + " (" + v.source().publisher()
          + ")");
    }
    return values;
  }

  /** The sources of every reference value used, each once. */
  List<Source> sources() {
    LinkedHashSet<Source> sources = new LinkedHashSet<>();
    used.forEach(v -> sources.add(v.source()));
    return List.copyOf(sources);
  }
}
