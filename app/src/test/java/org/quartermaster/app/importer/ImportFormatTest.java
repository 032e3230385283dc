package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.importer.tabular.Mappings;

/** The format registry and the places written by hand that must agree with it. */
class ImportFormatTest {

  private static Path doc(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs").resolve(name))) {
        return dir.resolve("docs").resolve(name);
      }
    }
    throw new IllegalStateException("no docs/" + name);
  }

  @Test
  void names_inOrder_areWhatFormatTakes() {
    assertThat(ImportFormat.names()).containsExactly("qm-csv", "csv", "xlsx", "nato", "owid", "sipri-transfers", "sweep");
    for (ImportFormat format : ImportFormat.values()) {
      assertThat(ImportFormat.byName(" " + format.cliName().toUpperCase() + " ")).contains(format);
      assertThat(format.label()).isNotBlank();
    }
  }

  @Test
  void importers_everyFormatOfRows_hasOne() {
    for (ImportFormat format : ImportFormat.values()) {
      if (format == ImportFormat.SWEEP) {
        continue; // sweep results are loaded whole by DuckDB from the file (SweepImports), not read row by row
      }
      assertThat(Importers.standard().forFormat(format)).as(format.cliName()).isPresent();
    }
  }

  /** docs/data.md's format table and docs/import-mappings.md's shipped mappings list every entry. */
  @Test
  void docs_formatTableAndShippedMappings_listEveryOne() throws IOException {
    String data = Files.readString(doc("data.md"));
    String mappings = Files.readString(doc("import-mappings.md"));

    for (String name : ImportFormat.names()) {
      assertThat(data).as("docs/data.md lists %s", name).containsPattern("\\| `[^|]*\\b" + name + "`");
    }
    for (String name : Mappings.shippedMappingNames()) {
      assertThat(mappings).as("docs/import-mappings.md lists %s", name).contains("| `" + name + "` |");
    }
  }
}
