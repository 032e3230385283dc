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
    return new Replace(datasetId);
  }

  /** Refuse the import, reporting the figures already stored. */
  record Refuse() implements Overlap {}

  /** Import anyway: both copies stay in the store. */
  record Allow() implements Overlap {}

  /** Remove this dataset (bundled or not) and import, in one transaction. */
  record Replace(int datasetId) implements Overlap {}
}
