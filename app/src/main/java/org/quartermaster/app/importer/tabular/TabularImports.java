package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.quartermaster.app.importer.ImportOption;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.ImportRequest;

/** What the CSV and XLSX importers share before reading rows: finding the mapping. */
final class TabularImports {

  private TabularImports() {}

  /** The mapping {@code --mapping} names, or a {@link MappingException} with every problem. */
  static Mapping mapping(Path mappingOrName) throws IOException {
    MappingReader.Result result = Mappings.load(mappingOrName);
    if (result.mapping() == null) {
      throw new MappingException(result.problems());
    }
    return result.mapping();
  }

  /** The shipped mapping detected for a file given without {@code --mapping}, or a {@link MappingException}. */
  static Mapping shipped(ImportRequest request, Optional<String> detected) {
    return detected.flatMap(Mappings::shipped).orElseThrow(() -> new MappingException(List.of(new ImportProblem(
        request.fileName(), 0, null, null, "no mapping: give " + ImportOption.MAPPING.mark() + " with a YAML mapping file or the"
            + " name of a shipped mapping (" + String.join(", ", Mappings.shippedMappingNames()) + "); the file's header is "
            + "not one the shipped mappings know"))));
  }
}
