package org.quartermaster.app.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quartermaster.app.query.SpendingQuery.Figure;

/**
 * A spending guideline in % of GDP (NATO's 2% of 2014, the 3.5% core-defence goal of 2025) and the
 * check of figures against it. Compared in decimal, so 2.00 meets 2. A country without a figure
 * (Iceland, which has no armed forces) is "no figure": neither meeting nor failing.
 */
final class Guideline {
  static final String MEETS = "yes";
  static final String BELOW = "no";
  static final String NO_FIGURE = "no figure";

  private final BigDecimal threshold;

  Guideline(double thresholdPctGdp) {
    if (!(thresholdPctGdp > 0 && thresholdPctGdp <= 100)) {
      throw new QueryException("threshold " + thresholdPctGdp + " is not a share of GDP in percent (such as 2 or 3.5)");
    }
    this.threshold = BigDecimal.valueOf(thresholdPctGdp);
  }

  /**
   * NATO's 2025 target, as the Hague Summit Declaration (25 June 2025) states it: at least 3.5% of GDP a
   * year on core defence requirements by 2035, and up to 1.5% on defence- and security-related spending.
   * NATO's primary text was not read; Agence Europe's report of it was.
   */
  static final Source HAGUE_2025 = new Source("https://agenceurope.eu/en/bulletin/detail/13667", "NATO",
      "NATO, The Hague Summit Declaration, 25 June 2025, para. 2: 5% of GDP a year by 2035, of which at least 3.5%"
          + " on core defence requirements and up to 1.5% on defence- and security-related spending; as reported by"
          + " Agence Europe", "2025-06-25", org.quartermaster.app.data.SourceGrade.PRESS, null);

  /** The result with the guideline's origin among its notes and sources, where it has a known one (3.5%). */
  QueryResult withOrigin(QueryResult result) {
    if (threshold.compareTo(BigDecimal.valueOf(3.5)) != 0) {
      return result;
    }
    List<String> notes = new ArrayList<>(result.notes());
    notes.add("3.5% of GDP is NATO's core-defence target for 2035 (The Hague Summit Declaration, 25 June 2025):"
        + " figures compare against it before its date. The declaration's other 1.5% of GDP (defence- and"
        + " security-related spending) is not shown: no imported source gives it per ally.");
    List<Source> sources = new ArrayList<>(result.sources());
    sources.add(HAGUE_2025);
    return new QueryResult(result.title(), result.columns(), result.rows(), result.vintages(), sources, notes);
  }

  /** {@code 2% of GDP}. */
  String label() {
    return threshold.stripTrailingZeros().toPlainString() + "% of GDP";
  }

  /** {@value #MEETS}, {@value #BELOW} or {@value #NO_FIGURE}. */
  String meets(Double pctGdp) {
    if (pctGdp == null) {
      return NO_FIGURE;
    }
    return BigDecimal.valueOf(pctGdp).compareTo(threshold) >= 0 ? MEETS : BELOW;
  }

  /** How far below the guideline, in percentage points of GDP, 2 decimals: 0 when it is met, null without a figure. */
  Double gap(Double pctGdp) {
    if (pctGdp == null) {
      return null;
    }
    BigDecimal shortfall = threshold.subtract(BigDecimal.valueOf(pctGdp)).max(BigDecimal.ZERO);
    // rounded up, so that a country short of the guideline never shows a gap of 0.00 (1.9977 → 0.01)
    return shortfall.setScale(2, RoundingMode.UP).doubleValue();
  }

  /**
   * Per year: how many with a figure meet the guideline, who is below, who has no figure. Each country
   * counts once: the figures hold at most one per country and year (a second is a bug, refused).
   *
   * @param who    what is counted: {@code allies} or {@code countries}
   * @param scopes per year, what the count covers (the release, the allies' date), said in brackets
   */
  List<String> summary(List<Figure> figures, String who, Map<Integer, String> scopes) {
    Map<Integer, List<Figure>> byYear = new TreeMap<>();
    figures.forEach(f -> byYear.computeIfAbsent(f.year(), y -> new ArrayList<>()).add(f));
    List<String> notes = new ArrayList<>();
    for (Map.Entry<Integer, List<Figure>> year : byYear.entrySet()) {
      List<String> below = new ArrayList<>();
      List<String> noFigure = new ArrayList<>();
      Set<String> counted = new HashSet<>();
      int meeting = 0;
      for (Figure f : year.getValue()) {
        if (!counted.add(f.iso3())) {
          throw new IllegalStateException(f.country() + " " + f.year() + " would be counted twice");
        }
        switch (meets(f.pctGdp())) {
          case MEETS -> meeting++;
          case BELOW -> below.add(f.country());
          default -> noFigure.add(f.country() + (f.note() == null ? "" : " (" + f.note() + ")"));
        }
      }
      int withFigure = meeting + below.size();
      StringBuilder line = new StringBuilder().append(year.getKey()).append(": ").append(meeting).append(" of ")
          .append(withFigure).append(' ').append(who).append(" with a figure meet ").append(label());
      String scope = scopes.get(year.getKey());
      if (scope != null) {
        line.append(" (").append(scope).append(')');
      }
      notes.add(line.append('.').toString());
      if (byYear.size() == 1 && !below.isEmpty()) {
        notes.add(year.getKey() + ": below " + label() + ": " + String.join(", ", below) + ".");
      }
      if (!noFigure.isEmpty()) {
        notes.add(year.getKey() + ": " + NO_FIGURE + ", so not counted as failing: " + String.join("; ", noFigure)
            + ".");
      }
    }
    return notes;
  }
}
