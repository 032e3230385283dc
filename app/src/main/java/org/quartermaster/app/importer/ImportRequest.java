package org.quartermaster.app.importer;

import java.nio.file.Path;
import java.util.Objects;
import org.quartermaster.app.data.Citation;

/**
 * One {@code qm import}.
 *
 * @param format      the format, or null to detect it from the file
 * @param mapping     the YAML mapping for {@code csv} and {@code xlsx}, or null
 * @param sourceUrl   provenance for files that do not carry it, or null
 * @param vintage     the release month (YYYY-MM) for files that do not carry it, or null
 * @param skipBadRows write the good rows and a rejects CSV instead of refusing the whole file
 * @param dryRun      report what would be added, write nothing
 * @param citation    who produced the figures and how well they are cited ({@code --publisher},
 *                    {@code --source-title}, {@code --grade}), for rows whose file does not say
 */
public record ImportRequest(
    Path file, ImportFormat format, Path mapping, String sourceUrl, String vintage, boolean skipBadRows,
    boolean dryRun, Citation citation) {
  public ImportRequest {
    Objects.requireNonNull(file, "file");
    citation = citation == null ? Citation.NONE : citation;
  }

  /** An import told nothing of its citation. */
  public ImportRequest(Path file, ImportFormat format, Path mapping, String sourceUrl, String vintage,
      boolean skipBadRows, boolean dryRun) {
    this(file, format, mapping, sourceUrl, vintage, skipBadRows, dryRun, Citation.NONE);
  }

  /** The file name used in messages. */
  public String fileName() {
    return file.toString();
  }
}
