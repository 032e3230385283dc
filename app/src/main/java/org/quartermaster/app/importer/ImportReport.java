package org.quartermaster.app.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What an import did (or, with --dry-run, would do).
 *
 * @param datasetId       the new dataset's id, the earlier identical import's id, or 0 for a dry run
 * @param alreadyImported the same import (same bytes, format, mapping and vintage: {@link ImportIdentity})
 *                        was made before: nothing was written
 * @param rowsRead        data rows in the file
 * @param rowsWritten     rows written (or, in a dry run, that would be), in every table
 * @param transfersWritten of those, the rows a production file's rows of kind transferred wrote to the
 *                        transfers table (or would write)
 * @param rejected        problems of the rows left out with --skip-bad-rows (the first {@link Problems#KEPT})
 * @param rejectedRows    rows left out with --skip-bad-rows
 * @param rejectedProblems problems of those rows, those not kept in {@code rejected} included
 * @param rejectsFile     where those rows are listed, or null
 * @param unsourced       no row names a source URL (neither the file nor the import gave one): the
 *                        import is accepted, and the interfaces warn
 * @param replaced        the dataset removed in the same transaction ({@link Overlap.Replace}), or null
 */
public record ImportReport(
    String file, ImportFormat format, Table table, int datasetId, boolean alreadyImported, boolean dryRun,
    int rowsRead, int rowsWritten, int transfersWritten, List<ImportProblem> rejected, int rejectedRows, int rejectedProblems,
    Path rejectsFile, boolean unsourced, Datasets.Removed replaced) {

  public ImportReport {
    rejected = List.copyOf(rejected);
  }

  /** The table the rows went to, as the interfaces name it: spending … contracts, or sweeps. */
  public String tableName() {
    return format == ImportFormat.SWEEP ? SweepImports.TABLE : table.cliName();
  }

  /** The rows written to the file's own table: {@link #rowsWritten} less those stored as transfers. */
  public int rowsWrittenToTable() {
    return rowsWritten - transfersWritten;
  }

  /**
   * What follows "12 rows added to production" for a production file whose transferred rows went to the
   * transfers table: ", 2 to transfers"; nothing when none did.
   */
  public static String andTransfers(long transfers) {
    return transfers == 0 ? "" : String.format(Locale.ROOT, ", %,d to transfers", transfers);
  }

  /** An import made before: nothing written. */
  static ImportReport alreadyImported(String file, ImportFormat format, int earlierDatasetId) {
    return new ImportReport(file, format, null, earlierDatasetId, true, false, 0, 0, 0, List.of(), 0, 0, null, false,
        null);
  }
}
