package org.quartermaster.engine.sensitivity;

import java.util.List;

/**
 * A tornado: the output with every parameter as in the base scenario, and one bar per parameter,
 * widest swing first. {@code parameters} are the sweep's parameter paths, indexed by the bars.
 */
public record TornadoResult(SensitivityOutput output, List<String> parameters, double baseOutput,
    List<TornadoBar> bars, int variants) implements SensitivityResult {
  public TornadoResult {
    parameters = List.copyOf(parameters);
    bars = List.copyOf(bars);
  }
}
