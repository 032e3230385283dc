package org.quartermaster.app.importer;

/** A removal of a dataset shipped with Quartermaster that was not forced. */
public final class BundledDatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int datasetId;
  private final String file;

  public BundledDatasetException(int datasetId, String file) {
    super("dataset " + datasetId + " (" + file + ") is bundled with Quartermaster: removing it needs force");
    this.datasetId = datasetId;
    this.file = file;
  }

  public int datasetId() {
    return datasetId;
  }

  public String file() {
    return file;
  }
}
