package org.quartermaster.app.munitions.build;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.Munition;
import org.quartermaster.app.munitions.RateBasis;
import org.quartermaster.app.munitions.Resolution;
import org.quartermaster.app.munitions.ScenarioFigures;
import org.quartermaster.app.store.Store;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * {@code qm scenario build} and {@code POST /api/v1/scenarios/build}: an SM-1 scenario for one munition
 * from the store's figures, every number with its source or labelled an assumption. The request is
 * checked whole before the store is read; the YAML is validated as {@code qm validate} does before it
 * is returned. Stateless and thread-safe.
 */
public final class ScenarioBuild {
  public static final int MAX_HORIZON = 600;
  /** Holders that are pools rather than countries (MODEL.md: "an ISO 3166 alpha-3 code, or a pool"). */
  static final Set<String> POOLS = Set.of("NSPA", "NATO", "EU");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
      .withResolverStyle(ResolverStyle.STRICT);

  private ScenarioBuild() {}

  /** Builds the scenario {@code request} asks from the store. @throws BuildException with every problem */
  public static BuiltScenario build(Store store, Catalogue catalogue, Countries countries, BuildRequest request) {
    ScenarioBuilder.Checked checked = check(request, catalogue, countries);
    return build(ScenarioFigures.read(store, catalogue, checked.munition()), checked, countries);
  }

  /** Builds from figures already read (a hand-worked case). */
  static BuiltScenario build(ScenarioFigures figures, ScenarioBuilder.Checked checked, Countries countries) {
    ScenarioDraft draft = Assumptions.apply(ScenarioBuilder.build(checked, figures, countries), checked.assume());
    BuildRequest canonical = new BuildRequest(checked.munition().id(), List.copyOf(checked.holders().keySet()),
        checked.start().toString(), checked.horizon(), checked.basis().wireName(), checked.assume());
    String yaml = YamlEmitter.write(draft, BuildHeader.lines(draft, canonical));
    try {
      ScenarioReader.parse(yaml, "built scenario");
    } catch (InvalidScenarioException e) {
      List<BuildProblem> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        problems.add(new BuildProblem("assume", p.value(), "the scenario with these assumptions is not valid SM-1: "
            + p.path() + ": " + p.message()));
      }
      throw new BuildException(problems);
    }
    return new BuiltScenario(checked.munition(), draft.name(), yaml, List.copyOf(draft.figures().values()), canonical,
        draft.notes());
  }

  /** The request recorded in a built scenario's header. @throws BuildException when it has none */
  public static BuildRequest recorded(String yaml, String what) {
    return BuildHeader.read(yaml).orElseThrow(() -> new BuildException(List.of(new BuildProblem("scenario", what,
        "not a built scenario: its header has no '" + BuildHeader.PARAMETERS.strip() + "' line; only scenarios"
            + " made by qm scenario build can be rebuilt"))));
  }

  /** The request checked whole: every problem at once, before the store is read. */
  static ScenarioBuilder.Checked check(BuildRequest r, Catalogue catalogue, Countries countries) {
    List<BuildProblem> problems = new ArrayList<>();
    Munition munition = null;
    if (r.item() == null || r.item().isBlank()) {
      problems.add(new BuildProblem("item", null, "give a munition id or name: stinger, javelin, shell-155"
          + " (qm items lists them)"));
    } else {
      Resolution resolution = catalogue.resolve(r.item());
      if (resolution instanceof Resolution.Resolved(Munition m)) {
        munition = m;
      } else {
        problems.add(new BuildProblem("item", r.item(), Resolution.refusal(r.item(), resolution)
            + " qm items (GET /api/v1/munitions) lists the munitions and their names."));
      }
    }
    Map<String, String> holders = holders(r.holders(), countries, problems);
    YearMonth start = null;
    if (r.start() == null) {
      problems.add(new BuildProblem("start", null, "give the calendar month of t = 0 as YYYY-MM, e.g. 2025-01"));
    } else {
      try {
        start = YearMonth.parse(r.start().strip(), MONTH);
        if (start.getYear() < 1900 || start.getYear() > 2100) {
          problems.add(new BuildProblem("start", r.start(), "a month from 1900-01 to 2100-12"));
          start = null;
        }
      } catch (DateTimeException e) {
        problems.add(new BuildProblem("start", r.start(), "not a month as YYYY-MM (e.g. 2025-01)"));
      }
    }
    if (r.horizon() == null || r.horizon() < 1 || r.horizon() > MAX_HORIZON) {
      problems.add(new BuildProblem("horizon", r.horizon() == null ? null : String.valueOf(r.horizon()),
          "the horizon in months: a whole number from 1 to " + MAX_HORIZON));
    }
    RateBasis basis = r.rateBasis() == null ? RateBasis.ACTUAL : RateBasis.byName(r.rateBasis()).orElse(null);
    if (basis == null) {
      problems.add(new BuildProblem("rate_basis", r.rateBasis(), "expected actual, capacity or target"));
    }
    if (!problems.isEmpty()) {
      throw new BuildException(problems);
    }
    return new ScenarioBuilder.Checked(munition, holders, start, r.horizon(), basis, r.assume());
  }

  private static Map<String, String> holders(List<String> given, Countries countries, List<BuildProblem> problems) {
    Map<String, String> holders = new LinkedHashMap<>();
    if (given.isEmpty()) {
      problems.add(new BuildProblem("holders", null, "give at least one holder: ISO 3166 alpha-3 codes such as"
          + " USA,UKR, or a pool (" + String.join(", ", POOLS.stream().sorted().toList()) + ")"));
    }
    for (String h : given) {
      String code = h == null ? "" : h.strip().toUpperCase(java.util.Locale.ROOT);
      if (POOLS.contains(code)) {
        holders.putIfAbsent(code, code);
      } else if (code.length() == 3 && countries.byIso3(code).isPresent()) {
        holders.putIfAbsent(code, countries.byIso3(code).get().name());
      } else {
        String suggestion = countries.find(h == null ? "" : h).map(Country::iso3)
            .orElseGet(() -> h == null || h.isBlank() ? null : countries.find(countries.closest(h)).map(Country::iso3)
                .orElse(null));
        problems.add(new BuildProblem("holders", h, "not an ISO 3166 alpha-3 country code nor a pool ("
            + String.join(", ", POOLS.stream().sorted().toList()) + ")"
            + (suggestion == null ? "" : "; did you mean " + suggestion + "?")));
      }
    }
    return holders;
  }
}
