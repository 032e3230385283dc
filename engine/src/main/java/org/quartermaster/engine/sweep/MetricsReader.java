package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.Problem;

/** Reads a sweep file's {@code metrics:} list, adding a {@link Problem} for each entry that is wrong. */
final class MetricsReader {
  static final List<String> METRIC_NAMES = List.of("months_to_target_p50", "months_to_target_p90",
      "shortfall_probability", "expected_unmet_demand", "reached_by_month", "closing_stock");

  private final List<Problem> problems;

  MetricsReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** The metrics listed, or {@link SweepMetric#DEFAULT}; {@code scenario} (null if invalid) bounds the months. */
  List<SweepMetric> metrics(SweepFields top, Scenario scenario) {
    if (!top.has("metrics")) {
      return SweepMetric.DEFAULT;
    }
    JsonNode list = top.get("metrics");
    if (!list.isArray() || list.isEmpty()) {
      top.problem("metrics", "must be a non-empty list, e.g. [months_to_target_p50, {reached_by_month: 36}]");
      return List.of();
    }
    List<SweepMetric> out = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      String at = "metrics[" + k + "]";
      JsonNode entry = list.get(k);
      String name = entry.isTextual() ? entry.asText()
          : entry.isObject() && entry.size() == 1 ? entry.fieldNames().next() : null;
      if (name == null) {
        problems.add(new Problem(at, SweepFields.render(entry), "must be a metric name or {name: argument}"));
        continue;
      }
      SweepMetric metric = metric(at, name, entry, scenario);
      if (metric != null) {
        if (out.stream().anyMatch(m -> m.columns().equals(metric.columns()))) {
          problems.add(new Problem(at, SweepFields.render(entry), "is listed twice; keep one"));
        } else {
          out.add(metric);
        }
      }
    }
    return out;
  }

  private SweepMetric metric(String at, String name, JsonNode entry, Scenario scenario) {
    boolean argument = entry.isObject();
    switch (name) {
      case "months_to_target_p50", "months_to_target_p90", "shortfall_probability", "expected_unmet_demand" -> {
        if (argument) {
          problems.add(new Problem(at, SweepFields.render(entry), name + " takes no argument; write it alone"));
          return null;
        }
        return switch (name) {
          case "months_to_target_p50" -> new SweepMetric.MonthsToTargetP50();
          case "months_to_target_p90" -> new SweepMetric.MonthsToTargetP90();
          case "shortfall_probability" -> new SweepMetric.ShortfallProbability();
          default -> new SweepMetric.ExpectedUnmetDemand();
        };
      }
      case "reached_by_month" -> {
        int horizon = scenario == null ? Integer.MAX_VALUE : scenario.horizonMonths();
        SweepFields fields = argument ? new SweepFields(entry, at, problems, List.of(name)) : null;
        Long month = fields == null ? null : fields.integer(name, true, 0, horizon);
        if (!argument) {
          problems.add(new Problem(at, SweepFields.render(entry), "needs its month: {reached_by_month: 36}"));
        }
        return month == null ? null : new SweepMetric.ReachedByMonth(month.intValue());
      }
      case "closing_stock" -> {
        if (!argument) {
          problems.add(new Problem(at, SweepFields.render(entry),
              "needs a month and quantiles: {closing_stock: {month: 59, quantiles: [0.05, 0.5, 0.95]}}"));
          return null;
        }
        SweepFields fields = new SweepFields(entry, at, problems, List.of(name))
            .mapping(name, true, List.of("month", "quantiles"));
        if (fields == null) {
          return null;
        }
        int last = scenario == null ? Integer.MAX_VALUE : scenario.horizonMonths() - 1;
        Long month = fields.integer("month", true, 0, last);
        List<Double> quantiles = fields.numbers("quantiles");
        if (quantiles != null && quantiles.stream().anyMatch(q -> q < 0 || q > 1)) {
          fields.problem("quantiles", "each quantile must be from 0 to 1, e.g. 0.5 for the median");
          return null;
        }
        return month == null || quantiles == null ? null
            : new SweepMetric.ClosingStock(month.intValue(), quantiles.stream().distinct().toList());
      }
      default -> {
        problems.add(new Problem(at, SweepFields.render(entry), "unknown metric" + SweepReader.suggestion(name, METRIC_NAMES)
            + "; metrics are " + String.join(", ", METRIC_NAMES)));
        return null;
      }
    }
  }
}
