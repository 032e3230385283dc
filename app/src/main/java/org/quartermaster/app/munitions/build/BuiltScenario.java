package org.quartermaster.app.munitions.build;

import java.util.List;
import org.quartermaster.app.munitions.Munition;

/**
 * A scenario built from the store: its YAML (valid SM-1, a comment on every number), its numbers with
 * their provenance, the request as recorded in its header, and what the build left out.
 */
public record BuiltScenario(Munition munition, String name, String yaml, List<Figure> figures, BuildRequest request,
    List<String> notes) {
  public BuiltScenario {
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
  }

  /** The numbers that are assumptions, in the YAML's order. */
  public List<Figure> assumptions() {
    return figures.stream().filter(f -> f.provenance() instanceof Provenance.Assumed).toList();
  }

  /** The numbers read from stored rows, in the YAML's order. */
  public List<Figure> sourced() {
    return figures.stream().filter(f -> f.provenance() instanceof Provenance.Sourced).toList();
  }
}
