package org.quartermaster.spark;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The folder a Spark sweep writes: {@code _sweep.json} (the manifest: which sweep, which partition layout),
 * one {@code part-NNNNN.parquet} per partition, each published by renaming a finished temporary file
 * (a hidden {@code .part-NNNNN.parquet.ATTEMPT.tmp}), and {@code _SUCCESS} once every partition is there.
 * A file that is there is complete, so a rerun into the same folder runs only the missing partitions, and
 * only for the same sweep and layout. Any Hadoop file system (local, HDFS, S3A; on S3 a rename is a copy,
 * still whole or absent for readers).
 */
final class OutputFolder {
  static final String MANIFEST = "_sweep.json";
  static final String SUCCESS = "_SUCCESS";
  static final String FORMAT = "quartermaster-spark-sweep/1";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** What the manifest records; a resumed sweep must have the same {@code sweepSha256}. */
  record Manifest(String format, @JsonProperty("sweep_file") String sweepFile,
      @JsonProperty("sweep_sha256") String sweepSha256, int variants, int partitions, int cells, int runs, long seed,
      List<String> columns) {}

  private final Path folder;
  private final FileSystem files;

  OutputFolder(String folder, Configuration hadoop) throws IOException {
    Path path = new Path(folder);
    this.files = path.getFileSystem(hadoop);
    this.folder = files.makeQualified(path);
  }

  /** The folder, fully qualified (scheme and absolute path), as executors are told it. */
  String uri() {
    return folder.toString();
  }

  static String partName(int partition) {
    return String.format(Locale.ROOT, "part-%05d.parquet", partition);
  }

  /**
   * Prepares the folder for {@code wanted}: creates it with its manifest, or checks that the manifest it
   * has is for the same sweep. Returns the layout to use: the manifest's when resuming.
   *
   * @param partitionsAsked the partitions asked for on the command line, or null
   * @throws BadInputException when the folder holds something else, another sweep or another layout
   */
  PartitionLayout prepare(Manifest wanted, Integer partitionsAsked) throws IOException {
    Path manifest = new Path(folder, MANIFEST);
    if (files.exists(manifest)) {
      Manifest found;
      try (InputStream in = files.open(manifest)) {
        found = JSON.readValue(in, Manifest.class);
      }
      if (!FORMAT.equals(found.format()) || !wanted.sweepSha256().equals(found.sweepSha256())) {
        throw new BadInputException(List.of("--out " + folder + " holds the results of another sweep ("
            + found.sweepFile() + ", SHA-256 " + found.sweepSha256() + "), not of " + wanted.sweepFile() + " ("
            + wanted.sweepSha256() + ")", "give a new --out folder, or delete this one to start again"));
      }
      if (partitionsAsked != null && partitionsAsked != found.partitions()) {
        throw new BadInputException("--out " + folder + " was written with " + found.partitions()
            + " partitions; resume it with --partitions " + found.partitions() + " (or without --partitions),"
            + " or give a new --out folder");
      }
      return new PartitionLayout(found.variants(), found.partitions());
    }
    if (files.exists(folder) && files.listStatus(folder).length > 0) {
      throw new BadInputException("--out " + folder + " exists and is not a sweep's output (no " + MANIFEST
          + "); give a new or empty folder");
    }
    files.mkdirs(folder);
    Path temporary = new Path(folder, "." + MANIFEST + ".tmp");
    try (OutputStream out = files.create(temporary, true)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, wanted);
    }
    publish(files, temporary, manifest);
    return new PartitionLayout(wanted.variants(), wanted.partitions());
  }

  /** The partitions whose file is not there yet, in order. */
  List<Integer> missing(PartitionLayout layout) throws IOException {
    List<Integer> missing = new ArrayList<>();
    for (int k = 0; k < layout.partitions(); k++) {
      if (!files.exists(new Path(folder, partName(k)))) {
        missing.add(k);
      }
    }
    return missing;
  }

  /** Removes what failed attempts left behind and marks the output complete. */
  void finish() throws IOException {
    for (FileStatus status : files.listStatus(folder)) {
      String name = status.getPath().getName();
      if (name.startsWith(".part-") && name.endsWith(".tmp") || name.startsWith("..part-")) {
        files.delete(status.getPath(), false);
      }
    }
    files.create(new Path(folder, SUCCESS), true).close();
  }

  /**
   * Renames a finished temporary file to its final name. When another attempt of the same task published
   * first, its file has the same rows, and this one is dropped.
   */
  static void publish(FileSystem files, Path temporary, Path target) throws IOException {
    if (!files.rename(temporary, target)) {
      if (!files.exists(target)) {
        throw new IOException("cannot rename " + temporary + " to " + target);
      }
      files.delete(temporary, false);
    }
  }
}
