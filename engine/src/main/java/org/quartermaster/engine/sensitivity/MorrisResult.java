package org.quartermaster.engine.sensitivity;

import java.util.List;

/** Morris statistics of each parameter (in the sweep's parameter order), from r trajectories on a p-level grid. */
public record MorrisResult(SensitivityOutput output, List<String> parameters, List<ElementaryEffects> effects,
    int trajectories, int levels, int variants) implements SensitivityResult {
  public MorrisResult {
    parameters = List.copyOf(parameters);
    effects = List.copyOf(effects);
  }
}
