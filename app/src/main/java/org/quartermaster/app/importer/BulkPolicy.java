package org.quartermaster.app.importer;

/** When an import of a generic CSV file tries the bulk path ({@code BulkCsvImport}) before the Java path. */
enum BulkPolicy {
  /** Never: the Java path only. */
  NEVER,
  /** Files of at least {@link #LARGE_FILE_BYTES}; smaller ones take the Java path, which is quick enough. */
  LARGE_FILES,
  /** Every file (tests). */
  ALWAYS,
  /** Every file, and a file the bulk path declines fails the import instead of falling back (tests). */
  REQUIRED;

  static final long LARGE_FILE_BYTES = 1 << 20;

  boolean tries(long fileBytes) {
    return switch (this) {
      case NEVER -> false;
      case LARGE_FILES -> fileBytes >= LARGE_FILE_BYTES;
      case ALWAYS, REQUIRED -> true;
    };
  }
}
