package org.quartermaster.engine.result;

import java.util.Optional;
import java.util.OptionalDouble;

/** Results for one (holder, item) cell; {@code monthsToTarget} is empty for a cell without a target. */
public record CellResult(
    String holder,
    String item,
    double initial,
    OptionalDouble target,
    ClosingStock closingStock,
    Optional<MonthsToTarget> monthsToTarget,
    Shortfall shortfall) {}
