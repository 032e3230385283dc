package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.Munition;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * Users extend the munition catalogue by importing files with the columns of the bundled munitions.csv and
 * aliases.csv: every refusal names the file, row, column and value, says what to do, and leaves the store as
 * it was; accepted rows are seen by {@link Catalogue#of(Store)}.
 */
class CatalogueImportTest {
  private static final String HEADER = "id,name,family,category,unit,source_url\n";

  @TempDir Path dir;
  private Store store;
  private ImportService imports;

  @BeforeEach
  void open() {
    store = Store.inMemory();
    imports = new ImportService(store, Countries.standard(), Importers.standard());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ImportReport importFile(String name, String text) {
    return imports.run(new ImportRequest(ImportFixtures.write(dir, name, text), null, null, null, null, false, false));
  }

  /** The problems the import is refused with, the store checked to be as before. */
  private List<ImportProblem> refused(String name, String text) {
    Map<String, Object> before = StoreCounts.of(store);
    ImportFailedException e = (ImportFailedException) org.assertj.core.api.Assertions.catchThrowable(
        () -> importFile(name, text));
    assertThat(e).as("refused").isNotNull();
    assertThat(StoreCounts.of(store)).isEqualTo(before);
    return e.problems();
  }

  private static void problem(ImportProblem p, int row, String column, String value, String... fragments) {
    assertThat(p.file()).endsWith(".csv");
    assertThat(p.row()).as(p.toString()).isEqualTo(row);
    assertThat(p.column()).as(p.toString()).isEqualTo(column);
    assertThat(p.value()).as(p.toString()).isEqualTo(value);
    assertThat(p.message()).contains(fragments);
  }

  @Test
  void import_munitionsFile_isDetectedAndSeenByTheCatalogueOfTheStore() {
    ImportReport report = importFile("mine.csv", HEADER + "glide-1,GBU-39 glide bomb,GBU-39,missiles,bombs,"
        + "https://example.org/gbu\n");

    assertThat(report.format()).isEqualTo(ImportFormat.QM_CSV);
    assertThat(report.table()).isEqualTo(Table.MUNITIONS);
    Catalogue catalogue = Catalogue.of(store);
    assertThat(catalogue.munitionOf("GBU-39 Glide Bomb")).map(Munition::id).hasValue("glide-1");
    assertThat(catalogue.origin("glide-1")).hasValueSatisfying(o -> {
      assertThat(o.datasetId()).isEqualTo(report.datasetId());
      assertThat(o.row()).isEqualTo(2);
    });
    assertThat(catalogue.findMunition("glide-1").orElseThrow().source().url()).isEqualTo("https://example.org/gbu");
    assertThat(Catalogue.bundled().findMunition("glide-1")).isEmpty();
  }

  @Test
  void import_idOfTheBundledCatalogue_isRefusedNamingTheRowAndANewId() {
    List<ImportProblem> problems = refused("mine.csv", HEADER + "javelin,Javelin mk2,FGM-148,missiles,missiles,\n");

    assertThat(problems).hasSize(1);
    problem(problems.getFirst(), 2, "id", "javelin", "already a munition of the bundled catalogue",
        "give the row a new id, e.g. 'javelin-2'");
  }

  @Test
  void import_idImportedBefore_isRefusedNamingTheEarlierDataset() {
    int first = importFile("first.csv", HEADER + "glide-1,Glide bomb,GBU-39,missiles,bombs,\n").datasetId();

    List<ImportProblem> problems = refused("second.csv", HEADER + "glide-1,Another glide bomb,GBU-39,missiles,bombs,\n");

    problem(problems.getFirst(), 2, "id", "glide-1", "dataset " + first + " (", "first.csv row 2)", "'glide-1-2'");
  }

  @Test
  void import_nameOfAnotherMunition_isRefusedSuggestingAnAlias() {
    List<ImportProblem> problems = refused("mine.csv", HEADER + "atgm-1,FGM-148 Javelin,FGM-148,missiles,missiles,\n");

    problem(problems.getFirst(), 2, "name", "FGM-148 Javelin", "already names 'javelin' (bundled catalogue)",
        "import the name as an alias");
  }

  @Test
  void import_unknownCategory_isRefusedListingTheCategories() {
    List<ImportProblem> problems = refused("mine.csv", HEADER + "glide-1,Glide bomb,GBU-39,bombs,bombs,\n");

    problem(problems.getFirst(), 2, "category", "bombs", "not a category of the catalogue", "missiles");
  }

  @Test
  void import_calibreWrittenLoosely_isRefusedWithTheCatalogueSpelling() {
    List<ImportProblem> problems = refused("mine.csv", HEADER + "shell-105,105 mm round,105mm,artillery ammunition,"
        + "rounds,\n");

    problem(problems.getFirst(), 2, "family", "105mm", "write '105 mm'");
  }

  @Test
  void import_idNotLowerCaseLettersDigitsHyphens_isRefusedWithAnId() {
    List<ImportProblem> problems = refused("mine.csv", HEADER + "Glide_1,Glide bomb,GBU-39,missiles,bombs,\n");

    problem(problems.getFirst(), 2, "id", "Glide_1", "e.g. 'glide-1'");
  }

  @Test
  void import_unknownStatus_isRefusedWithTheStatuses() {
    List<ImportProblem> problems = refused("mine.csv", "id,name,family,category,unit,status,status_source_url\n"
        + "glide-1,Glide bomb,GBU-39,missiles,bombs,made,https://example.org/s\n");

    problem(problems.getFirst(), 2, "status", "made", "in production");
  }

  @Test
  void import_aliasOfAnUnknownId_isRefusedNamingTheValueAndTheClosestId() {
    List<ImportProblem> problems = refused("aliases.csv", "alias,id\nJavelin ATGM,javelinn\n");

    problem(problems.getFirst(), 2, "id", "javelinn", "not a munition of the catalogue", "did you mean 'javelin'?");
  }

  @Test
  void import_aliasNamingAnotherMunition_isRefused() {
    List<ImportProblem> problems = refused("aliases.csv", "alias,id\nstinger missiles,javelin\n");

    problem(problems.getFirst(), 2, "alias", "stinger missiles", "already names 'stinger'");
  }

  @Test
  void import_aliasOfANameUnresolvedOnPurpose_isRefusedWithTheReason() {
    List<ImportProblem> problems = refused("aliases.csv", "alias,id\nartillery shells,shell-155\n");

    problem(problems.getFirst(), 2, "alias", "artillery shells", "unresolved on purpose",
        "All calibres together");
  }

  @Test
  void import_everyProblemOfTheFile_isListed() {
    List<ImportProblem> problems = refused("aliases.csv", "alias,id\nJavelin ATGM,javelinn\nStinger,javelin\n"
        + "Javelin launcher unit,javelin\n");

    assertThat(problems).extracting(ImportProblem::row).containsExactly(2, 3);
  }

  @Test
  void import_badCellAndBundledId_areListedTogether() {
    List<ImportProblem> problems = refused("mine.csv", HEADER + "javelin,Javelin mk2,FGM-148,missiles,missiles,\n"
        + "shell-105,105 mm round,105mm,artillery ammunition,rounds,\n");

    assertThat(problems).extracting(ImportProblem::row, ImportProblem::column)
        .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(2, "id"),
            org.assertj.core.api.Assertions.tuple(3, "family"));
  }

  @Test
  void import_sameIdTwiceInAFile_isRefusedNamingTheEarlierRow() {
    List<ImportProblem> problems = refused("mine.csv", HEADER + "glide-1,Glide bomb,GBU-39,missiles,bombs,\n"
        + "glide-1,Glide bomb B,GBU-39,missiles,bombs,\n");

    assertThat(problems).singleElement().satisfies(p -> problem(p, 3, "id", "glide-1", "row 2 of the same file"));
  }

  @Test
  void import_aliasOfAnImportedMunition_resolvesTheName() {
    importFile("mine.csv", HEADER + "glide-1,Glide bomb,GBU-39,missiles,bombs,\n");

    importFile("aliases.csv", "alias,id\nGBU-39/B SDB,glide-1\nJavelin ATGM,javelin\n");

    Catalogue catalogue = Catalogue.of(store);
    assertThat(catalogue.munitionOf("gbu-39/b sdb")).map(Munition::id).hasValue("glide-1");
    assertThat(catalogue.munitionOf("Javelin ATGM")).map(Munition::id).hasValue("javelin");
    assertThat(catalogue.importedAliases("javelin")).singleElement().asString().startsWith("Javelin ATGM (dataset ");
  }

  @Test
  void import_dryRunOfABadAlias_isRefusedAsTheImportWouldBe() {
    Path file = ImportFixtures.write(dir, "aliases.csv", "alias,id\nJavelin ATGM,javelinn\n");

    assertThatThrownBy(() -> imports.run(new ImportRequest(file, null, null, null, null, false, true)))
        .isInstanceOf(ImportFailedException.class).hasMessageContaining("javelinn");
  }

  @Test
  void catalogueOf_aliasWhoseMunitionWasRemoved_isLeftOutAndSaidSo() {
    int munitions = importFile("mine.csv", HEADER + "glide-1,Glide bomb,GBU-39,missiles,bombs,\n").datasetId();
    importFile("aliases.csv", "alias,id\nGBU-39/B SDB,glide-1\n");

    Datasets.remove(store, munitions, false);

    Catalogue catalogue = Catalogue.of(store);
    assertThat(catalogue.munitionOf("GBU-39/B SDB")).isEmpty();
    assertThat(catalogue.leftOut()).singleElement().satisfies(p -> {
      assertThat(p.value()).isEqualTo("glide-1");
      assertThat(p.origin().row()).isEqualTo(2);
    });
  }

  @Test
  void mapping_naming_aCatalogueTable_isRefused() {
    Path mapping = ImportFixtures.write(dir, "m.yaml", "table: munitions\ncolumns: {id: id}\n");
    Path file = ImportFixtures.write(dir, "any.csv", "id\nx\n");

    assertThatThrownBy(() -> imports.run(new ImportRequest(file, null, mapping, null, null, false, false)))
        .isInstanceOf(ImportFailedException.class)
        .satisfies(e -> assertThat(((ImportFailedException) e).problems().toString()).contains("unknown table"));
  }
}
