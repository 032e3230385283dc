package org.quartermaster.app.importer;

/** The store has no dataset of this id. */
public final class NoSuchDatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int datasetId;

  public NoSuchDatasetException(int datasetId) {
    super("no dataset " + datasetId + " in the store");
    this.datasetId = datasetId;
  }

  public int datasetId() {
    return datasetId;
  }
}
