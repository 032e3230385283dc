package org.quartermaster.app.munitions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.query.Source;
import org.quartermaster.app.store.Store;

/**
 * The munition catalogue: canonical munitions ({@code munitions.csv}), the names the data give them
 * ({@code aliases.csv}), the components complete rounds need ({@code components.csv}) and the names
 * deliberately left unresolved ({@code unresolved.csv}, with the reason). Data, not code: the files are
 * shipped under {@code org/quartermaster/app/munitions/}. A name resolves only by an exact match after
 * {@link ItemNames#normalise normalisation}; the closest known name is offered as a suggestion, never
 * applied. Users extend it by importing files with the columns of {@code munitions.csv} and
 * {@code aliases.csv} ({@link UserCatalogue}): {@link #of(Store)} is the catalogue a store's data are read
 * with, the bundled one with the imported rows added. Immutable and thread-safe.
 */
public final class Catalogue {
  private static final Catalogue BUNDLED = bundledFiles();

  private final Map<String, Munition> byId;
  private final Map<String, Known> byName;
  private final Map<String, String> unresolved;
  private final List<Component> components;
  /** The imported munitions' origins, by id (bundled munitions have none). */
  private final Map<String, UserCatalogue.Origin> originById;
  /** The imported rows that do not fit the catalogue, left out of it. */
  private final List<UserCatalogue.Problem> leftOut;

  /** A name the catalogue knows, as written there, its munition, and the imported row that gave it (or null). */
  private record Known(String written, Munition munition, UserCatalogue.Origin origin) {}

  private Catalogue(Map<String, Munition> byId, Map<String, Known> byName, Map<String, String> unresolved,
      List<Component> components, Map<String, UserCatalogue.Origin> originById, List<UserCatalogue.Problem> leftOut) {
    this.byId = byId;
    this.byName = byName;
    this.unresolved = unresolved;
    this.components = List.copyOf(components);
    this.originById = originById;
    this.leftOut = List.copyOf(leftOut);
  }

  /** The catalogue shipped with Quartermaster. */
  public static Catalogue bundled() {
    return BUNDLED;
  }

  /**
   * The catalogue the store's data are read with: the bundled one and the rows users imported into the store
   * (a row that no longer fits, such as an alias of a munition whose dataset was removed, is left out:
   * {@link #leftOut}). Read afresh on each call, so an import or a removal shows at once.
   */
  public static Catalogue of(Store store) {
    return store.read(c -> BUNDLED.extendedBy(UserCatalogue.read(c)).catalogue());
  }

  /** This catalogue with imported rows added, and the problems of those that do not fit (left out). */
  record Extended(Catalogue catalogue, List<UserCatalogue.Problem> problems) {}

  /**
   * This catalogue with the imported munitions, then the imported aliases, added in order: a row whose id or
   * name the catalogue (or an earlier row) already has, or an alias naming no munition, is a problem and is
   * left out. A user row never revises a bundled one.
   */
  Extended extendedBy(UserCatalogue.Rows rows) {
    Map<String, Munition> ids = new LinkedHashMap<>(byId);
    Map<String, Known> names = new HashMap<>(byName);
    Map<String, UserCatalogue.Origin> origins = new HashMap<>(originById);
    List<UserCatalogue.Problem> problems = new ArrayList<>();
    for (UserCatalogue.UserMunition u : rows.munitions()) {
      Munition m = u.munition();
      if (ids.containsKey(m.id())) {
        UserCatalogue.Origin earlier = origins.get(m.id());
        problems.add(new UserCatalogue.Problem(u.origin(), "id", m.id(), "'" + m.id() + "' is already a munition of "
            + (earlier == null ? "the bundled catalogue" : earlier.describe()) + "; an imported row never revises one:"
            + " give the row a new id, e.g. '" + freeId(m.id(), ids.keySet()) + "'"));
        continue;
      }
      String clash = clash(m.id(), m, names);
      clash = clash != null ? clash : clash(m.name(), m, names);
      if (clash != null) {
        problems.add(new UserCatalogue.Problem(u.origin(), clash.equals(m.id()) ? "id" : "name", clash,
            taken(clash, names) + "; give the munition another name, or import the name as an alias"));
        continue;
      }
      ids.put(m.id(), m);
      origins.put(m.id(), u.origin());
      names.put(ItemNames.normalise(m.id()), new Known(m.id(), m, u.origin()));
      names.putIfAbsent(ItemNames.normalise(m.name()), new Known(m.name(), m, u.origin()));
    }
    for (UserCatalogue.UserAlias a : rows.aliases()) {
      Munition m = ids.get(a.id());
      if (m == null) {
        problems.add(new UserCatalogue.Problem(a.origin(), "id", a.id(), "'" + a.id() + "' is not a munition of the"
            + " catalogue (bundled or imported)" + hint(a.id(), ids.keySet()) + "; qm items lists the ids, and a new"
            + " munition is imported first with the columns of munitions.csv"));
        continue;
      }
      if (clash(a.alias(), m, names) != null) {
        problems.add(new UserCatalogue.Problem(a.origin(), "alias", a.alias(), taken(a.alias(), names)));
        continue;
      }
      names.putIfAbsent(ItemNames.normalise(a.alias()), new Known(a.alias(), m, a.origin()));
    }
    return new Extended(new Catalogue(ids, names, unresolved, components, origins, problems), problems);
  }

  /** The name when it is taken by another munition or listed as unresolved on purpose, else null. */
  private String clash(String name, Munition m, Map<String, Known> names) {
    String key = ItemNames.normalise(name);
    Known known = names.get(key);
    return known != null && !known.munition().id().equals(m.id()) || unresolved.containsKey(key) ? name : null;
  }

  /** Why a name cannot be given: which munition has it, or why it is left unresolved. */
  private String taken(String name, Map<String, Known> names) {
    Known known = names.get(ItemNames.normalise(name));
    if (known == null) {
      return "'" + name + "' is listed as unresolved on purpose (" + unresolved.get(ItemNames.normalise(name))
          + "); it cannot name one munition";
    }
    return "'" + name + "' already names '" + known.munition().id() + "' ("
        + (known.origin() == null ? "bundled catalogue" : known.origin().describe()) + "); a name may name one"
        + " munition only";
  }

  /** The first of {@code id-2}, {@code id-3} … not taken. */
  private static String freeId(String id, java.util.Set<String> taken) {
    int n = 2;
    while (taken.contains(id + "-" + n)) {
      n++;
    }
    return id + "-" + n;
  }

  /** Where an imported munition comes from; empty for a bundled one. */
  public Optional<UserCatalogue.Origin> origin(String id) {
    return Optional.ofNullable(originById.get(id));
  }

  /** The names of munition {@code id} that imported aliases gave, each with its origin: {@code "Name" (dataset …)}. */
  public List<String> importedAliases(String id) {
    return byName.values().stream().filter(k -> k.origin() != null && k.munition().id().equals(id)
            && !k.written().equals(id) && !k.written().equals(k.munition().name()))
        .sorted(java.util.Comparator.comparingInt((Known k) -> k.origin().datasetId()).thenComparingInt(k -> k.origin().row()))
        .map(k -> k.written() + " (" + k.origin().describe() + ")").toList();
  }

  /** The imported rows left out because they do not fit (see {@link #of(Store)}). */
  public List<UserCatalogue.Problem> leftOut() {
    return leftOut;
  }

  /** The categories of the catalogue's munitions (artillery ammunition, missiles …), sorted. */
  public List<String> categories() {
    return byId.values().stream().map(Munition::category).filter(java.util.Objects::nonNull).distinct().sorted()
        .toList();
  }

  /**
   * A catalogue of these entries, checked whole: ids unique, every alias and component naming a known
   * id, no name given to two munitions or both resolved and left unresolved.
   *
   * @param aliases    alias → munition id, in file order
   * @param unresolved name → reason
   * @throws CatalogueException with every problem found
   */
  public static Catalogue of(List<Munition> munitions, Map<String, String> aliases, List<Component> components,
      Map<String, String> unresolved) {
    List<String> problems = new ArrayList<>();
    Map<String, Munition> byId = new LinkedHashMap<>();
    Map<String, Known> byName = new HashMap<>();
    for (Munition m : munitions) {
      if (byId.putIfAbsent(m.id(), m) != null) {
        problems.add("munitions.csv: id '" + m.id() + "' appears twice; give each munition its own id");
      }
    }
    for (Munition m : byId.values()) {
      name(m.id(), m, byName, problems, "munitions.csv");
      name(m.name(), m, byName, problems, "munitions.csv");
    }
    aliases.forEach((alias, id) -> {
      Munition m = byId.get(id);
      if (m == null) {
        problems.add("aliases.csv: alias '" + alias + "' names id '" + id + "', which munitions.csv does not have"
            + hint(id, byId.keySet()));
      } else {
        name(alias, m, byName, problems, "aliases.csv");
      }
    });
    for (Component c : components) {
      for (String id : List.of(c.roundId(), c.componentId())) {
        if (!byId.containsKey(id)) {
          problems.add("components.csv: '" + id + "' is not an id of munitions.csv" + hint(id, byId.keySet()));
        }
      }
    }
    Map<String, String> left = new HashMap<>();
    unresolved.forEach((name, reason) -> {
      String key = ItemNames.normalise(name);
      Known known = byName.get(key);
      if (known != null) {
        problems.add("unresolved.csv: '" + name + "' is also a name of '" + known.munition().id()
            + "'; keep it in one of the two files");
      }
      left.put(key, reason);
    });
    if (!problems.isEmpty()) {
      throw new CatalogueException(problems);
    }
    return new Catalogue(byId, byName, left, components, Map.of(), List.of());
  }

  private static void name(String name, Munition m, Map<String, Known> byName, List<String> problems, String file) {
    Known earlier = byName.putIfAbsent(ItemNames.normalise(name), new Known(name, m, null));
    if (earlier != null && !earlier.munition().id().equals(m.id())) {
      problems.add(file + ": '" + name + "' names both '" + earlier.munition().id() + "' and '" + m.id()
          + "'; a name may name one munition only");
    }
  }

  private static String hint(String id, Collection<String> ids) {
    return org.quartermaster.engine.scenario.Suggestions.closest(id, ids).map(s -> "; did you mean '" + s + "'?")
        .orElse("");
  }

  /** Every munition, in file order. */
  public List<Munition> munitions() {
    return List.copyOf(byId.values());
  }

  public Optional<Munition> findMunition(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every name of the munition with this id as the catalogue writes it (its id, name and aliases), sorted. */
  public List<String> names(String id) {
    return byName.values().stream().filter(k -> k.munition().id().equals(id)).map(Known::written).distinct()
        .sorted(String.CASE_INSENSITIVE_ORDER).toList();
  }

  /** What the catalogue makes of a name as written in the data (or an id typed by a user). */
  public Resolution resolve(String name) {
    String key = ItemNames.normalise(name);
    Known known = byName.get(key);
    if (known != null) {
      return new Resolution.Resolved(known.munition());
    }
    String reason = unresolved.get(key);
    if (reason != null) {
      return new Resolution.Unresolved(reason);
    }
    return new Resolution.Unknown(closest(key));
  }

  /** The munition a name resolves to, if it does. */
  public Optional<Munition> munitionOf(String name) {
    return resolve(name) instanceof Resolution.Resolved(Munition m) ? Optional.of(m) : Optional.empty();
  }

  /** The components of a complete round, in file order (none for other munitions). */
  public List<Component> components(String roundId) {
    return components.stream().filter(c -> c.roundId().equals(roundId)).toList();
  }

  /**
   * The known name closest to {@code key}: the one containing it or contained in it (longest first), or
   * else the one within a few edits (a quarter of its length at most).
   */
  private Resolution.Suggestion closest(String key) {
    Known best = null;
    int bestScore = Integer.MAX_VALUE;
    for (Map.Entry<String, Known> entry : byName.entrySet()) {
      String name = entry.getKey();
      int score;
      if (name.length() >= 4 && (key.contains(name) || name.contains(key) && key.length() >= 4)) {
        score = -name.length();
      } else {
        int d = org.quartermaster.engine.scenario.Suggestions.distance(key, name);
        score = d <= Math.max(2, Math.min(key.length(), name.length()) / 4) ? d : Integer.MAX_VALUE;
      }
      if (score < bestScore || score == bestScore && best != null && entry.getValue().written().compareTo(best.written()) < 0) {
        best = entry.getValue();
        bestScore = score;
      }
    }
    return best == null || bestScore == Integer.MAX_VALUE ? null
        : new Resolution.Suggestion(best.written(), best.munition().id());
  }

  /**
   * A row of munitions.csv, with its description's source and its status; a missing citation or an unknown
   * status is a problem naming the row, the column and the value.
   */
  private static Munition munition(CatalogueFiles.CsvLine l, List<String> problems) {
    for (String column : List.of("source_url", "publisher", "source_title", "status", "status_source_url")) {
      if (l.cell(column) == null) {
        problems.add("munitions.csv row " + l.row() + " (" + l.cell("id") + "): " + column + " is empty; cite where"
            + " the description and the status come from");
      }
    }
    String grade = l.cell("source_grade");
    if (grade != null && SourceGrade.byName(grade).isEmpty()) {
      problems.add("munitions.csv row " + l.row() + " (" + l.cell("id") + "): source_grade '" + grade
          + "' is not one of " + SourceGrade.names());
    }
    String status = l.cell("status");
    if (status != null && !Munition.STATUSES.contains(status)) {
      problems.add("munitions.csv row " + l.row() + " (" + l.cell("id") + "): status '" + status + "' is not one of "
          + Munition.STATUSES);
      status = null;
    }
    Source source = l.cell("source_url") == null ? null : new Source(l.cell("source_url"), l.cell("publisher"),
        l.cell("source_title"), null, grade == null ? null : SourceGrade.byName(grade).orElse(null), null);
    Munition.Status made = status == null || l.cell("status_source_url") == null ? null
        : new Munition.Status(status, l.cell("status_as_of"), l.cell("status_source_url"));
    return new Munition(l.cell("id"), l.cell("name"), l.cell("family"), l.cell("category"), l.cell("unit"),
        l.cell("note"), source, made);
  }

  private static Catalogue bundledFiles() {
    List<Munition> munitions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (CatalogueFiles.CsvLine l : CatalogueFiles.read("munitions.csv")) {
      munitions.add(munition(l, problems));
    }
    if (!problems.isEmpty()) {
      throw new CatalogueException(problems);
    }
    Map<String, String> aliases = new LinkedHashMap<>();
    for (CatalogueFiles.CsvLine l : CatalogueFiles.read("aliases.csv")) {
      if (aliases.putIfAbsent(l.cell("alias"), l.cell("id")) != null) {
        throw new CatalogueException(List.of("aliases.csv row " + l.row() + ": alias '" + l.cell("alias")
            + "' appears twice"));
      }
    }
    List<Component> components = CatalogueFiles.read("components.csv").stream()
        .map(l -> new Component(l.cell("round_id"), l.cell("component_id"), Double.parseDouble(l.cell("per_round"))))
        .toList();
    Map<String, String> unresolved = new LinkedHashMap<>();
    for (CatalogueFiles.CsvLine l : CatalogueFiles.read("unresolved.csv")) {
      unresolved.put(l.cell("name"), l.cell("reason"));
    }
    return of(munitions, aliases, components, unresolved);
  }
}
