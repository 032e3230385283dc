package org.quartermaster.app.munitions.build;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.munitions.Munition;

/**
 * A built scenario before it is written: its shape (holders, lines and their share holders, stocks,
 * transfers) and its numbers by path, each with its provenance, in the order the YAML writes them.
 *
 * @param holders   holder id → name (or the id when it has none), in the order asked
 * @param figures   path → number; a path absent is a key the YAML leaves out (a stock without a target)
 * @param notes     what the build read and left out, for the YAML header
 */
record ScenarioDraft(String name, Munition munition, YearMonth start, Map<String, String> holders, List<Line> lines,
    List<Transfer> transfers, Map<String, Figure> figures, List<String> notes) {
  ScenarioDraft {
    holders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(holders));
    lines = List.copyOf(lines);
    transfers = List.copyOf(transfers);
    figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    notes = List.copyOf(notes);
  }

  /** A production line: its id, what it stands for (a comment) and the holders its shares name. */
  record Line(String id, String about, List<String> shareHolders) {
    Line {
      shareHolders = List.copyOf(shareHolders);
    }
  }

  /** A transfer; its month and quantity are {@code transfers[i].month} and {@code .quantity}. */
  record Transfer(String from, String to) {}

  int horizonMonths() {
    return (int) figures.get(Paths.HORIZON).value();
  }

  ScenarioDraft withFigures(Map<String, Figure> changed) {
    return new ScenarioDraft(name, munition, start, holders, lines, transfers, changed, notes);
  }
}
