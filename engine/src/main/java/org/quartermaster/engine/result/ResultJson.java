package org.quartermaster.engine.result;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * Writes a {@link SimulationResult} as result format v1 (MODEL.md), field names exactly as specified,
 * plus the extra fields the format allows: {@code engine}, {@code start}, per cell {@code initial} and
 * {@code target}, per line {@code item} and {@code std_delivered_total}, per transfer its
 * {@code from/to/item/month/quantity} and {@code std_shortfall}. The output holds no timing, so the
 * same result always gives the same bytes.
 */
public final class ResultJson {
  public static final String FORMAT = "result format v1";
  private static final JsonFactory FACTORY = new JsonFactory();

  private ResultJson() {}

  public static void write(SimulationResult result, OutputStream out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      writeResult(result, json);
    }
    out.write('\n');
  }

  public static String toJson(SimulationResult result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(result, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void writeResult(SimulationResult result, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("model", SimulationResult.MODEL);
    json.writeStringField("scenario", result.scenario());
    json.writeStringField("mode", result.mode().wireName());
    json.writeNumberField("runs", result.runs());
    json.writeFieldName("seed");
    if (result.seed().isPresent()) {
      json.writeNumber(result.seed().getAsLong());
    } else {
      json.writeNull();
    }
    json.writeNumberField("horizon_months", result.horizonMonths());
    json.writeFieldName("start");
    if (result.start().isPresent()) {
      json.writeString(result.start().get().toString());
    } else {
      json.writeNull();
    }
    json.writeStringField("engine", "quartermaster-java");
    json.writeArrayFieldStart("cells");
    for (CellResult cell : result.cells()) {
      writeCell(cell, json);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("lines");
    for (LineResult line : result.lines()) {
      json.writeStartObject();
      json.writeStringField("id", line.id());
      json.writeStringField("item", line.item());
      json.writeNumberField("expected_delivered_total", line.expectedDeliveredTotal());
      json.writeNumberField("std_delivered_total", line.stdDeliveredTotal());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("transfers");
    for (TransferResult transfer : result.transfers()) {
      json.writeStartObject();
      json.writeNumberField("index", transfer.index());
      json.writeNumberField("expected_shortfall", transfer.expectedShortfall());
      json.writeNumberField("std_shortfall", transfer.stdShortfall());
      json.writeStringField("from", transfer.from());
      json.writeStringField("to", transfer.to());
      json.writeStringField("item", transfer.item());
      json.writeNumberField("month", transfer.month());
      json.writeNumberField("quantity", transfer.quantity());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeCell(CellResult cell, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("holder", cell.holder());
    json.writeStringField("item", cell.item());
    json.writeNumberField("initial", cell.initial());
    json.writeFieldName("target");
    writeOptional(cell.target(), json);
    json.writeObjectFieldStart("closing_stock");
    writeArray("mean", cell.closingStock().mean(), json);
    writeArray("std", cell.closingStock().std(), json);
    writeArray("p5", cell.closingStock().p5(), json);
    writeArray("p50", cell.closingStock().p50(), json);
    writeArray("p95", cell.closingStock().p95(), json);
    json.writeEndObject();
    json.writeFieldName("months_to_target");
    if (cell.monthsToTarget().isPresent()) {
      MonthsToTarget months = cell.monthsToTarget().get();
      json.writeStartObject();
      json.writeNumberField("reached_probability", months.reachedProbability());
      json.writeFieldName("p50");
      writeOptional(months.p50(), json);
      json.writeFieldName("p90");
      writeOptional(months.p90(), json);
      writeArray("reached_by_month", months.reachedByMonth(), json);
      json.writeEndObject();
    } else {
      json.writeNull();
    }
    json.writeObjectFieldStart("shortfall");
    json.writeNumberField("expected_total", cell.shortfall().expectedTotal());
    json.writeNumberField("std_total", cell.shortfall().stdTotal());
    json.writeNumberField("probability_any", cell.shortfall().probabilityAny());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeArray(String name, double[] values, JsonGenerator json) throws IOException {
    json.writeFieldName(name);
    json.writeArray(values, 0, values.length);
  }

  /** Integral values (months) as integers, like the examples in MODEL.md; absent as null. */
  private static void writeOptional(OptionalDouble value, JsonGenerator json) throws IOException {
    if (value.isEmpty()) {
      json.writeNull();
    } else if (value.getAsDouble() == Math.rint(value.getAsDouble()) && Math.abs(value.getAsDouble()) < 0x1.0p53) {
      json.writeNumber((long) value.getAsDouble());
    } else {
      json.writeNumber(value.getAsDouble());
    }
  }
}
