package org.quartermaster.app.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/analysis/examples}: the example sweep and optimisation files ({@code examples/sweeps},
 * {@code examples/optimise}), read-only, ready to post: a base named as a sibling example file
 * ({@code base: ../us-155mm-shells.yaml}) becomes {@code saved: us-155mm-shells}, since the server reads
 * no file a request names. Each with its kind ({@code sweep}: for {@code POST /api/v1/sweeps} and
 * {@code /sensitivity}; {@code optimisation}: for {@code POST /api/v1/optimisations}).
 */
final class AnalysisExampleEndpoints {
  static final String PATH = "/api/v1/analysis/examples";
  private static final String FOLDER = "org/quartermaster/app/analysis-examples/";
  private static final Pattern BASE_EXAMPLE = Pattern.compile("(?m)^base:\\s*\\.\\./([A-Za-z0-9._-]+)\\.yaml\\s*$");

  /** One example file: id ({@code sweeps/155mm}), kind, and text. */
  record Example(String id, String kind, String yaml) {}

  private final List<Example> examples;

  private AnalysisExampleEndpoints(List<Example> examples) {
    this.examples = List.copyOf(examples);
  }

  static void register(JavalinConfig cfg) {
    List<Example> all = new ArrayList<>();
    for (String folder : List.of("sweeps", "optimise")) {
      for (ExampleScenarios.Example file : ExampleScenarios.fromClasspath(FOLDER + folder).all()) {
        all.add(new Example(folder + "/" + file.id(), folder.equals("sweeps") ? "sweep" : "optimisation",
            postable(file.yaml())));
      }
    }
    AnalysisExampleEndpoints e = new AnalysisExampleEndpoints(all);
    cfg.routes.get(PATH, e::list);
  }

  void list(Context ctx) {
    ctx.json(Map.of("examples", examples));
  }

  /** The file with {@code base: ../NAME.yaml} as {@code saved: NAME}; other text unchanged. */
  static String postable(String yaml) {
    return BASE_EXAMPLE.matcher(yaml).replaceAll("saved: $1");
  }
}
