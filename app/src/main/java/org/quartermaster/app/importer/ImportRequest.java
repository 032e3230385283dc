package org.quartermaster.app.importer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code qm import}.
 *
 * @param format      the format, or null to detect it from the file
 * @param mapping     the YAML mapping for {@code csv} and {@code xlsx}, or null
 * @param sourceUrl   provenance for files that do not carry it, or null
 * @param vintage     the release month (YYYY-MM) for files that do not carry it, or null
 * @param skipBadRows write the good rows and a rejects CSV instead of refusing the whole file
 * @param dryRun      report what would be added, write nothing
 */
public record ImportRequest(
    Path file, ImportFormat format, Path mapping, String sourceUrl, String vintage, boolean skipBadRows,
    boolean dryRun) {
  public ImportRequest {
    Objects.requireNonNull(file, "file");
  }

  /** The file name used in messages. */
  public String fileName() {
    return file.toString();
  }
}
