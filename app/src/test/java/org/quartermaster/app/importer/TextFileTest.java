package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {
  @TempDir
  Path dir;

  @Test
  void lines_utf8WithByteOrderMarkAndMixedLineEnds_givesOneEntryPerLine() throws IOException {
    Path file = ImportFixtures.write(dir, "a.csv", "\uFEFFCountry,2014\r\nTürkiye,1.4\rAlbania,1.3\n");

    assertThat(TextFile.lines(file)).containsExactly("Country,2014", "Türkiye,1.4", "Albania,1.3");
  }

  @Test
  void lines_windows1252Bytes_areDecodedAsWindows1252() throws IOException {
    Path file = Files.write(dir.resolve("b.csv"), "Türkiye;1,4\n".getBytes(Charset.forName("windows-1252")));

    assertThat(TextFile.lines(file)).containsExactly("Türkiye;1,4");
  }

  @Test
  void cells_quotedDelimiterAndDoubledQuote_stayInOneCell() {
    assertThat(TextFile.cells("\"Bonaire, Sint Eustatius and Saba\",BES,\"say \"\"hi\"\"\",", ','))
        .containsExactly("Bonaire, Sint Eustatius and Saba", "BES", "say \"hi\"", "");
  }

  @Test
  void decimal_commonWritings_areNumbers() {
    assertThat(TextFile.decimal("1.85")).isEqualTo(1.85);
    assertThat(TextFile.decimal(" 1,85\u00A0")).isEqualTo(1.85);
    assertThat(TextFile.decimal("1,234.5")).isEqualTo(1234.5);
    assertThat(TextFile.decimal("1 234,5")).isEqualTo(1234.5);
    assertThat(TextFile.decimal("1.715e-05")).isEqualTo(1.715e-5);
  }

  @Test
  void decimal_notANumber_isNull() {
    assertThat(TextFile.decimal("1.1x")).isNull();
    assertThat(TextFile.decimal("1,2,3")).isNull();
    assertThat(TextFile.decimal("NaN")).isNull();
    assertThat(TextFile.decimal("")).isNull();
  }

  @Test
  void columnLetter_indices_giveSpreadsheetLetters() {
    assertThat(TextFile.columnLetter(0)).isEqualTo("A");
    assertThat(TextFile.columnLetter(25)).isEqualTo("Z");
    assertThat(TextFile.columnLetter(26)).isEqualTo("AA");
    assertThat(TextFile.columnLetter(27)).isEqualTo("AB");
  }
}
