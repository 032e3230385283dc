package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tree YamlTree builds is the one ObjectMapper.readTree builds, node types included; so are the errors. */
class YamlTreeTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  static String[] yamls() throws IOException {
    String[] shipped = new String[Mappings.shippedMappingNames().size()];
    for (int i = 0; i < shipped.length; i++) {
      try (InputStream in = Mappings.shippedMapping(Mappings.shippedMappingNames().get(i)).orElseThrow()) {
        shipped[i] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    String[] more = {"", "# only a comment\n", "~", "null", "12", "'12'", "[1, a, {b: c}]",
        "table: spending\ncolumns: {country: Country, year: 3, pct_gdp: C}\nconstants: {source: nato, vintage: 2024-06}\n",
        "x: 99999999999\ny: 1.5\nz: 1e400\nw: 123456789012345678901234\nv: !!binary aGVsbG8=\nu: true\nt: no\ns: 2024-06\n",
        "a: &anchor {b: 1}\nc: *anchor\nd: |\n  two\n  lines\ne: >\n  folded\n  text\n", "---\na: 1\n---\nb: 2\n",
        "missing_values: ['', '..', -, n/a]\nskip_rows_matching: ['^Total', 'Source:']\ndelimiter: ';'\n"};
    String[] all = new String[shipped.length + more.length];
    System.arraycopy(shipped, 0, all, 0, shipped.length);
    System.arraycopy(more, 0, all, shipped.length, more.length);
    return all;
  }

  @ParameterizedTest
  @MethodSource("yamls")
  void read_yaml_givesTheTreeObjectMapperGives(String yaml) throws IOException {
    JsonNode expected = MAPPER.readTree(yaml);

    JsonNode tree = YamlTree.read(yaml);

    assertThat(tree).isEqualTo(expected);
    assertThat(tree.getNodeType()).isEqualTo(expected.getNodeType());
    expected.properties().forEach(e -> assertThat(tree.get(e.getKey()).getClass()).as(e.getKey())
        .isEqualTo(e.getValue().getClass()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a: 1\na: 2\n", "a: [\n", "a: {b: 1\n", "a:\n  - 1\n b: 2\n", "\"unclosed\n"})
  void read_badYaml_failsAsObjectMapperDoes(String yaml) {
    JacksonException expected = catchThrowableOfType(JacksonException.class, () -> MAPPER.readTree(yaml));

    JacksonException error = catchThrowableOfType(JacksonException.class, () -> YamlTree.read(yaml));

    assertThat(error).isNotNull().hasSameClassAs(expected);
    assertThat(error.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
    assertThat(error.getLocation().getLineNr()).isEqualTo(expected.getLocation().getLineNr());
  }
}
