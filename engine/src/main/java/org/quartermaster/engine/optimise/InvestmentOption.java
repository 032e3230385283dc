package org.quartermaster.engine.optimise;

import java.util.List;
import org.quartermaster.engine.simulation.ScenarioPatch;

/**
 * One investment an optimisation may choose (docs/analysis.md "Optimisation").
 *
 * @param id          unique within the file
 * @param name        what it is, for people
 * @param group       at most one option of a group is chosen (defaults to the id)
 * @param cost        in the file's budget currency, ≥ 0
 * @param costBasis   where the cost comes from: {@code source: …} or {@code ASSUMPTION: …}
 * @param adds        amounts this option adds to values of the base scenario
 * @param offPatches  the patches that switch off what this option adds to the scenario (its lines'
 *                    capacities and its deliveries set to 0) when it is not chosen
 * @param effects     one line per effect, for reports
 */
public record InvestmentOption(String id, String name, String group, double cost, String costBasis,
    List<PathAdd> adds, List<ScenarioPatch> offPatches, List<String> effects) {
  public InvestmentOption {
    adds = List.copyOf(adds);
    offPatches = List.copyOf(offPatches);
    effects = List.copyOf(effects);
  }
}
