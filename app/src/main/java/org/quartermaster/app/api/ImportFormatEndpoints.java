package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.tabular.Mappings;

/**
 * {@code GET /api/v1/import-formats}: what {@code format=} of {@code POST /api/v1/imports} takes, from
 * {@link ImportFormat} (the one list), as {@code {"formats": [{name, label}], "shipped_mappings": [name]}},
 * so the Data page never keeps its own copy. Stateless.
 */
final class ImportFormatEndpoints {
  static final String PATH = "/api/v1/import-formats";

  private ImportFormatEndpoints() {}

  /** One format: its {@code format=} name and what a person picks. */
  record Format(String name, String label) {}

  static void list(Context ctx) {
    List<Format> formats = Arrays.stream(ImportFormat.values()).map(f -> new Format(f.cliName(), f.label())).toList();
    ctx.json(Map.of("formats", formats, "shipped_mappings", Mappings.shippedMappingNames()));
  }
}
