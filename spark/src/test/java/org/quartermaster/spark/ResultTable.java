package org.quartermaster.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.quartermaster.engine.sweep.SweepRow;

/**
 * A sweep's results as comparable text: the columns with their Parquet types (physical and logical; not
 * whether a column is declared optional, which DuckDB decides per file from its data), and one line per row with
 * every double as its raw bits (so equal means equal to the last bit), sorted by variant, then file order.
 * Read from a Parquet file (as {@code qm sweep} writes it), a folder of {@code part-*.parquet} files (as
 * {@link SweepJob} writes it), or rows of the engine.
 */
record ResultTable(List<String> columns, List<String> rows) {

  static ResultTable read(Path fileOrFolder) throws IOException {
    List<Path> files;
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> listed = Files.list(fileOrFolder)) {
        files = listed.filter(p -> p.getFileName().toString().matches("part-\\d{5}\\.parquet")).sorted().toList();
      }
    } else {
      files = List.of(fileOrFolder);
    }
    List<String> columns = null;
    List<String> rows = new ArrayList<>();
    Configuration conf = new Configuration();
    for (Path file : files) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
      MessageType schema;
      try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
        schema = footer.getFooter().getFileMetaData().getSchema();
      }
      List<String> these = schema.getFields().stream().map(ResultTable::column).toList();
      if (columns != null && !columns.equals(these)) {
        throw new AssertionError(file + " has columns " + these + ", not " + columns);
      }
      columns = these;
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build()) {
        for (Group group = reader.read(); group != null; group = reader.read()) {
          rows.add(line(group, schema));
        }
      }
    }
    return new ResultTable(columns, sorted(rows));
  }

  /** A Parquet file's key-value metadata. */
  static java.util.Map<String, String> keyValueMetadata(Path file) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(path, new Configuration()))) {
      return footer.getFooter().getFileMetaData().getKeyValueMetaData();
    }
  }

  /** The rows the engine gives, rendered as a file's. */
  static List<String> lines(List<SweepRow> rows) {
    List<String> lines = new ArrayList<>();
    for (SweepRow row : rows) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%07d", row.variant()));
      for (double value : row.parameterValues()) {
        line.append(' ').append(bits(value));
      }
      line.append(' ').append(row.holder()).append(' ').append(row.item());
      for (double value : row.metrics()) {
        line.append(' ').append(Double.isNaN(value) ? "null" : bits(value));
      }
      lines.add(line.toString());
    }
    return sorted(lines);
  }

  private static String line(Group group, MessageType schema) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      if (i > 0) {
        line.append(' ');
      }
      if (group.getFieldRepetitionCount(i) == 0) {
        line.append("null");
        continue;
      }
      switch (schema.getType(i).asPrimitiveType().getPrimitiveTypeName()) {
        case INT32 -> line.append(String.format(Locale.ROOT, "%07d", group.getInteger(i, 0)));
        case DOUBLE -> line.append(bits(group.getDouble(i, 0)));
        case BINARY -> line.append(group.getString(i, 0));
        default -> throw new AssertionError("unexpected column type " + schema.getType(i));
      }
    }
    return line.toString();
  }

  private static String column(Type type) {
    return type.getName() + ": " + type.asPrimitiveType().getPrimitiveTypeName()
        + (type.getLogicalTypeAnnotation() == null ? "" : " " + type.getLogicalTypeAnnotation());
  }

  private static String bits(double value) {
    return Long.toHexString(Double.doubleToRawLongBits(value));
  }

  /** By variant (the first, zero-padded field); a stable sort keeps each variant's cells in file order. */
  private static List<String> sorted(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.sort(java.util.Comparator.comparing(line -> line.substring(0, line.indexOf(' '))));
    return out;
  }
}
