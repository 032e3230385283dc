package org.quartermaster.app.cli;

/**
 * A command that shows its progress on stderr ({@link Progress}): {@link Main} tells it whether stderr
 * is a terminal before it runs.
 */
interface ReportsProgress {
  void errIsTerminal(boolean terminal);
}
