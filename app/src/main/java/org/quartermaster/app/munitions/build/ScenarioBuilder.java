package org.quartermaster.app.munitions.build;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Munition;
import org.quartermaster.app.munitions.RateBasis;
import org.quartermaster.app.munitions.ScenarioFigures;
import org.quartermaster.app.munitions.ScenarioFigures.Rate;
import org.quartermaster.app.munitions.build.Provenance.Assumed;
import org.quartermaster.app.munitions.build.Provenance.Setting;

/**
 * A scenario from a munition's stored figures: one line per producer country ({@link LineFigures}),
 * shared by the holders' orders ({@link ContractShares}); the transfers between holders inside the
 * horizon ({@link ScheduledTransfers}); one stock per holder whose level, target and demand are labelled
 * assumptions (no stockpile level is public), 0 until {@code --assume} sets them.
 */
final class ScenarioBuilder {
  static final int RUNS = 10_000;
  static final int SEED = 42;

  /**
   * What a build is asked, checked.
   *
   * @param holders holder id → name, in the order asked
   */
  record Checked(Munition munition, Map<String, String> holders, YearMonth start, int horizon, RateBasis basis,
      Map<String, String> assume) {}

  private ScenarioBuilder() {}

  static ScenarioDraft build(Checked request, ScenarioFigures stored, Countries countries) {
    Munition munition = request.munition();
    YearMonth start = request.start();
    int horizon = request.horizon();
    Set<String> holders = request.holders().keySet();
    Map<String, Figure> figures = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>(stored.leftOut().stream().map(r -> "left out: " + r).toList());
    figures.put(Paths.HORIZON, new Figure(Paths.HORIZON, horizon, new Setting("--horizon " + horizon + ": " + start
        + " .. " + start.plusMonths(horizon - 1))));
    figures.put(Paths.RUNS, new Figure(Paths.RUNS, RUNS, new Setting("Monte Carlo runs (qm simulate --runs overrides)")));
    figures.put(Paths.SEED, new Figure(Paths.SEED, SEED, new Setting("base seed (qm simulate --seed overrides)")));

    List<ScenarioDraft.Line> lines = lines(request, stored, countries, figures, notes);
    for (String h : holders) {
      stock(figures, h, munition, start);
    }
    List<ScenarioDraft.Transfer> transfers = new ArrayList<>();
    for (ScheduledTransfers.Found t : ScheduledTransfers.of(stored.transfers(), holders, start, horizon, notes)) {
      int i = transfers.size();
      transfers.add(new ScenarioDraft.Transfer(t.from(), t.to()));
      figures.put(Paths.transfer(i, "month"), new Figure(Paths.transfer(i, "month"), t.month(), t.source()));
      figures.put(Paths.transfer(i, "quantity"), new Figure(Paths.transfer(i, "quantity"), t.quantity(), t.source()));
    }
    String name = munition.name() + ": " + String.join(", ", holders) + " from " + start + ", built from the store";
    return new ScenarioDraft(name, munition, start, request.holders(), lines, transfers, figures, notes);
  }

  private static List<ScenarioDraft.Line> lines(Checked request, ScenarioFigures stored, Countries countries,
      Map<String, Figure> figures, List<String> notes) {
    Set<String> holders = request.holders().keySet();
    Set<String> producers = new LinkedHashSet<>(stored.rates().stream().map(Rate::country).toList());
    Map<String, ContractShares.Weight> ordered = producers.size() == 1
        ? ContractShares.of(stored.contracts(), holders, countries, notes) : Map.of();
    if (producers.size() > 1 && !stored.contracts().isEmpty()) {
      notes.add("contracts not used for the shares: " + producers.size() + " producer countries, and a contract"
          + " does not say which one fills it");
    }
    List<ScenarioDraft.Line> lines = new ArrayList<>();
    for (String country : producers) {
      String id = lineId(country, request.munition().id());
      Map<String, ContractShares.Weight> shares = ordered;
      if (shares.isEmpty() && !holders.contains(country)) {
        notes.add("no line for " + country + ": it is not among the holders and no holder ordered from it; add "
            + country + " to --holders to count its output");
        continue;
      }
      List<Rate> rates = stored.rates().stream().filter(r -> r.country().equals(country)).toList();
      LineFigures.add(figures, id, country, rates, stored.parts(), request.basis(), request.start());
      Assumed none = new Assumed("the store has no disruption figures; set " + Paths.line(id, "disruption.probability")
          + " and .cut to try some", false);
      figures.put(Paths.line(id, "disruption.probability"), new Figure(Paths.line(id, "disruption.probability"), 0, none));
      figures.put(Paths.line(id, "disruption.cut"), new Figure(Paths.line(id, "disruption.cut"), 0, none));
      List<String> shareHolders = new ArrayList<>();
      if (shares.isEmpty()) {
        shareHolders.add(country);
        String path = Paths.line(id, "shares." + country);
        figures.put(path, new Figure(path, 1, new Assumed("no holder's order in the store: the producer country"
            + " keeps the output", false)));
      } else {
        shares.forEach((holder, weight) -> {
          shareHolders.add(holder);
          String path = Paths.line(id, "shares." + holder);
          figures.put(path, new Figure(path, weight.quantity(), new Provenance.Sourced("the quantity "
              + holder + " ordered: " + String.join("; ", weight.contracts()) + " (weights are normalised)",
              weight.citations())));
        });
      }
      lines.add(new ScenarioDraft.Line(id, "Production of " + country + " (rates read at the "
          + request.basis().wireName() + " basis), shared among the holders that ordered from it", shareHolders));
    }
    return lines;
  }

  private static void stock(Map<String, Figure> figures, String holder, Munition munition, YearMonth start) {
    String item = munition.id();
    String initial = Paths.stock(holder, item, "initial");
    figures.put(initial, new Figure(initial, 0, new Assumed("no stockpile level is public; 0 counts only what"
        + " the scenario adds (set " + initial + ")", false)));
    String from = Paths.stock(holder, item, "demand[0].from");
    figures.put(from, new Figure(from, 0, new Assumed("demand from the start month, " + start, false)));
    String perMonth = Paths.stock(holder, item, "demand[0].per_month");
    figures.put(perMonth, new Figure(perMonth, 0, new Assumed("no consumption rate is public; " + munition.unit()
        + " per month (set " + perMonth + ")", false)));
  }

  static String lineId(String country, String item) {
    String slug = country.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return (slug.isEmpty() ? "line" : slug) + "-" + item;
  }
}
