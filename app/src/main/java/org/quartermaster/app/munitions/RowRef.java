package org.quartermaster.app.munitions;

/** A stored row a figure came from: its dataset and its row in that dataset's file ({@code d3:r77}). */
record RowRef(int datasetId, int fileRow) implements Comparable<RowRef> {
  @Override
  public String toString() {
    return "d" + datasetId + ":r" + fileRow;
  }

  @Override
  public int compareTo(RowRef other) {
    return datasetId != other.datasetId ? Integer.compare(datasetId, other.datasetId)
        : Integer.compare(fileRow, other.fileRow);
  }

  static String join(java.util.Collection<RowRef> rows) {
    return String.join(" ", rows.stream().distinct().sorted().map(RowRef::toString).toList());
  }
}
