package org.quartermaster.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import org.quartermaster.app.sweeps.SweepFiles;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepRow;

/**
 * Writes a sweep's rows as Parquet or CSV ({@link SweepFiles}: whole or not at all; one row per
 * variant × cell: {@code variant}, one DOUBLE column per parameter, {@code holder}, {@code item}, one
 * DOUBLE column per metric), a Parquet file with the sweep's {@link SweepMetadata}, so that
 * {@code qm import} recognises it.
 */
final class SweepTables {
  enum Format {
    PARQUET, CSV
  }

  private SweepTables() {}

  static void write(Sweep sweep, List<SweepRow> rows, Path out, Format format) throws IOException {
    try {
      SweepFiles.write(SweepMetadata.of(sweep, Version.number()), rows, out,
          format == Format.PARQUET ? SweepFiles.Format.PARQUET : SweepFiles.Format.CSV);
    } catch (AccessDeniedException e) {
      throw new BadInputException("--out " + out + ": permission denied");
    }
  }
}
