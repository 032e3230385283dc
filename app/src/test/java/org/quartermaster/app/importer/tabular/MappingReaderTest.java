package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.importer.tabular.Mapping.ColumnRef;
import org.quartermaster.app.importer.tabular.Mapping.Layout;

class MappingReaderTest {

  private static List<ImportProblem> problems(String yaml) {
    MappingReader.Result result = MappingReader.read(yaml, "m.yaml");
    assertThat(result.mapping()).as("no mapping when there are problems").isNull();
    return result.problems();
  }

  @Test
  void read_longMapping_givesColumnsConstantsAndDefaults() {
    MappingReader.Result result = MappingReader.read("""
        table: spending
        columns: {country: Land, year: 2, pct_gdp: C}
        constants: {source: sipri, vintage: 2026-02}
        missing_values: [xxx]
        """, "m.yaml");

    assertThat(result.problems()).isEmpty();
    Mapping mapping = result.mapping();
    assertThat(mapping.table()).isEqualTo(Table.SPENDING);
    assertThat(mapping.columns()).containsExactlyInAnyOrderEntriesOf(Map.of("country", new ColumnRef("Land", 0),
        "year", new ColumnRef("2", 2), "pct_gdp", new ColumnRef("C", 3)));
    assertThat(mapping.constants()).containsExactlyInAnyOrderEntriesOf(Map.of("source", "sipri", "vintage", "2026-02"));
    assertThat(mapping.layout()).isEqualTo(new Layout.Long());
    assertThat(mapping.headerRow()).isNull();
    assertThat(mapping.sheet()).isNull();
    assertThat(mapping.missingValues()).containsExactly("xxx");
  }

  @Test
  void read_dateFromYearAndMonthColumns_givesDateColumns() {
    MappingReader.Result result = MappingReader.read("""
        table: aid
        columns: {donor: giver, date: {year: aar, month: maaned}, amount: verdi}
        other_columns: [er_eu_medlem]
        constants: {recipient: Ukraine, category: financial, measure: disbursement, currency: EUR, unit: billion}
        """, "m.yaml");

    assertThat(result.problems()).isEmpty();
    assertThat(result.mapping().dateColumns()).containsExactly(Map.entry("date",
        new Mapping.DateColumns(new ColumnRef("aar", 0), new ColumnRef("maaned", 0))));
    assertThat(result.mapping().columns()).doesNotContainKey("date");
    assertThat(result.mapping().otherColumns()).containsExactly(new ColumnRef("er_eu_medlem", 0));
  }

  @Test
  void read_badDateFromColumns_reportsEachProblemWithItsPath() {
    List<ImportProblem> problems = problems("""
        table: aid
        columns: {donor: giver, date: {year: aar, day: dag}, amount: {year: aar, month: maaned}}
        constants: {recipient: Ukraine, category: financial, measure: disbursement, currency: EUR, unit: billion}
        """);

    assertThat(problems).extracting(ImportProblem::column, ImportProblem::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("columns.date.day",
            "unknown key; a date from columns has year and month, e.g. {year: aar, month: maaned}"),
        org.assertj.core.groups.Tuple.tuple("columns.date.month",
            "the month column is required, e.g. {year: aar, month: maaned}"),
        org.assertj.core.groups.Tuple.tuple("columns.amount", "only a date or month field can be built from a year "
            + "and a month column; amount is read from one column"));
  }

  @Test
  void read_wideMapping_givesKeyAndValueFields() {
    MappingReader.Result result = MappingReader.read("""
        table: spending
        layout: wide
        columns: {country: Country}
        wide: {id_columns: [Country], value_field: pct_gdp, key_field: year}
        constants: {source: nato}
        sheet: Data
        header_row: 3
        """, "m.yaml");

    assertThat(result.problems()).isEmpty();
    assertThat(result.mapping().layout()).isEqualTo(new Layout.Wide(List.of(new ColumnRef("Country", 0)), List.of(),
        "pct_gdp", List.of("year"), null));
    assertThat(result.mapping().sheet()).isEqualTo("Data");
    assertThat(result.mapping().headerRow()).isEqualTo(3);
  }

  @Test
  void read_unknownField_namesPathAndClosestField() {
    List<ImportProblem> problems = problems("""
        table: aid
        columns: {donor: giver, category: kategori, measure: maal, ammount: verdi_eur}
        constants: {currency: EUR, unit: unit, recipient: Ukraine, amount: 1}
        """);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("m.yaml");
      assertThat(p.column()).isEqualTo("columns.ammount");
      assertThat(p.value()).isEqualTo("ammount");
      assertThat(p.message()).contains("unknown field for table aid; did you mean 'amount'?");
    });
  }

  @Test
  void read_unknownTable_namesClosestTable() {
    assertThat(problems("table: spendings\ncolumns: {country: a}\n")).singleElement().satisfies(p -> {
      assertThat(p.column()).isEqualTo("table");
      assertThat(p.value()).isEqualTo("spendings");
      assertThat(p.message()).contains("unknown table; did you mean 'spending'?");
    });
  }

  @Test
  void read_missingRequiredFields_reportsEachAtItsColumnsPath() {
    List<ImportProblem> problems = problems("""
        table: aid
        columns: {donor: giver, category: kategori, measure: maal}
        constants: {currency: EUR, recipient: Ukraine}
        """);

    assertThat(problems).extracting(ImportProblem::column).containsExactly("columns.amount", "columns.unit");
    assertThat(problems.getFirst().message())
        .isEqualTo("amount is required for table aid: map it to a column here or give it in constants");
  }

  @Test
  void read_spendingWithoutValueField_asksForPctGdpOrAmount() {
    assertThat(problems("table: spending\ncolumns: {country: a, year: b}\nconstants: {source: x}\n"))
        .singleElement().satisfies(p -> {
          assertThat(p.column()).isEqualTo("columns.pct_gdp");
          assertThat(p.message()).startsWith("pct_gdp or amount is required for table spending");
        });
  }

  @Test
  void read_fieldMappedAndConstant_reportsTheConstant() {
    assertThat(problems("table: spending\ncolumns: {country: a, year: b, pct_gdp: c, source: d}\n"
        + "constants: {source: nato}\n"))
        .singleElement().satisfies(p -> {
          assertThat(p.column()).isEqualTo("constants.source");
          assertThat(p.message()).contains("also mapped in columns");
        });
  }

  @Test
  void read_constantsOfTheWrongType_reportEachWithItsValue() {
    List<ImportProblem> problems = problems("""
        table: spending
        columns: {year: b, pct_gdp: c}
        constants: {country: Germny, source: nato, vintage_month: June 2024, as_of: 17.06.2024}
        """);

    assertThat(problems).extracting(ImportProblem::column, ImportProblem::value)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("constants.country", "Germny"),
            org.assertj.core.groups.Tuple.tuple("constants.vintage_month", "June 2024"),
            org.assertj.core.groups.Tuple.tuple("constants.as_of", "17.06.2024"));
    assertThat(problems).filteredOn(p -> p.column().equals("constants.country")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("closest known is 'Germany'"));
  }

  @Test
  void read_unknownKeysAndBadWideBlock_reportsEveryProblem() {
    List<ImportProblem> problems = problems("""
        table: spending
        colums: {country: a}
        layout: wide
        wide: {value_field: pct_gdp, key_field: yeer, key_sep: "_"}
        constants: {source: nato, country: Germany}
        """);

    assertThat(problems).extracting(ImportProblem::column)
        .containsExactlyInAnyOrder("colums", "wide.key_sep", "wide.key_field", "columns.year");
    assertThat(problems).filteredOn(p -> p.column().equals("colums")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean 'columns'?"));
    assertThat(problems).filteredOn(p -> p.column().equals("wide.key_field")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean 'year'?"));
  }

  @Test
  void read_twoKeyFieldsWithoutSeparator_asksForOne() {
    assertThat(problems("""
        table: aid
        columns: {donor: land}
        wide: {value_field: amount, key_fields: [category, measure]}
        constants: {currency: EUR, unit: billion, recipient: Ukraine}
        """)).singleElement().satisfies(p -> assertThat(p.column()).isEqualTo("wide.key_separator"));
  }

  @Test
  void read_invalidYaml_reportsTheLine() {
    assertThat(problems("table: aid\ncolumns: {donor: [\n")).singleElement().satisfies(p -> {
      assertThat(p.row()).isPositive();
      assertThat(p.message()).startsWith("not valid YAML");
    });
  }

  @Test
  void read_duplicateKey_isInvalidYaml() {
    assertThat(problems("table: aid\ntable: spending\n")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Duplicate field 'table'"));
  }

  @Test
  void shippedMappings_everyOneIsValid() throws IOException {
    assertThat(Mappings.shippedMappingNames()).containsExactly("kiel-r28-bilateral", "kiel-r28-country-summary",
        "kiel-r28-country-summary-relative", "kiel-r28-financial-disbursements", "nato-equipment-share");
    for (String name : Mappings.shippedMappingNames()) {
      try (InputStream in = Mappings.shippedMapping(name).orElseThrow()) {
        MappingReader.Result result = MappingReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        assertThat(result.problems()).as(name).isEmpty();
        assertThat(result.mapping().table()).as(name)
            .isEqualTo(name.startsWith("nato-") ? Table.SPENDING : Table.AID);
      }
    }
    assertThat(Mappings.shippedMapping("kiel-r28-bilateral.yaml")).isPresent();
    assertThat(Mappings.shippedMapping("nato")).isEmpty();
  }

  @Test
  void load_unknownNameThatIsNoFile_listsTheShippedMappings() throws IOException {
    MappingReader.Result result = Mappings.load(Path.of("kiel-r29-bilateral"));

    assertThat(result.mapping()).isNull();
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("kiel-r29-bilateral");
      assertThat(p.message()).contains("kiel-r28-bilateral, kiel-r28-country-summary");
    });
  }
}
