package org.quartermaster.app.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did (or, with --dry-run, would do).
 *
 * @param datasetId       the new dataset's id, the earlier identical import's id, or 0 for a dry run
 * @param alreadyImported the same file (by SHA-256) was imported before: nothing was written
 * @param rowsRead        data rows in the file
 * @param rowsWritten     rows written (or, in a dry run, that would be)
 * @param rejected        problems of the rows left out with --skip-bad-rows
 * @param rejectsFile     where those rows are listed, or null
 */
public record ImportReport(
    String file, ImportFormat format, Table table, int datasetId, boolean alreadyImported, boolean dryRun,
    int rowsRead, int rowsWritten, List<ImportProblem> rejected, Path rejectsFile) {}
