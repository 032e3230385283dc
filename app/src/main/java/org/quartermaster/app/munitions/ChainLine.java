package org.quartermaster.app.munitions;

import java.util.List;

/**
 * One figure of a munition's chain: in one year, for one country, how many were produced, transferred or
 * contracted, read from which series, how, and from which rows.
 *
 * @param measure      produced, transferred, contracted, backlog
 * @param series       which figures: {@code actual (step)}, {@code delivered, cumulative}, {@code award year} …
 * @param low          the quantity (the low end of a range), or null when the figures give none
 * @param high         the high end of a range, else equal to {@code low}
 * @param how          how it was computed, in words
 * @param rows         the stored rows it came from
 * @param extrapolated whether any of it rests on a rate held past its last observation
 */
record ChainLine(int year, String country, String measure, String series, Double low, Double high, String how,
    List<RowRef> rows, boolean extrapolated) {
  ChainLine {
    rows = List.copyOf(rows);
  }
}
