package org.quartermaster.app.importer;

/**
 * What an import does when the store already holds figures of the same series and release
 * ({@link SeriesKey}): refuse, naming them (the default), keep both ({@code --allow-duplicates}), or
 * remove the dataset that holds them in the import's own transaction ({@code --replace ID}).
 */
public sealed interface Overlap {
  Overlap REFUSE = new Refuse();
  Overlap ALLOW = new Allow();

  static Overlap replace(int datasetId) {
    return new Replace(datasetId, false);
  }

  /**
   * Replace this dataset and keep whatever else the store holds of the same figures: how a bundled
   * dataset is brought up to a new build's file beside the user's own imports of the same releases.
   */
  static Overlap replaceKeepingOthers(int datasetId) {
    return new Replace(datasetId, true);
  }

  /** Refuse the import, reporting the figures already stored. */
  record Refuse() implements Overlap {}

  /** Import anyway: both copies stay in the store. */
  record Allow() implements Overlap {}

  /**
   * Remove this dataset (bundled or not) and import, in one transaction; figures other datasets hold
   * too are refused unless {@code keepingOthers}.
   */
  record Replace(int datasetId, boolean keepingOthers) implements Overlap {}

  /** Whether figures other datasets hold too are refused. */
  default boolean refusesStoredFigures() {
    return this instanceof Refuse || this instanceof Replace r && !r.keepingOthers();
  }
}
