package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

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

  @Test
  void lines_lineOverTheLimit_isRefusedNamingItsRowBeforeItIsReadWhole() throws IOException {
    Path file = ImportFixtures.write(dir, "long.csv", "Country\r\nshort\n" + "x".repeat(11) + "\nafter\n");

    UnreadableCsvException e = org.assertj.core.api.Assertions.catchThrowableOfType(UnreadableCsvException.class,
        () -> TextFile.lines(file, 10));

    assertThat(e.row()).isEqualTo(3);
    assertThat(e.getMessage()).startsWith("line longer than 1 MiB");
    assertThat(TextFile.lines(file, 11)).containsExactly("Country", "short", "x".repeat(11), "after");
  }

  @Test
  void lines_emptyLinesAndNoFinalLineEnd_areKeptAsBefore() throws IOException {
    Path file = ImportFixtures.write(dir, "c.csv", "a\n\n\r\nb\r\rc");

    assertThat(TextFile.lines(file)).containsExactly("a", "", "", "b", "", "c");
  }

  @ParameterizedTest
  @EnumSource(value = ImportFormat.class, names = {"NATO", "OWID", "SIPRI_TRANSFERS"})
  void run_lineLongerThanOneMiB_isAProblemOfItsRowAndNothingIsWritten(ImportFormat format) throws IOException {
    Path file = ImportFixtures.write(dir, "huge.csv", "Country,2014\n" + "y".repeat(UnreadableCsvException.MAX_LINE_CHARS + 1)
        + "\n");
    try (Store store = Store.inMemory()) {
      java.util.Map<String, Object> before = StoreCounts.of(store);

      ImportFailedException e = org.assertj.core.api.Assertions.catchThrowableOfType(ImportFailedException.class,
          () -> new ImportService(store, Countries.standard(), Importers.standard())
              .run(ImportFixtures.request(file, format, null, "2024-06")));

      assertThat(e.problems()).extracting(ImportProblem::toString)
          .containsExactly(file + ":2 — line longer than 1 MiB (1048576 characters): not a row of a data file;"
              + " is this a binary file, or a quote that is never closed?");
      assertThat(StoreCounts.of(store)).isEqualTo(before);
    }
  }
}
