package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quartermaster.app.data.Citation;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.importer.ImportFailedException;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportReport;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.importer.Overlap;
import org.quartermaster.app.importer.StorageFailures;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm import}: load a file into the store, all or nothing, with its provenance. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a data file into the store, recording where it came from (file, SHA-256, format, time).",
      "All or nothing: a file with any bad row writes nothing and every problem is listed as",
      "file:row:column: 'value' - what is wrong. Importing the same file again (same format, mapping and",
      "vintage) does nothing. Figures already in the store for the same series and release are refused",
      "unless --replace or --allow-duplicates says what to do."
    })
final class ImportCommand implements Callable<Integer> {
  /** More would scroll the first ones away; the rejects file holds them all. */
  static final int MAX_PROBLEMS_SHOWN = 100;
  /** What an import that was made before has in common with it. */
  static final String SAME_IMPORT = "same SHA-256, format, mapping and vintage";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to import (CSV, XLSX, a qm sweep Parquet file), or the folder of a qm sweep --spark.")
  Path file;

  @Option(names = "--format", paramLabel = "F", completionCandidates = ImportFormat.Names.class,
      description = "${COMPLETION-CANDIDATES} (default: detected from the file).")
  String format;

  @Option(names = "--mapping", paramLabel = "M.yaml",
      description = "Which column is which field (default: none; a shipped mapping when the file is recognised):"
          + " a YAML file or a shipped mapping's name, for csv and xlsx; without --format, a workbook is then"
          + " read as xlsx and any other file as csv.")
  Path mapping;

  @Option(names = "--source-url", paramLabel = "URL",
      description = "Where the file comes from, for files whose rows do not say (default: none).")
  String sourceUrl;

  @Option(names = "--vintage", paramLabel = "YYYY-MM",
      description = "The release month of the file's source, for files whose rows do not say (default: none).")
  String vintage;

  @Option(names = "--publisher", paramLabel = "NAME",
      description = "Who produced the figures (NATO, Kiel Institute for the World Economy, SIPRI …), not the outlet"
          + " that reported them, for rows whose file does not say (default: the file's, or the format's).")
  String publisher;

  @Option(names = "--source-title", paramLabel = "TITLE",
      description = "The primary document behind the figures, for rows whose file does not say (default: none).")
  String sourceTitle;

  @Option(names = "--grade", paramLabel = "GRADE",
      description = "The grade of the source URL's citation: official, research, wire, press, relay, state-media or"
          + " forum, for rows whose file does not say (default: the file's, or the format's, else not graded).")
  String grade;

  @Option(names = "--skip-bad-rows",
      description = "Write the good rows and list the bad ones in FILE.rejects.csv beside the input (default: off:"
          + " a bad row stops the whole import).")
  boolean skipBadRows;

  @Option(names = "--replace", paramLabel = "DATASET_ID",
      description = "Remove that dataset (qm datasets list) and import, in one transaction: for a new copy of"
          + " figures already in the store (default: none).")
  Integer replace;

  @Option(names = "--allow-duplicates",
      description = "Import even when the store already holds figures of the same series and release, keeping both"
          + " (default: off: such an import is refused, naming them).")
  boolean allowDuplicates;

  @Option(names = "--dry-run", description = "Check the file and say what would be added; write nothing (default: off).")
  boolean dryRun;

  @Override
  public Integer call() {
    ImportFormat chosen = null;
    if (format != null) {
      chosen = ImportFormat.byName(format).orElseThrow(() -> new BadInputException("--format " + format
          + " is not a format; use one of " + String.join(", ", ImportFormat.names())));
    }
    if (vintage != null && !vintage.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      throw new BadInputException("--vintage " + vintage + " must be a release month written YYYY-MM, e.g. 2024-06");
    }
    if (replace != null && allowDuplicates) {
      throw new BadInputException("--replace and --allow-duplicates: give one (replace that dataset, or keep both)");
    }
    Overlap overlap = replace != null ? Overlap.replace(replace) : allowDuplicates ? Overlap.ALLOW : Overlap.REFUSE;
    SourceGrade sourceGrade = grade == null ? null : SourceGrade.byName(grade).orElseThrow(
        () -> new BadInputException("--grade " + grade + ": expected one of " + SourceGrade.names()));
    ImportRequest request = new ImportRequest(file, chosen, mapping, sourceUrl, vintage, skipBadRows, dryRun,
        new Citation(blankToNull(publisher), blankToNull(sourceTitle), sourceGrade));
    PrintWriter out = spec.commandLine().getOut();
    try (Store opened = store.open()) {
      ImportReport report = new ImportService(opened, Countries.standard(), Importers.standard()).run(request, overlap);
      print(report, opened, out);
      if (report.unsourced()) {
        spec.commandLine().getErr().println("qm: warning: " + file + ": no source URL (neither in the file nor"
            + " --source-url): dataset " + report.datasetId() + " is listed as unsourced");
      }
      return Main.OK;
    } catch (ImportFailedException e) {
      List<String> lines = new ArrayList<>();
      lines.add(String.format(Locale.ROOT, "%s: nothing imported, %,d problem%s:", file, e.total(),
          e.total() == 1 ? "" : "s"));
      e.problems().stream().limit(MAX_PROBLEMS_SHOWN).forEach(problem -> lines.add("  " + problem));
      if (e.total() > MAX_PROBLEMS_SHOWN) {
        lines.add("  " + e.more(MAX_PROBLEMS_SHOWN) + "; --skip-bad-rows --dry-run lists every bad row in "
            + file.getFileName() + ".rejects.csv without importing anything");
      }
      throw new BadInputException(lines);
    } catch (StoreException e) {
      throw StorageFailures.storeMessage(e, store.file().toString())
          .map(message -> new BadInputException(file + ": " + message)).orElseThrow(() -> e);
    }
  }

  private static void print(ImportReport report, Store store, PrintWriter out) {
    if (report.alreadyImported() && report.dryRun()) {
      out.printf(Locale.ROOT, "%s: already imported (dataset %d: %s): importing it again would do nothing%n",
          report.file(), report.datasetId(), SAME_IMPORT);
      return;
    }
    if (report.alreadyImported()) {
      out.printf(Locale.ROOT, "%s: already imported (dataset %d: %s): nothing to do%n", report.file(),
          report.datasetId(), SAME_IMPORT);
      return;
    }
    String table = report.tableName();
    if (report.dryRun()) {
      out.printf(Locale.ROOT, "%s (%s): dry run, nothing written: %,d of %,d rows would be added to %s%s%n",
          report.file(), report.format(), report.rowsWrittenToTable(), report.rowsRead(), table,
          ImportReport.andTransfers(report.transfersWritten()));
    } else {
      if (report.replaced() != null) {
        out.printf(Locale.ROOT, "dataset %d (%s, %,d rows) removed%n", report.replaced().datasetId(),
            report.replaced().file(), report.replaced().rows());
      }
      out.printf(Locale.ROOT, "%s (%s): %,d rows added to %s%s as dataset %d (store %s)%n", report.file(),
          report.format(), report.rowsWrittenToTable(), table, ImportReport.andTransfers(report.transfersWritten()),
          report.datasetId(), store.location());
    }
    if (report.rejectedProblems() > 0) {
      out.printf(Locale.ROOT, "%,d bad rows left out (%,d problems)%s%n", report.rejectedRows(), report.rejectedProblems(),
          report.rejectsFile() == null ? "" : ", listed in " + report.rejectsFile());
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
