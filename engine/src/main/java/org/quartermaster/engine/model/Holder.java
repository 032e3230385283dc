package org.quartermaster.engine.model;

import java.util.Objects;

/**
 * Whoever holds stock: a country (ISO 3166 alpha-3 code) or a pool such as {@code NSPA}.
 *
 * @param id   slug, unique among holders
 * @param name display name; the id when the scenario gives none
 */
public record Holder(String id, String name) {
  public Holder {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
  }
}
