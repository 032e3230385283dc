package org.quartermaster.app.cli;

import org.quartermaster.app.data.SourceGrade;
import picocli.CommandLine.Option;

/** {@code --min-grade G}, on every query of sourced figures: only figures cited at grade G or better. */
final class MinGradeOption {
  @Option(names = "--min-grade", paramLabel = "GRADE",
      description = "Only figures whose citation is graded GRADE or better: official, research, wire, press, relay,"
          + " state-media or forum, best first (default: every figure, each with its grade shown).")
  String minGrade;

  /** The grade asked for, or null. */
  SourceGrade grade() {
    if (minGrade == null) {
      return null;
    }
    return SourceGrade.byName(minGrade).orElseThrow(() -> new BadInputException(
        "--min-grade " + minGrade + ": expected one of " + SourceGrade.names()));
  }
}
