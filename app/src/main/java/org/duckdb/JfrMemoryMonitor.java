package org.duckdb;

/**
 * Quartermaster's stand-in for the DuckDB driver's class of this name, which the build leaves out of the
 * jar (app/pom.xml). The driver's own class registers a Java Flight Recorder periodic event as soon as
 * the driver loads, for a memory sample that a connection must ask for (the {@code
 * jdbc_jfr_memory_monitor} property, which qm never sets); registering starts Flight Recorder's
 * machinery, about a quarter of a second on every qm command. This one does nothing, with the same
 * methods: {@code DuckDbJfrStandInTest} checks them against the driver's class, so a driver upgrade that
 * changes them fails the build instead of failing at run time.
 */
final class JfrMemoryMonitor {
  private JfrMemoryMonitor() {
  }

  static void init() {
    // no Flight Recorder event: qm never asks for the memory sample
  }

  static void connectionOpened(DuckDBConnection connection) {
    // nothing was registered
  }

  static void connectionClosed(long database) {
    // nothing was registered
  }
}
