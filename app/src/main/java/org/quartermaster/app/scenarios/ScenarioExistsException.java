package org.quartermaster.app.scenarios;

/** A scenario was to be saved under an id a saved scenario already has. */
public final class ScenarioExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String id;

  public ScenarioExistsException(String id) {
    super("a saved scenario '" + id + "' exists already");
    this.id = id;
  }

  public String id() {
    return id;
  }
}
