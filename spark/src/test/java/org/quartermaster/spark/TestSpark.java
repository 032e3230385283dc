package org.quartermaster.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a test class: local, quiet, on the loopback address, no web UI. */
final class TestSpark {
  private TestSpark() {}

  /** @param master e.g. {@code local[2,3]}: two cores, a task tried up to three times */
  static SparkSession session(String master) {
    return SparkSession.builder().appName("quartermaster-test").master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
