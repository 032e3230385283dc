package org.quartermaster.engine.result;

/**
 * A scheduled transfer and the quantity that could not be moved (mean and standard deviation over runs).
 *
 * @param index position in the scenario's {@code transfers} list
 */
public record TransferResult(
    int index, String from, String to, String item, int month, double quantity,
    double expectedShortfall, double stdShortfall) {}
