package org.quartermaster.app.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quartermaster.app.data.Countries;
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
    return shortfall.setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * Per year: how many with a figure meet the guideline, who is below, who has no figure.
   *
   * @param memberDates for allies, the date whose NATO membership the year's check uses
   */
  List<String> summary(List<Figure> figures, boolean allies, Map<Integer, LocalDate> memberDates) {
    Map<Integer, List<Figure>> byYear = new TreeMap<>();
    figures.forEach(f -> byYear.computeIfAbsent(f.year(), y -> new ArrayList<>()).add(f));
    String who = allies ? "allies" : "countries";
    List<String> notes = new ArrayList<>();
    for (Map.Entry<Integer, List<Figure>> year : byYear.entrySet()) {
      List<String> below = new ArrayList<>();
      List<String> noFigure = new ArrayList<>();
      int meeting = 0;
      for (Figure f : year.getValue()) {
        switch (meets(f.pctGdp())) {
          case MEETS -> meeting++;
          case BELOW -> below.add(f.country());
          default -> noFigure.add(f.country() + (f.note() == null ? "" : " (" + f.note() + ")"));
        }
      }
      int withFigure = meeting + below.size();
      StringBuilder line = new StringBuilder().append(year.getKey()).append(": ").append(meeting).append(" of ")
          .append(withFigure).append(' ').append(who).append(" with a figure meet ").append(label());
      LocalDate date = memberDates.get(year.getKey());
      if (allies && date != null) {
        line.append(" (allies: the NATO members on ").append(date).append(", ")
            .append(Countries.standard().natoMembersOn(date).size()).append(" in all)");
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
