package org.quartermaster.engine.model;

import java.util.Objects;

/** A scheduled move of {@code quantity} (> 0) of an item between holders in month {@code month}. */
public record Transfer(String from, String to, String item, int month, double quantity) {
  public Transfer {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(item, "item");
  }
}
