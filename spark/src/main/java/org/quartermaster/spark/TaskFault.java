package org.quartermaster.spark;

import java.io.Serializable;

/**
 * A failure injected into a partition's task, just before its file is published, for tests of Spark's
 * task retry. Production runs use {@link #NONE}.
 */
@FunctionalInterface
interface TaskFault extends Serializable {
  TaskFault NONE = (partition, attempt) -> {};

  /**
   * Called on the executor once the partition's rows are in its temporary file.
   *
   * @param partition the partition id (0-based)
   * @param attempt   Spark's attempt number of this task (0 for the first)
   */
  void beforePublish(int partition, int attempt);
}
