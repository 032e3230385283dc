package org.quartermaster.app.munitions.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header of a built scenario: what it is, how to read its comments, what the build left out, and
 * the request itself as one line of JSON ({@value #PARAMETERS}), from which {@code qm scenario rebuild}
 * builds it again.
 */
final class BuildHeader {
  static final String PARAMETERS = "build-parameters: ";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private BuildHeader() {}

  static List<String> lines(ScenarioDraft draft, BuildRequest request) {
    List<String> lines = new ArrayList<>();
    lines.add(draft.munition().name() + " (" + draft.munition().id() + "), counted in " + draft.munition().unit()
        + ": a scenario built from the store by qm scenario build.");
    lines.add("Every number carries a comment: SOURCED (how it follows from the stored rows, each row as"
        + " [d<dataset>:r<row>] with its publisher, title, date, grade and URL; qm datasets show <dataset>),"
        + " ASSUMPTION (not in the store, with why; \"set by --assume\" when the user gave it) or SETTING"
        + " (the build's own parameters).");
    lines.add("No stockpile level is public: stocks, targets and demand are assumptions; set them with --assume"
        + " PATH=VALUE. Rates are per month (the store's per-year figures ÷ 12), kept to 4 decimals.");
    lines.add("");
    for (String note : draft.notes()) {
      lines.add("Note: " + note);
    }
    if (!draft.notes().isEmpty()) {
      lines.add("");
    }
    lines.add("build-command: " + command(request));
    lines.add(PARAMETERS + json(request));
    return lines;
  }

  /** The command line that builds this request. */
  static String command(BuildRequest r) {
    StringBuilder s = new StringBuilder("qm scenario build ").append(r.item()).append(" --holders ")
        .append(String.join(",", r.holders())).append(" --start ").append(r.start()).append(" --horizon ")
        .append(r.horizon()).append(" --rate-basis ").append(r.rateBasis());
    r.assume().forEach((path, value) -> s.append(" --assume '").append(path).append('=').append(value).append('\''));
    return s.toString();
  }

  /** The request a built scenario's header records, or empty when it has none (not a built scenario). */
  static Optional<BuildRequest> read(String yaml) {
    for (String line : yaml.split("\n")) {
      String t = line.strip();
      if (!t.startsWith("#")) {
        break;
      }
      String text = t.substring(1).strip();
      if (text.startsWith(PARAMETERS)) {
        try {
          return Optional.of(JSON.readValue(text.substring(PARAMETERS.length()), BuildRequest.class));
        } catch (JsonProcessingException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String json(BuildRequest request) {
    try {
      return JSON.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
