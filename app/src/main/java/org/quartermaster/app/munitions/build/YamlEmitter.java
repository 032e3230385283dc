package org.quartermaster.app.munitions.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a draft as SM-1 YAML with a comment on every number. Jackson's YAML writer cannot place
 * comments, so the layout (block style, two-space indents, a comment block above each key) is written
 * here, and every text scalar is quoted by Jackson's YAML writer ({@link #scalar}); numbers are written in
 * plain decimal notation ({@link Numbers#plain}), which YAML reads back as the same double.
 */
final class YamlEmitter {
  private static final int WIDTH = 110;
  private static final YAMLMapper QUOTING = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();

  private final StringBuilder out = new StringBuilder();
  private final Map<String, Figure> figures;

  private YamlEmitter(Map<String, Figure> figures) {
    this.figures = figures;
  }

  static String write(ScenarioDraft draft, List<String> header) {
    YamlEmitter y = new YamlEmitter(draft.figures());
    for (String line : header) {
      if (line.startsWith("build-")) {
        y.out.append("# ").append(line).append('\n'); // read back whole: never wrapped
      } else {
        y.comment("", line);
      }
    }
    y.text("", "name", draft.name());
    y.number("", "horizon_months", Paths.HORIZON);
    y.text("", "start", draft.start().toString());
    y.number("", "runs", Paths.RUNS);
    y.number("", "seed", Paths.SEED);
    String item = draft.munition().id();
    y.out.append("items:\n");
    y.text("  - ", "id", item);
    y.text("    ", "name", draft.munition().name());
    if (draft.munition().category() != null) {
      y.text("    ", "category", draft.munition().category());
    }
    y.out.append("holders:\n");
    draft.holders().forEach((id, name) -> {
      y.text("  - ", "id", id);
      y.text("    ", "name", name);
    });
    if (!draft.lines().isEmpty()) {
      y.out.append("lines:\n");
      for (ScenarioDraft.Line line : draft.lines()) {
        y.comment("  ", line.about());
        y.text("  - ", "id", line.id());
        y.text("    ", "item", item);
        for (String field : List.of("base_per_month", "surge_per_month", "ramp_start_month", "ramp_months")) {
          y.number("    ", field, Paths.line(line.id(), field));
        }
        y.out.append("    ramp_delay_months:\n");
        for (String field : List.of("min", "mode", "max")) {
          y.number("      ", field, Paths.line(line.id(), "ramp_delay_months." + field));
        }
        y.out.append("    disruption:\n");
        for (String field : List.of("probability", "cut")) {
          y.number("      ", field, Paths.line(line.id(), "disruption." + field));
        }
        y.out.append("    shares:\n");
        for (String holder : line.shareHolders()) {
          y.number("      ", holder, Paths.line(line.id(), "shares." + holder));
        }
      }
    }
    y.out.append("stocks:\n");
    for (String holder : draft.holders().keySet()) {
      y.text("  - ", "holder", holder);
      y.text("    ", "item", item);
      y.number("    ", "initial", Paths.stock(holder, item, "initial"));
      if (draft.figures().containsKey(Paths.stock(holder, item, "target"))) {
        y.number("    ", "target", Paths.stock(holder, item, "target"));
      } else {
        y.comment("    ", "no target: set one with --assume " + Paths.stock(holder, item, "target") + "=N");
      }
      y.out.append("    demand:\n");
      y.number("      - ", "from", Paths.stock(holder, item, "demand[0].from"));
      y.number("        ", "per_month", Paths.stock(holder, item, "demand[0].per_month"));
    }
    if (!draft.transfers().isEmpty()) {
      y.out.append("transfers:\n");
      for (int i = 0; i < draft.transfers().size(); i++) {
        ScenarioDraft.Transfer t = draft.transfers().get(i);
        y.text("  - ", "from", t.from());
        y.text("    ", "to", t.to());
        y.text("    ", "item", item);
        int month = (int) draft.figures().get(Paths.transfer(i, "month")).value();
        y.number("    ", "month", Paths.transfer(i, "month"), draft.start().plusMonths(month).toString());
        y.number("    ", "quantity", Paths.transfer(i, "quantity"));
      }
    }
    return y.out.toString();
  }

  /** {@code key: number}, under its provenance's comment; {@code prefix} is the indent (or {@code "  - "}). */
  private void number(String prefix, String key, String path) {
    number(prefix, key, path, null);
  }

  private void number(String prefix, String key, String path, String trailing) {
    Figure f = figures.get(path);
    if (f == null) {
      throw new IllegalStateException("no figure at " + path);
    }
    comment(prefix.replace("- ", ""), f.provenance().comment());
    out.append(prefix).append(scalar(key)).append(": ").append(Numbers.plain(f.value()))
        .append(trailing == null ? "" : "  # " + trailing).append('\n');
  }

  private void text(String prefix, String key, String value) {
    out.append(prefix).append(scalar(key)).append(": ").append(scalar(value)).append('\n');
  }

  /** A comment block, wrapped at {@value #WIDTH} characters; continuation lines are indented. */
  private void comment(String indent, String text) {
    String flat = text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
    if (flat.isEmpty()) {
      out.append(indent).append("#\n");
      return;
    }
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int room = Math.max(40, WIDTH - indent.length() - 4);
    for (String word : flat.split(" +")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > room) {
        lines.add(current.toString());
        current.setLength(0);
      }
      current.append(current.length() > 0 ? " " : "").append(word);
    }
    lines.add(current.toString());
    for (int i = 0; i < lines.size(); i++) {
      out.append(indent).append(i == 0 ? "# " : "#   ").append(lines.get(i)).append('\n');
    }
  }

  /** A text scalar as Jackson's YAML writer quotes it (plain when safe, else quoted). */
  static String scalar(String value) {
    try {
      return QUOTING.writeValueAsString(value).strip();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a YAML scalar", e);
    }
  }
}
