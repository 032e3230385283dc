package org.quartermaster.app.api;

/**
 * One thing wrong with a request: where ({@code path}: a scenario path such as {@code stocks[0].quantity},
 * a query parameter or a body field), the value found (null when absent), and what is wrong.
 */
public record ApiProblem(String path, String value, String message) {}
