package org.quartermaster.spark;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.sweep.SweepRow;

/**
 * Writes one partition's rows as a Parquet file with the columns of {@code qm sweep}'s results, in its
 * order: {@code variant} (INT32), one DOUBLE per parameter (named by its path), {@code holder} and
 * {@code item} (strings), one DOUBLE per metric, NULL where the metric does not exist; the same
 * physical and logical types as the file DuckDB writes for {@code qm sweep}. Every column is declared
 * optional (DuckDB declares a column required when that file happens to have no NULL in it), so that all
 * part files of a sweep have one schema. Each part carries the whole sweep's {@link SweepMetadata} as
 * key-value metadata, as {@code qm sweep}'s file does, so that {@code qm import} recognises the folder.
 */
final class PartitionFile {
  private PartitionFile() {}

  static MessageType schema(Sweep sweep) {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    schema.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, true)).named("variant");
    for (String column : sweep.parameterColumns()) {
      schema.optional(PrimitiveTypeName.DOUBLE).named(column);
    }
    schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("holder");
    schema.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("item");
    for (String column : sweep.metricColumns()) {
      schema.optional(PrimitiveTypeName.DOUBLE).named(column);
    }
    return schema.named("sweep");
  }

  /**
   * Writes {@code rows} to {@code file}, replacing it.
   *
   * @param metadata the sweep's {@link SweepMetadata} as JSON
   */
  static void write(Sweep sweep, List<SweepRow> rows, String metadata, Path file, Configuration hadoop)
      throws IOException {
    MessageType schema = schema(sweep);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    int parameters = sweep.parameterColumns().size();
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, hadoop))
        .withConf(hadoop).withType(schema).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withExtraMetaData(Map.of(SweepMetadata.KEY, metadata))
        .build()) {
      for (SweepRow row : rows) {
        Group group = groups.newGroup();
        group.add(0, row.variant());
        for (int p = 0; p < parameters; p++) {
          group.add(1 + p, row.parameterValues()[p]);
        }
        group.add(1 + parameters, row.holder());
        group.add(2 + parameters, row.item());
        double[] metrics = row.metrics();
        for (int m = 0; m < metrics.length; m++) {
          if (!Double.isNaN(metrics[m])) {
            group.add(3 + parameters + m, metrics[m]);
          }
        }
        writer.write(group);
      }
    }
  }
}
