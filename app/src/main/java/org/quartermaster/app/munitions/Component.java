package org.quartermaster.app.munitions;

/**
 * One component a complete round needs ({@code components.csv}): a 155 mm round needs one projectile,
 * one charge set and one fuze, so the scarcest of them caps how many rounds can be completed.
 *
 * @param roundId     the complete round's munition id
 * @param componentId the component's munition id
 * @param perRound    how many of the component one round needs (more than 0)
 */
public record Component(String roundId, String componentId, double perRound) {
  public Component {
    if (!(perRound > 0)) {
      throw new IllegalArgumentException("per_round of " + componentId + " in " + roundId + " must be more than 0");
    }
  }
}
