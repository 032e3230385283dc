package org.quartermaster.app.query;

import java.util.Locale;
import java.util.Set;

/**
 * How {@code qm query aid} normalises its figures: per donor GDP or per inhabitant, in one currency, at
 * current or constant prices. All parts are optional; {@link #NONE} leaves figures as the source gives
 * them.
 *
 * @param per           divide by the donor's GDP (a share, in %) or population (per person), or null
 * @param currency      convert to this currency (USD or EUR), or null to keep each figure's own
 * @param constantYear  express amounts in prices of this year (US CPI-U for USD), or null for current prices
 * @param referenceYear the year of the GDP or population divided by, or null for {@link #KIEL_GDP_YEAR}
 * @param priceYear     the year whose average exchange rate and price level a figure is taken to be in, or
 *                      null for the year of the figure's own date (else its data-through date)
 */
public record AidNormalise(Per per, String currency, Integer constantYear, Integer referenceYear, Integer priceYear) {
  public static final AidNormalise NONE = new AidNormalise(null, null, null, null, null);
  /**
   * ASSUMPTION: GDP and population of 2021 by default, the year Kiel's own country summary divides by
   * ("GDP (2021)", the last year before the full-scale invasion), so shares compare with Kiel's.
   */
  public static final int KIEL_GDP_YEAR = 2021;
  /** The currencies the bundled exchange-rate table converts between. */
  static final Set<String> CURRENCIES = Set.of("USD", "EUR");

  /** What a figure is divided by. */
  public enum Per {
    GDP("gdp"),
    CAPITA("capita");

    private final String wireName;

    Per(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** @throws QueryException for anything but gdp or capita */
    public static Per byName(String name) {
      for (Per per : values()) {
        if (per.wireName.equalsIgnoreCase(name.trim())) {
          return per;
        }
      }
      throw new QueryException("per " + name + ": expected gdp (aid as % of the donor's GDP) or capita (aid per"
          + " inhabitant of the donor)");
    }
  }

  public AidNormalise {
    if (currency != null) {
      currency = currency.trim().toUpperCase(Locale.ROOT);
      if (!CURRENCIES.contains(currency)) {
        throw new QueryException("currency " + currency + ": the bundled exchange-rate table converts between USD"
            + " and EUR only; choose one of them");
      }
    }
    if (per == Per.GDP && constantYear != null) {
      throw new QueryException("prices constant-" + constantYear + " with per gdp: a share of GDP has no price"
          + " base (both are in the same year's prices); leave out prices, or use per capita");
    }
  }

  /** @return the year of {@code constant-YYYY}, or null for {@code current} (also when null) */
  public static Integer constantYear(String prices) {
    if (prices == null || prices.trim().equalsIgnoreCase("current")) {
      return null;
    }
    String text = prices.trim().toLowerCase(Locale.ROOT);
    if (text.matches("constant-\\d{4}")) {
      return Integer.parseInt(text.substring("constant-".length()));
    }
    throw new QueryException("prices " + prices + ": expected current or constant-YYYY, such as constant-2024");
  }

  public boolean none() {
    return per == null && currency == null && constantYear == null;
  }

  int gdpYear() {
    return referenceYear == null ? KIEL_GDP_YEAR : referenceYear;
  }
}
