package org.quartermaster.engine.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.quartermaster.engine.model.Scenario;

/**
 * Reads an SM-1 scenario from YAML and validates it (MODEL.md "Validation"). Either the whole
 * scenario is valid and returned, or an {@link InvalidScenarioException} lists every problem.
 * Thread-safe.
 */
public final class ScenarioReader {

  private ScenarioReader() {}

  /** Reads and validates the scenario in {@code file}. */
  public static Scenario read(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw invalid(source, "no such file");
    } catch (IOException e) {
      throw invalid(source, "cannot read the file: " + e.getMessage());
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(source, "not UTF-8 text");
    }
    return parse(text, source);
  }

  /** Validates scenario text; {@code source} names it in messages (a file name, "upload"). */
  public static Scenario parse(String yaml, String source) {
    JsonNode root;
    try {
      root = YamlTree.read(yaml);
    } catch (JacksonException e) {
      throw invalid(source, describe(e));
    } catch (IOException e) {
      throw invalid(source, "not valid YAML: " + e.getMessage());
    }
    return validate(root, source);
  }

  /** Validates a scenario already parsed into a tree ({@link YamlTree}); the tree is not modified. */
  public static Scenario validate(JsonNode root, String source) {
    return new ScenarioValidator(source).validate(root);
  }

  private static InvalidScenarioException invalid(String source, String message) {
    return new InvalidScenarioException(source, List.of(new Problem(Problem.FILE, null, message)));
  }

  private static String describe(JacksonException e) {
    String what = e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    if (what != null && what.startsWith("Duplicate field")) {
      return "duplicate key " + what.substring("Duplicate field ".length()) + where
          + ": each key may appear once in a mapping";
    }
    String firstLine = what == null ? e.getClass().getSimpleName() : what.lines().findFirst().orElse(what);
    return "not valid YAML" + where + ": " + firstLine;
  }
}
