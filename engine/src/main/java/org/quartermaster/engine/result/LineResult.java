package org.quartermaster.engine.result;

/** What one production line delivered over the horizon: mean and sample standard deviation over runs. */
public record LineResult(String id, String item, double expectedDeliveredTotal, double stdDeliveredTotal) {}
