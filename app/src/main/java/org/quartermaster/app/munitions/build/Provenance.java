package org.quartermaster.app.munitions.build;

import java.util.List;
import org.quartermaster.app.query.Source;

/**
 * Where a number of a built scenario comes from: stored rows (SOURCED), a labelled assumption with its
 * rationale (ASSUMPTION), or the build's own parameters (SETTING: horizon, runs, seed). The label is the
 * first word of the number's comment in the YAML.
 */
public sealed interface Provenance {
  /** The comment text, starting with its label. */
  String comment();

  /** A stored row and its source. @param row {@code d<dataset>:r<row>} */
  record Citation(String row, Source source) {}

  /** Read from stored rows: {@code how} says how the number follows from them. */
  record Sourced(String how, List<Citation> citations) implements Provenance {
    public Sourced {
      citations = List.copyOf(citations);
      if (citations.isEmpty()) {
        throw new IllegalArgumentException("a sourced number cites at least one row: " + how);
      }
    }

    @Override
    public String comment() {
      StringBuilder text = new StringBuilder("SOURCED: ").append(how).append('.');
      for (Citation c : citations) {
        text.append(" [").append(c.row()).append("] ")
            .append(c.source() == null ? "no source recorded" : c.source().describe()).append('.');
      }
      return text.toString();
    }

    /** The rows cited, in order. */
    public List<String> rows() {
      return citations.stream().map(Citation::row).distinct().toList();
    }
  }

  /** Not in the store: a labelled assumption; {@code setByUser} when {@code --assume} set it. */
  record Assumed(String rationale, boolean setByUser) implements Provenance {
    @Override
    public String comment() {
      return "ASSUMPTION: " + rationale + (setByUser ? " (set by --assume)" : "");
    }
  }

  /** A parameter of the build itself. */
  record Setting(String what) implements Provenance {
    @Override
    public String comment() {
      return "SETTING: " + what;
    }
  }
}
