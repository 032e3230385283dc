package org.quartermaster.engine.sensitivity;

import java.util.List;

/**
 * Sobol indices of each parameter (in the sweep's parameter order), from n base points
 * (n·(k + 2) variants), with {@code bootstrap} resamples and intervals at {@code confidence}; the
 * output's mean and variance over the A and B points, in its unit and its unit squared.
 */
public record SobolResult(SensitivityOutput output, List<String> parameters, List<SobolIndex> indices, int n,
    int bootstrap, double confidence, double mean, double variance, int variants) implements SensitivityResult {
  public SobolResult {
    parameters = List.copyOf(parameters);
    indices = List.copyOf(indices);
  }
}
