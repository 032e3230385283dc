package org.quartermaster.app.importer.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which files the bulk path may read: one record per line, quotes only around whole cells, valid UTF-8. */
class RegularCsvTest {
  @TempDir Path dir;

  private OptionalLong lines(byte[] bytes, int bomLength, char delimiter) throws IOException {
    Path file = Files.write(dir.resolve("data.csv"), bytes);
    return RegularCsv.scan(file, bomLength, delimiter).lines();
  }

  private OptionalLong lines(String text) throws IOException {
    return lines(text.getBytes(StandardCharsets.UTF_8), 0, ',');
  }

  @Test
  void lines_plainFile_countsLinesWithOrWithoutAFinalLineEnd() throws IOException {
    assertThat(lines("a,b\n1,2\n3,4\n")).hasValue(3);
    assertThat(lines("a,b\n1,2\n3,4")).hasValue(3);
    assertThat(lines("a,b\r\n1,2\r\n")).hasValue(2);
  }

  @Test
  void lines_quotedCellsWithDelimitersAndDoubledQuotes_areRegular() throws IOException {
    assertThat(lines("a,b\n\"Korea, Republic of\",\"say \"\"hi\"\"\"\n\"\",x\n\"end\"")).hasValue(4);
  }

  @Test
  void lines_byteOrderMarkAndUtf8_areRegular() throws IOException {
    byte[] text = "\uFEFFa;b\nT\u00fcrkiye;\u20ac 5\n".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(text, 3, ';')).hasValue(2);
  }

  @Test
  void lines_tabDelimiter_tabsAreDelimitersNotText() throws IOException {
    assertThat(lines("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8), 0, '\t')).hasValue(2);
    assertThat(lines("a\tb\n\t\n".getBytes(StandardCharsets.UTF_8), 0, '\t')).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a,b\n\n1,2\n",            // an empty line
      "a,b\n1,2\n\n",            // an empty last line
      "a,b\n,\n",                // only delimiters: a blank row
      "a,b\n \" \",\"\"\n",      // only spaces and quotes
      "a,b\n\u00a0,\u00a0\n",    // only no-break spaces (taken for blank)
      "a,b\n1,x\"y\n",           // a quote inside an unquoted cell
      "a,b\n\"x\"y,2\n",         // text after a closing quote
      "a,b\n \"x\",2\n",         // a space before an opening quote
      "a,b\n\"x\ny\",2\n",       // a line break in a quoted cell
      "a,b\n\"x,2\n",            // a quote never closed
      "a,b\r\n1,2\n",            // mixed line ends
      "a,b\n1\r2,3\n",           // a carriage return alone
      "a,b\n1,\u0001\n"          // a control character
  })
  void lines_irregularFile_isEmpty(String text) throws IOException {
    assertThat(lines(text)).isEmpty();
  }

  @Test
  void lines_invalidUtf8_isEmpty() throws IOException {
    assertThat(lines(new byte[] {'a', '\n', 'b', (byte) 0xE9, '\n'}, 0, ',')).isEmpty(); // Latin-1 é
    assertThat(lines(new byte[] {'a', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}, 0, ',')).isEmpty();
    assertThat(lines(new byte[] {'a', '\n', 'b', (byte) 0xC3}, 0, ',')).isEmpty(); // cut short
  }

  @Test
  void scan_anyFile_givesTheSha256OfAllItsBytes() throws Exception {
    byte[] text = "\uFEFFa,b\n1,\"x\ny\"\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("data.csv"), text);

    RegularCsv.Scanned scanned = RegularCsv.scan(file, 3, ',');

    assertThat(scanned.lines()).isEmpty();
    assertThat(scanned.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
  }

  @Test
  void lines_bufferBoundaries_doNotMatter() throws IOException {
    StringBuilder text = new StringBuilder("name,value\n");
    for (int i = 0; i < 200_000; i++) {
      text.append("\"T\u00fcrkiye, \"\"").append(i).append("\"\"\",").append(i).append('\n');
    }
    assertThat(lines(text.toString())).hasValue(200_001);
  }
}
