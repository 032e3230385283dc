package org.quartermaster.engine.result;

/** How a simulation treats random quantities (MODEL.md): sampled, or replaced by their expectations. */
public enum Mode {
  STOCHASTIC,
  DETERMINISTIC;

  /** The name used in result format v1: {@code stochastic} or {@code deterministic}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
