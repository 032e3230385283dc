package org.quartermaster.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The bearer token of {@code qm serve} and of the commands that go through it: the first line of
 * {@code --token-file FILE} (trimmed) when given, else {@code $QM_TOKEN}. Never taken from the
 * command line, where every user of the machine sees it in {@code ps}.
 */
final class BearerToken {
  /** The shortest token a server accepts: shorter ones are guessed too easily. */
  static final int MIN_LENGTH = 16;
  static final String ENVIRONMENT = "QM_TOKEN";

  private BearerToken() {}

  /** The token from the file, else from the environment; null when neither gives one. */
  static String read(Path file, Map<String, String> environment) {
    if (file != null) {
      return firstLine(file);
    }
    String given = environment.get(ENVIRONMENT);
    return given == null || given.isBlank() ? null : given.strip();
  }

  /** The token a server will require: as {@link #read}, and at least {@value #MIN_LENGTH} characters. */
  static String forServer(Path file, Map<String, String> environment) {
    String token = read(file, environment);
    if (token != null && token.length() < MIN_LENGTH) {
      String from = file != null ? "the token in " + file : "the token in $" + ENVIRONMENT;
      throw new BadInputException(from + " is " + token.length() + " characters long; a token needs at least "
          + MIN_LENGTH + " (for example: openssl rand -hex 32)");
    }
    return token;
  }

  private static String firstLine(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("--token-file " + file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException("--token-file " + file + ": cannot read it: " + e.getMessage());
    }
    String token = lines.isEmpty() ? "" : lines.getFirst().strip();
    if (token.isEmpty()) {
      throw new BadInputException("--token-file " + file + ": the first line is empty; write the token on it");
    }
    return token;
  }
}
