package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quartermaster.app.importer.ImportOption.Wording;

/** One message, each interface's words: the command line's options, the API's parameters, the Data page's fields. */
class ImportOptionTest {
  private static final String MESSAGE = "NATO tables do not say which release they are: pass "
      + ImportOption.VINTAGE.mark("YYYY-MM") + "; or " + ImportOption.REPLACE.mark(5) + ", or "
      + ImportOption.ALLOW_DUPLICATES.mark() + " (" + ImportOption.DATASETS.mark() + " lists them)";

  @Test
  void render_eachWording_namesTheOptionsItsOwnWay() {
    assertThat(Wording.CLI.render(MESSAGE)).isEqualTo("NATO tables do not say which release they are: pass"
        + " --vintage YYYY-MM; or --replace 5, or --allow-duplicates (qm datasets list lists them)");
    assertThat(Wording.API.render(MESSAGE)).isEqualTo("NATO tables do not say which release they are: pass"
        + " vintage=YYYY-MM; or replace=5, or allow_duplicates=true (GET /api/v1/datasets lists them)");
    assertThat(Wording.FORM.render(MESSAGE)).isEqualTo("NATO tables do not say which release they are: pass"
        + " the Vintage field (YYYY-MM); or the Replace dataset field (5), or the Keep duplicates box (the list of"
        + " datasets on this page lists them)");
  }

  @Test
  void problem_messageAndColumn_areTheCommandLinesWordsUnlessAskedOtherwise() {
    ImportProblem problem = new ImportProblem("f.csv", 0, ImportOption.VINTAGE.mark(), "2024", "is not a month");

    assertThat(problem.toString()).isEqualTo("f.csv:--vintage: '2024' — is not a month");
    assertThat(problem.column(Wording.API)).isEqualTo("vintage=");
    assertThat(Wording.CLI.render("no marks, $1 and \\\\ kept")).isEqualTo("no marks, $1 and \\\\ kept");
  }
}
