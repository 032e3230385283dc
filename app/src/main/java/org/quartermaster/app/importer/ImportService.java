package org.quartermaster.app.importer;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Citation;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.importer.sweep.SweepResultFile;
import org.quartermaster.app.importer.tabular.MappingException;
import org.quartermaster.app.munitions.TransferredProduction;
import org.quartermaster.app.store.RowWriter;
import org.quartermaster.app.store.Store;
import org.quartermaster.engine.sweep.SweepMetadata;

/**
 * Runs an import: detect the format, read and check every row, find duplicate keys, then write
 * everything in one transaction ({@link ImportTransaction}) — or nothing, reporting every problem.
 * Repeating an import (same bytes, format, mapping and vintage: {@link ImportIdentity}) is a no-op
 * that says so; figures already in the store for the same series and release are refused unless
 * allowed or replaced ({@link Overlap}); a file that adds no row is refused. With --skip-bad-rows the
 * good rows are written and the bad ones listed in a rejects CSV beside the input; with --dry-run
 * nothing is written. A large generic CSV file first tries the bulk path ({@link BulkImports}), which writes
 * the same rows several times faster, or declines and leaves the file to the Java path.
 */
public final class ImportService {
  private final Store store;
  private final Countries countries;
  private final Importers importers;
  private final BulkImports bulkImports;

  public ImportService(Store store, Countries countries, Importers importers) {
    this(store, countries, importers, BulkPolicy.LARGE_FILES);
  }

  ImportService(Store store, Countries countries, Importers importers, BulkPolicy bulkPolicy) {
    this.store = store;
    this.countries = countries;
    this.importers = importers;
    this.bulkImports = new BulkImports(store, countries, bulkPolicy);
  }

  public ImportReport run(ImportRequest request) {
    return run(request, Overlap.REFUSE);
  }

  public ImportReport run(ImportRequest request, Overlap overlap) {
    return run(request, overlap, false, request.fileName());
  }

  /**
   * An import with what to do about figures already in the store ({@code overlap}). The bundled
   * dataset's files are imported through here too, marked bundled, under their own names.
   */
  /**
   * How an import cites its rows: a file that carries its own citation keeps it, and the import's
   * {@code --publisher}, {@code --source-title}, {@code --grade} fill what it leaves out; a format that
   * implies its publisher (NATO's tables) is cited so, unless the user says otherwise.
   */
  private static java.util.function.UnaryOperator<Provenance> citing(ImportRequest request, ImportFormat format) {
    if (format.citation().isEmpty()) {
      return p -> p.citedAs(request.citation());
    }
    Citation given = request.citation();
    return p -> {
      Citation implied = format.citationFor(p.sourceUrl());
      // another publisher named by the user: nothing of the format's own citation applies
      boolean another = given.publisher() != null && !given.publisher().equalsIgnoreCase(implied.publisher());
      return p.citedBy(another ? given : given.orElse(implied));
    };
  }

  public ImportReport run(ImportRequest request, Overlap overlap, boolean bundled, String recordedName) {
    String file = request.fileName();
    try {
      ImportFormat format = format(request);
      ImportReport bulk = bulkImports.run(request, format, overlap, bundled, recordedName);
      if (bulk != null) {
        return bulk;
      }
      return write(check(request, format, countries, importers), overlap, bundled, recordedName);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * A file read and checked, not yet written: its rows (duplicates left out), its problems, or the
   * failure that stops it (a mapping that cannot be used). Made without the store ({@link #check}).
   */
  public record Checked(ImportRequest request, ImportFormat format, ImportIdentity identity, ParsedFile parsed,
      List<DataRow> rows, Problems problems, ImportFailedException failure) {

    /**
     * Throws what the import is refused with whatever the store holds: a mapping that cannot be used,
     * a problem with the whole file, or any problem without {@code --skip-bad-rows}.
     */
    public void refuseIfBad() {
      if (failure != null) {
        throw failure;
      }
      if (problems.anyInFile() || problems.count() > 0 && !request.skipBadRows()) {
        throw problems.failure();
      }
    }
  }

  /**
   * Reads and checks a file through the Java path, without the store: the slow part of an import
   * (parsing, resolving country names), which the server does before it takes the store for
   * {@link #write}, so that one upload's parsing never holds up another request.
   *
   * @throws ImportFailedException when the file cannot be read or its format not told
   */
  public static Checked check(ImportRequest request, Countries countries, Importers importers) {
    try {
      return check(request, format(request), countries, importers);
    } catch (IOException e) {
      throw unreadable(request.fileName(), e);
    }
  }

  /** Why a file cannot be read: from a row on ({@link UnreadableCsvException}), or at all. */
  private static ImportFailedException unreadable(String file, IOException e) {
    return e instanceof UnreadableCsvException at
        ? new ImportFailedException(List.of(new ImportProblem(file, at.row(), null, null, at.getMessage())))
        : failed(file, "cannot read the file: " + StorageFailures.reason(e));
  }

  private static ImportFormat format(ImportRequest request) throws IOException {
    String file = request.fileName();
    if (Files.isDirectory(request.file())) { // only a sweep on Spark's results are a folder
      if (request.format() != null && request.format() != ImportFormat.SWEEP
          || SweepResultFile.detect(request.file(), file).isEmpty()) {
        throw failed(file, "a folder: qm import reads a folder only as the results of qm sweep --spark (part files"
            + " with " + SweepMetadata.KEY + " metadata); give a file");
      }
      return ImportFormat.SWEEP;
    }
    if (!Files.isRegularFile(request.file())) {
      throw failed(file, Files.exists(request.file()) ? "not a regular file" : "no such file");
    }
    return request.format() != null ? request.format()
        : request.mapping() != null ? FormatDetector.generic(request.file())
        : FormatDetector.detect(request.file()).orElseThrow(() -> failed(file,
            "cannot tell the file's format; give " + ImportOption.FORMAT.mark() + " (" + formats() + ")"));
  }

  private static Checked check(ImportRequest request, ImportFormat format, Countries countries, Importers importers)
      throws IOException {
    String file = request.fileName();
    if (format == ImportFormat.SWEEP) {
      return SweepImports.check(request, ImportIdentity.of(request, format,
          ImportIdentity.sha256(SweepResultFile.parts(request.file()))));
    }
    Importer importer = importers.forFormat(format)
        .orElseThrow(() -> failed(file, "the " + format + " importer is not available in this version"));
    ImportIdentity identity = ImportIdentity.of(request, format, ImportIdentity.sha256(request.file()));
    ParsedFile parsed;
    try {
      parsed = importer.read(request, countries);
    } catch (MappingException e) {
      return new Checked(request, format, identity, null, List.of(), new Problems(file),
          new ImportFailedException(e.problems()));
    }
    Problems problems = Problems.of(file, parsed);
    List<DataRow> rows = DataRow.cited(withoutDuplicates(parsed.rows(), problems), citing(request, format));
    return new Checked(request, format, identity, parsed, rows, problems, null);
  }

  /**
   * Writes a checked file in one transaction, or refuses it with every problem; an import made before
   * (same identity) is a no-op that says so.
   */
  public ImportReport write(Checked checked, Overlap overlap, boolean bundled, String recordedName) {
    ImportRequest request = checked.request();
    ImportFormat format = checked.format();
    String file = request.fileName();
    Integer earlier = overlap instanceof Overlap.Replace ? null : checked.identity().earlier(store);
    if (earlier != null && !request.dryRun()) {
      return ImportReport.alreadyImported(file, format, earlier);
    }
    checked.refuseIfBad();
    if (format == ImportFormat.SWEEP) {
      return SweepImports.write(store, checked, overlap, bundled, recordedName);
    }
    ParsedFile parsed = checked.parsed();
    Problems problems = checked.problems();
    List<DataRow> rows = checked.rows();
    if (rows.isEmpty()) {
      List<ImportProblem> all = new ArrayList<>(problems.kept());
      all.addFirst(new ImportProblem(file, 0, null, null, noRows(parsed.rowsRead())));
      throw new ImportFailedException(all, problems.notKept());
    }
    Path rejects = problems.count() == 0 ? null : writeRejects(file, request.file(), problems); // also in a dry run
    if (request.dryRun()) {
      if (earlier == null) {
        ImportTransaction.rehearse(store, parsed.table(), rows, overlap, file);
      }
      return new ImportReport(file, format, parsed.table(), earlier == null ? 0 : earlier, earlier != null, true,
          parsed.rowsRead(), rows.size(), transfers(rows), problems.kept(), problems.badRowCount(), problems.count(), rejects, false,
          null);
    }
    Dataset dataset = new Dataset(recordedName, checked.identity(), parsed.table(), rows.size(), parsed.rowsRead(),
        request, bundled);
    ImportTransaction.Written written = store.write(Store.Table.data(), c -> {
      Datasets.Removed replaced = ImportTransaction.replace(c, overlap, file);
      int id = Dataset.nextId(c);
      RowWriter.append(c, parsed.table().storedName(), id, rows, ImportTempFiles.of(store).folder());
      return ImportTransaction.finish(c, id, dataset, overlap, file, replaced, "rows appended, not committed");
    });
    return new ImportReport(file, format, parsed.table(), written.datasetId(), false, false, parsed.rowsRead(),
        rows.size(), written.transfers(), problems.kept(), problems.badRowCount(), problems.count(), rejects, written.unsourced(),
        written.replaced());
  }

  /** How many of the rows are a production file's transfers, stored in the transfers table. */
  private static int transfers(List<DataRow> rows) {
    int transfers = 0;
    for (DataRow row : rows) {
      if (row instanceof ProductionRow p && TransferredProduction.isTransfer(p.kind())) {
        transfers++;
      }
    }
    return transfers;
  }

  /** Why an import that would add no row is refused. */
  static String noRows(int rowsRead) {
    return rowsRead == 0 ? "no data rows: nothing to import (no dataset recorded)"
        : "none of the " + rowsRead + " data rows can be imported: nothing to import (no dataset recorded)";
  }

  /**
   * Fault injection for the crash test: with the system property {@value #PAUSE_PROPERTY} set to a
   * path, the import writes that file (saying which path wrote the rows) once its rows are written
   * (not yet committed) and waits, so a test can kill the process at exactly that point.
   */
  static final String PAUSE_PROPERTY = "qm.test.pause-before-commit";

  static void pauseBeforeCommitIfAsked(String state) {
    String marker = System.getProperty(PAUSE_PROPERTY);
    if (marker == null) {
      return;
    }
    try {
      Files.writeString(Path.of(marker), state);
      Thread.sleep(120_000);
    } catch (IOException | InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static ImportFailedException failed(String file, String message) {
    return new ImportFailedException(List.of(new ImportProblem(file, 0, null, null, message)));
  }

  private static String formats() {
    return String.join(", ", java.util.Arrays.stream(ImportFormat.values()).map(ImportFormat::cliName).toList());
  }

  /** The rows minus those whose key an earlier row of the file already had; each such pair is a problem. */
  private static List<DataRow> withoutDuplicates(List<? extends DataRow> rows, Problems problems) {
    Map<String, DataRow> firstByKey = HashMap.newHashMap(rows.size()); // sized once: no rehashing a million keys
    List<DataRow> kept = new ArrayList<>(rows.size());
    for (DataRow row : rows) {
      if (row.key() == null) {
        kept.add(row);
        continue;
      }
      DataRow first = firstByKey.putIfAbsent(row.key(), row);
      if (first == null) {
        kept.add(row);
      } else {
        problems.at(row.fileRow(), null, null,
            "repeats row " + first.fileRow() + " (same key: " + row.key().replace('|', ' ') + ")");
      }
    }
    return kept;
  }

  /**
   * Lists the bad rows beside the input: every kept problem, then each other bad row (one whose
   * problems were only counted) with a line saying so.
   */
  private static Path writeRejects(String file, Path input, Problems problems) {
    Path rejects = input.resolveSibling(input.getFileName() + ".rejects.csv");
    Path temporary = input.resolveSibling("." + input.getFileName() + ".rejects." + System.nanoTime() + ".partial");
    try {
      try (Writer out = Files.newBufferedWriter(temporary)) {
        out.write("row,column,value,problem\n");
        Set<Integer> listed = new HashSet<>();
        for (ImportProblem p : problems.kept()) {
          out.write(p.row() + "," + csv(p.column()) + "," + csv(p.value()) + "," + csv(p.message()) + "\n");
          listed.add(p.row());
        }
        String notKept = csv("a bad row whose problems were not kept (the first " + Problems.KEPT + " are listed):"
            + " fix the rows above and import again to see them");
        for (int row : problems.badRows()) {
          if (!listed.contains(row)) {
            out.write(row + ",,," + notKept + "\n");
          }
        }
      }
      Files.move(temporary, rejects, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw failed(file, "cannot write the list of bad rows " + rejects.getFileName() + " beside the file: "
          + StorageFailures.reason(e) + ": nothing was imported; import a copy of the file from a folder you can"
          + " write to");
    }
    return rejects;
  }

  private static String csv(String text) {
    if (text == null) {
      return "";
    }
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
