package org.quartermaster.engine.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Something that is produced, held and consumed (MODEL.md "item").
 *
 * @param id          slug, unique among items
 * @param name        display name; the id when the scenario gives none
 * @param category    free text, or {@code null}
 * @param unitCostUsd cost of one unit in US dollars (≥ 0), when known
 */
public record Item(String id, String name, String category, OptionalDouble unitCostUsd) {
  public Item {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    Objects.requireNonNull(unitCostUsd, "unitCostUsd");
  }
}
