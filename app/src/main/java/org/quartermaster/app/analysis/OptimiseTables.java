package org.quartermaster.app.analysis;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quartermaster.app.query.Column;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.ResultFormat;
import org.quartermaster.engine.optimise.OptimisationReport;

/**
 * Renders an optimisation report: as text tables (the options, the chosen portfolio against the
 * runner-up, the frontier), as CSV (the frontier: one row per budget level), or as JSON (the whole
 * report).
 */
public final class OptimiseTables {
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** The formats of {@code qm optimise --format}. */
  public enum Format { TABLE, CSV, JSON }

  private OptimiseTables() {}

  public static String render(OptimisationReport report, Format format) throws IOException {
    StringWriter out = new StringWriter();
    switch (format) {
      case TABLE -> ResultFormat.TABLE.writeAll(List.of(options(report), choice(report), frontier(report)), out);
      case CSV -> ResultFormat.CSV.write(frontier(report), out);
      case JSON -> {
        JSON.writeValue(out, report);
        out.write(System.lineSeparator());
      }
    }
    return out.toString();
  }

  private static QueryResult options(OptimisationReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (OptimisationReport.Option o : report.options()) {
      rows.add(List.of(o.id(), o.name(), o.group(), o.cost(), String.join("; ", o.effects()), o.costBasis()));
    }
    return new QueryResult("Investment options (" + report.source() + ", base " + report.baseLabel() + ")",
        List.of(Column.text("option"), Column.text("name"), Column.text("group"),
            Column.number("cost", report.currency(), 0), Column.detail("effects"), Column.text("cost_basis")),
        rows, List.of(), List.of(), List.of("Each option's effects: --format json."));
  }

  private static QueryResult choice(OptimisationReport report) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("chosen", report.chosen()));
    if (report.runnerUp() != null) {
      rows.add(row("runner-up", report.runnerUp()));
    }
    List<String> notes = new ArrayList<>();
    notes.add("Objective: " + report.objective() + ".");
    notes.add(String.format(Locale.ROOT, "Budget %s %,.0f; %s; %d portfolios simulated; %s.", report.currency(),
        report.budget(), report.method(), report.evaluations(), report.deterministic()
            ? "deterministic mode (expected values, one run per portfolio)"
            : String.format(Locale.ROOT, "%,d runs per portfolio in %d batches, seed %d (batch b uses seed %d + b),"
                + " the same streams for every portfolio", report.runs(), report.batches(), report.seed(),
                report.seed())));
    OptimisationReport.Difference d = report.difference();
    if (d != null) {
      notes.add(report.deterministic()
          ? String.format(Locale.ROOT, "Chosen minus runner-up: %s %s (exact: deterministic mode).",
              number(d.estimate()), report.objectiveUnit())
          : String.format(Locale.ROOT, "Chosen minus runner-up: %s %s; 95%% interval %s to %s (paired over %d"
              + " batches with common random numbers, Student t).", number(d.estimate()), report.objectiveUnit(),
              number(d.low()), number(d.high()), d.batches()));
    }
    return new QueryResult("Best portfolio within the budget (" + (report.minimise() ? "lower" : "higher")
        + " is better)", List.of(Column.text("portfolio"), Column.text("options"),
            Column.number("cost", report.currency(), 0), Column.number("objective", report.objectiveUnit())),
        rows, List.of(), List.of(), notes);
  }

  private static QueryResult frontier(OptimisationReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (OptimisationReport.FrontierLevel level : report.frontier()) {
      rows.add(List.of(level.budget(), ids(level.best()), level.best().cost(), level.best().value()));
    }
    return new QueryResult("Efficient frontier: the best portfolio per budget level", List.of(
        Column.number("budget_level", report.currency(), 0), Column.text("options"),
        Column.number("cost", report.currency(), 0), Column.number("objective", report.objectiveUnit())),
        rows, List.of(), List.of(), List.of());
  }

  private static List<Object> row(String label, OptimisationReport.Portfolio portfolio) {
    return List.of(label, ids(portfolio), portfolio.cost(), portfolio.value());
  }

  private static String ids(OptimisationReport.Portfolio portfolio) {
    return portfolio.optionIds().isEmpty() ? "(none)" : String.join(" + ", portfolio.optionIds());
  }

  private static String number(double x) {
    return Math.abs(x) >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.4g", x);
  }
}
