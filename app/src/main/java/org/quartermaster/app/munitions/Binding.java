package org.quartermaster.app.munitions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quartermaster.app.query.Column;
import org.quartermaster.app.query.QueryResult;

/**
 * Which component binds a complete round: per producer country, each component's actual rate in force at
 * the end of the last year, in rounds a year (rate ÷ components per round); the smallest caps complete
 * rounds. A component without a figure is listed as such: it may bind without the store showing it.
 */
final class Binding {
  private Binding() {}

  /** @param components the inputs of each component, in the order of {@code needs} */
  static QueryResult result(ChainInputs round, List<Component> needs, List<ChainInputs> components, int toYear) {
    Munition munition = round.munition();
    List<RowRef> used = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    java.util.Map<RowRef, org.quartermaster.app.query.Source> sources = new java.util.HashMap<>(round.sources());
    Set<String> countries = new LinkedHashSet<>();
    components.forEach(ci -> ci.observations().forEach(o -> countries.add(o.country())));
    for (String country : countries) {
      double least = Double.POSITIVE_INFINITY;
      int bindingRow = -1;
      for (int i = 0; i < needs.size(); i++) {
        ChainInputs ci = components.get(i);
        sources.putAll(ci.sources());
        List<RateObservation> rate = YearsToReplace.inForce(ci.observations(), country, RateBasis.ACTUAL,
            ChainReport.endOf(toYear));
        Munition component = ci.munition();
        if (rate.isEmpty()) {
          rows.add(Arrays.asList(country, component.id(), needs.get(i).perRound(), null, null, null, "", "no figure"));
          continue;
        }
        double low = rate.stream().mapToDouble(RateObservation::lowPerYear).min().orElseThrow();
        double rounds = low / needs.get(i).perRound();
        List<RowRef> refs = rate.stream().map(RateObservation::row).toList();
        used.addAll(refs);
        rows.add(Arrays.asList(country, component.id(), needs.get(i).perRound(),
            String.join(" or ", rate.stream().map(RateObservation::asWritten).distinct().toList()),
            rate.getFirst().span().start().toString(), rounds, RowRef.join(refs), ""));
        if (rounds < least) {
          least = rounds;
          bindingRow = rows.size() - 1;
        }
      }
      if (bindingRow >= 0) {
        rows.get(bindingRow).set(7, "binds");
      }
    }
    ChainInputs all = new ChainInputs(munition, round.observations(), round.transfers(), round.contracts(),
        round.leftOut(), sources);
    return ChainReport.result("Components of " + munition.name() + ": which one binds (actual rates by end of "
        + toYear + ")", List.of(Column.text("country"), Column.text("component"), Column.number("per_round", null),
            Column.text("rate_as_written"), Column.text("rate_dated"), Column.number("rounds", "per year", 0),
            Column.text("rows"), Column.text("binding")), rows, used, all,
        List.of("rounds: the component's rate ÷ its number per round; the smallest binds complete rounds."
            + " A component with no figure may bind without the store showing it."));
  }
}
