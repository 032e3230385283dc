package org.quartermaster.engine.sensitivity;

import java.util.List;

/** What a sensitivity analysis found: the output it explains, the parameters' paths and the variants it ran. */
public sealed interface SensitivityResult permits TornadoResult, SobolResult, MorrisResult {
  SensitivityOutput output();

  /** The sweep's parameter paths, in the sweep file's order. */
  List<String> parameters();

  int variants();
}
