package org.quartermaster.engine.model;

import java.util.Objects;

/** One (holder, item) pair: the unit whose stock SM-1 tracks month by month. */
public record Cell(String holder, String item) {
  public Cell {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(item, "item");
  }
}
