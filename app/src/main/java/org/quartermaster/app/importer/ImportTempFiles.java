package org.quartermaster.app.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.quartermaster.app.store.Store;

/**
 * Where an import's temporary files go: uploads received by the server, the CSV the rows are staged
 * in ({@link org.quartermaster.app.store.RowWriter}), copies of the bundled files. For a store in a
 * file that is one folder beside it, {@code <store file>.import-tmp} (not {@code <store file>.tmp},
 * which DuckDB itself uses), made on first use; for a store in memory, {@code java.io.tmpdir}. Each
 * file or folder is deleted when its import ends, failed or not; a process killed during an import
 * leaves them behind, and {@link #removeLeftovers} removes them the next time the store is opened
 * read-write (DuckDB's lock on the store file means no other process is importing into it then).
 */
public final class ImportTempFiles {
  /** What is added to the store file's name to name the folder. */
  public static final String FOLDER_SUFFIX = ".import-tmp";
  private static final String MEMORY = ":memory:";

  private final Path folder;
  private final boolean own;

  private ImportTempFiles(Path folder, boolean own) {
    this.folder = folder;
    this.own = own;
  }

  /** The temporary files of imports into {@code store}. */
  public static ImportTempFiles of(Store store) {
    return at(store.location());
  }

  /** The temporary files of imports into the store at {@code location} ({@link Store#location}). */
  public static ImportTempFiles at(String location) {
    return location == null || location.equals(MEMORY) ? inTmpdir()
        : new ImportTempFiles(folderOf(Path.of(location)), true);
  }

  /** Temporary files in {@code java.io.tmpdir}, for a store in memory or one not known yet. */
  public static ImportTempFiles inTmpdir() {
    return new ImportTempFiles(Path.of(System.getProperty("java.io.tmpdir")), false);
  }

  /** The folder of the temporary files of imports into the store in {@code storeFile}. */
  public static Path folderOf(Path storeFile) {
    return Path.of(storeFile + FOLDER_SUFFIX);
  }

  /**
   * Removes what imports into the store in {@code storeFile} left behind (the process was killed
   * during an import): the folder {@link #folderOf} and everything in it. Call it right after the
   * store was opened read-write, before any import: DuckDB's lock on the store file guarantees that
   * no other process is importing into it. Symbolic links are removed, never followed.
   *
   * @return the files and folders removed (the folder itself not counted)
   * @throws UncheckedIOException naming the file that cannot be removed
   */
  public static int removeLeftovers(Path storeFile) {
    Path folder = folderOf(storeFile);
    if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    int[] removed = {0};
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          Files.deleteIfExists(file);
          removed[0]++;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
          if (failed != null) {
            throw failed;
          }
          Files.deleteIfExists(dir);
          removed[0] += dir.equals(folder) ? 0 : 1;
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (NoSuchFileException e) {
      // gone already
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the temporary files imports left in " + folder + ": "
          + e.getMessage() + " (remove the folder by hand)", e);
    }
    return removed[0];
  }

  /** The folder, made (readable by the owner only, where the file system has permissions) when missing. */
  public Path folder() {
    if (own && !Files.isDirectory(folder)) {
      try {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(folder);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the folder for temporary import files " + folder + ": "
            + e.getMessage(), e);
      }
    }
    return folder;
  }

  /** A new empty folder named {@code prefix} and a random part, in {@link #folder}. */
  public Path newFolder(String prefix) {
    try {
      return Files.createTempDirectory(folder(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes a temporary folder and the files in it (no deeper), or a temporary file; a failure is
   * left for {@link #removeLeftovers} to retry rather than hiding the outcome of the import.
   */
  public static void delete(Path fileOrFolder) {
    if (fileOrFolder == null) {
      return;
    }
    try {
      if (Files.isDirectory(fileOrFolder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (var files = Files.list(fileOrFolder)) {
          for (Path file : files.toList()) {
            Files.deleteIfExists(file);
          }
        }
      }
      Files.deleteIfExists(fileOrFolder);
    } catch (IOException e) {
      fileOrFolder.toFile().deleteOnExit();
    }
  }
}
