package org.quartermaster.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example scenarios shipped in the jar ({@code examples/*.yaml} of the source tree, copied by the
 * build under {@value #FOLDER}), read once. The id of an example is its file name without
 * {@code .yaml}. Immutable after construction.
 */
final class ExampleScenarios {
  static final String FOLDER = "org/quartermaster/app/examples";

  /** One example: its id and its YAML text. */
  record Example(String id, String yaml) {}

  private final List<Example> examples;

  private ExampleScenarios(List<Example> examples) {
    this.examples = List.copyOf(examples);
  }

  static ExampleScenarios fromClasspath() {
    return fromClasspath(FOLDER);
  }

  /** The {@code *.yaml} files of a folder of the class path, by name; none when it is missing. */
  static ExampleScenarios fromClasspath(String classpathFolder) {
    URL folder = ExampleScenarios.class.getClassLoader().getResource(classpathFolder);
    if (folder == null) {
      return new ExampleScenarios(List.of());
    }
    try {
      URI uri = folder.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return new ExampleScenarios(read(fs.provider().getPath(uri)));
      }
      return new ExampleScenarios(read(Path.of(uri)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the example scenarios", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Example> read(Path folder) throws IOException {
    List<Example> examples = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml")) {
          try (InputStream in = Files.newInputStream(file)) {
            examples.add(new Example(name.substring(0, name.length() - ".yaml".length()),
                new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return examples;
  }

  List<Example> all() {
    return examples;
  }

  Optional<Example> find(String id) {
    return examples.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
