package org.quartermaster.app.munitions;

/**
 * A stored transfer figure of one munition.
 *
 * @param supplier  the supplying country's ISO code (or the supplier as written when it has none)
 * @param status    pledged or delivered
 * @param basis     cumulative (a running total up to {@code span}'s end) or period (new within {@code span})
 * @param span      for a running total, the stretch its date covers; for a window, the window
 * @param low       the quantity (the low end of a range)
 * @param high      the high end, else equal to {@code low}
 * @param publisher who produced the figure, or null
 * @param row       the row it came from
 */
record TransferFigure(String supplier, String status, String basis, Span span, double low, double high,
    String publisher, RowRef row) {
  boolean cumulative() {
    return "cumulative".equals(basis);
  }
}
