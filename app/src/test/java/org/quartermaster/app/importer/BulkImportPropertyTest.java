package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * Random spending and aid files, mappings and dialects, seeded: valid and invalid cells, duplicate
 * keys, irregular lines. Whatever the file, an import that may take the bulk path ends exactly as the Java
 * path's: the same problems, or the same dataset and rows. A valid regular file is taken by the bulk
 * path itself.
 */
class BulkImportPropertyTest {
  @TempDir Path dir;

  static IntStream seeds() {
    return IntStream.range(0, 40);
  }

  /** What an import did: its report and the stored dataset and rows, or every problem it found. */
  record Outcome(ImportReport report, List<List<Object>> stored, List<ImportProblem> problems) {}

  private static Outcome run(Store store, BulkPolicy policy, ImportRequest request) {
    Map<String, Object> before = StoreCounts.of(store);
    try {
      ImportReport report = new ImportService(store, Countries.standard(), Importers.standard(), policy).run(request);
      return new Outcome(report, StoredRows.of(store, report.table(), report.datasetId()), List.of());
    } catch (ImportFailedException e) {
      assertThat(StoreCounts.of(store)).as("the store after a failed import").isEqualTo(before);
      return new Outcome(null, List.of(), e.problems());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void run_randomSpendingFile_bulkPathEndsAsTheJavaPath(int seed) throws IOException {
    importBothWays(new RandomFile(new Random(seed), Table.SPENDING));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void run_randomAidFile_bulkPathEndsAsTheJavaPath(int seed) throws IOException {
    importBothWays(new RandomFile(new Random(seed), Table.AID));
  }

  private void importBothWays(RandomFile random) throws IOException {
    Path file = Files.write(dir.resolve("data.csv"), random.bytes());
    ImportRequest request = new ImportRequest(file, ImportFormat.CSV,
        Files.writeString(dir.resolve("mapping.yaml"), random.mapping()), null, null, random.skipBadRows, false);

    try (Store javaStore = Store.inMemory(); Store bulkStore = Store.inMemory(); Store requiredStore = Store.inMemory()) {
      Outcome java = run(javaStore, BulkPolicy.NEVER, request);
      Outcome bulk = run(bulkStore, BulkPolicy.ALWAYS, request);

      assertThat(bulk).as("%s\n%s", random.mapping(), random.text()).isEqualTo(java);
      assertThat(StoredRows.temporaryTables(bulkStore)).isZero();
      if (random.bulkEligible() && java.problems().isEmpty() && java.report().rejected().isEmpty()) {
        assertThat(run(requiredStore, BulkPolicy.REQUIRED, request)).isEqualTo(java);
      }
    }
  }

  /** One random file and its mapping. */
  private static final class RandomFile {
    private static final List<String> SPENDING_FIELDS = List.of("country", "iso3", "year", "pct_gdp", "amount",
        "currency", "estimate", "source", "note", "source_url", "as_of", "vintage_month", "publisher");
    private static final List<String> AID_FIELDS = List.of("donor", "donor_iso3", "recipient", "date", "category",
        "amount", "unit", "item", "quantity", "data_through", "currency", "note", "source_url", "as_of",
        "vintage_month", "publisher");
    private static final String[] NAMES = {"Germany", "germany", "United Kingdom", "UK", "Turkey", "T\u00fcrkiye",
        "Czech Republic", "Czechia", "C\u00f4te d\u2019Ivoire", "United States", "Poland", "Norway", "France",
        "Korea, South"};
    private static final String[] CODES = {"DEU", "deu", "GBR", "TUR", "CZE", "USA", "usa", "POL", "NOR", "FRA", "EST"};
    private static final String[] NUMBERS = {"", "n/a", "..", "-0", "0", "1e-3", "1,234.5", " 2.5 ", "+3", ".5",
        "5.", "123456789012345678.25", "-999", "NA", "12%", "3.14159265358979323846", "007.50", "-17.25"};
    private static final String[] TEXTS = {"", "USD", "EUR million", " EUR ", "n/a", "\u20ac bn", "a, b",
        "say \"x\"", "unknown", "NA", "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1", "-", "null", "plain text"};
    private static final String[] BAD_YEARS = {"20x3", "99", "", "2023 and 2024", "MMXXIII"};
    private static final String[] BAD_NUMBERS = {"abc", "1,5", "1/4", "two", "1.2.3"};

    private final Random random;
    private final Table table;
    private final List<String> mapped = new ArrayList<>();
    private final List<String> header = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final char delimiter;
    private final String lineEnd;
    private final boolean bom;
    private final boolean missingValues;
    private final boolean sourceConstant;
    /** Which columns give the country: 0 the name, 1 the code, 2 both (a row gives one or both). */
    private final int countryBy;
    final boolean skipBadRows;
    private boolean irregular;
    private String text;

    RandomFile(Random random, Table table) {
      this.random = random;
      this.table = table;
      delimiter = random.nextInt(5) == 0 ? ';' : ',';
      lineEnd = random.nextInt(3) == 0 ? "\r\n" : "\n";
      bom = random.nextInt(5) == 0;
      missingValues = random.nextInt(4) == 0;
      skipBadRows = random.nextInt(3) == 0;
      countryBy = random.nextInt(3);
      for (String field : table == Table.SPENDING ? SPENDING_FIELDS : AID_FIELDS) {
        boolean essential = switch (field) {
          case "year", "pct_gdp", "recipient", "category", "unit" -> true;
          case "amount" -> table == Table.AID || random.nextInt(3) == 0;
          case "country", "donor" -> countryBy != 1;
          case "iso3", "donor_iso3" -> countryBy != 0;
          default -> random.nextInt(3) == 0;
        };
        if (essential) {
          mapped.add(field);
        }
      }
      sourceConstant = table == Table.SPENDING && !mapped.contains("source");
      header.addAll(mapped);
      if (random.nextBoolean()) {
        header.add("comment");
      }
      Collections.shuffle(header, random);
      double badRate = new double[] {0, 0, 0, 0.02, 0.1}[random.nextInt(5)];
      double repeatRate = random.nextInt(4) == 0 ? 0.02 : 0;
      int n = 20 + random.nextInt(280);
      for (int i = 0; i < n; i++) {
        rows.add(random.nextDouble() < repeatRate && !rows.isEmpty() ? rows.get(random.nextInt(rows.size())).clone()
            : row(i, random.nextDouble() < badRate));
      }
    }

    private String[] row(int i, boolean bad) {
      String[] cells = new String[header.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = cell(header.get(c), i, bad && random.nextInt(3) == 0);
      }
      return cells;
    }

    /** A cell of row {@code i}: the country and year make each row's key unique, other cells vary. */
    private String cell(String field, int i, boolean bad) {
      return switch (field) {
        case "country", "donor" -> bad ? pick("Narnia", "", "Germania") : countryBy == 2 && i % 3 == 0
            && random.nextBoolean() ? "" : table == Table.AID && i % 5 == 0 ? "EU institutions" : NAMES[i % NAMES.length];
        case "iso3", "donor_iso3" -> bad ? pick("XYZ", "GB", "") : countryBy == 2 && i % 3 != 0 ? ""
            : CODES[i % CODES.length];
        case "recipient" -> bad ? "" : pick("Ukraine", " Ukraine ", "UKR", "\u0423\u043a\u0440\u0430\u0457\u043d\u0430");
        case "date", "data_through" -> bad ? "2023-02-29" : pick("2024", "2024-02", "2024-02-29", "", "2022-03-01T10:00");
        case "category" -> bad ? "" : pick("Military", "financial", "HUMANITARIAN");
        case "unit" -> bad ? "n/a" : pick("million", "Billion", "unit");
        case "quantity" -> bad ? pick(BAD_NUMBERS) : oddNumber(true);
        case "year" -> bad ? pick(BAD_YEARS) : (1900 + i) + pick("", "", "", "", "", "", "e", ".0", "*");
        case "pct_gdp", "amount" -> bad ? pick(BAD_NUMBERS) : random.nextInt(4) == 0
            ? oddNumber(field.equals("amount") && table == Table.SPENDING)
            : random.nextInt(100_000) / Math.pow(10, random.nextInt(5)) + "";
        case "currency", "note", "publisher", "comment", "item" -> pick(TEXTS);
        case "estimate" -> bad ? "maybe" : pick("true", "false", "yes", "no", "e", "unknown", "", "TRUE");
        case "source" -> bad ? "" : pick("nato", "NATO", "Sipri");
        case "source_url" -> pick("https://example.org/" + random.nextInt(3), "", "n/a");
        case "as_of" -> bad ? "2024-02-30" : pick("2024", "2024-05", "2024-05-31", "2024-05-31 00:00:00", "");
        case "vintage_month" -> bad ? "2024-13" : pick("2024-06", "", "2023-12");
        default -> throw new IllegalArgumentException(field);
      };
    }

    /**
     * A number written unusually, or (when {@code orNone}) no number; "NA" means none only where the
     * mapping says so. Every spending row has a pct_gdp, every aid row an amount.
     */
    private String oddNumber(boolean orNone) {
      String number = pick(NUMBERS);
      if (!orNone && List.of("", "n/a", "..", "NA", "-999").contains(number)) {
        return "-17.25";
      }
      return number.equals("NA") && !missingValues ? "n/a" : number;
    }

    private String pick(String... choices) {
      return choices[random.nextInt(choices.length)];
    }

    String mapping() {
      StringBuilder yaml = new StringBuilder("table: " + table.cliName() + "\ncolumns:\n");
      for (String field : mapped) {
        yaml.append("  ").append(field).append(": ").append(field).append('\n');
      }
      yaml.append("constants:\n").append(sourceConstant ? "  source: bench\n" : "")
          .append(mapped.contains("vintage_month") ? "  vintage: June 2024\n" : "  vintage: 2024-06\n");
      if (!mapped.contains("currency")) {
        yaml.append("  currency: USD million\n");
      }
      if (table == Table.AID) {
        yaml.append("  measure: commitment\ninstitutions: [EU institutions]\n");
      }
      if (missingValues) {
        yaml.append("missing_values: ['-999', 'NA', 'unknown']\n");
      }
      return yaml.toString();
    }

    String text() {
      if (text == null) {
        List<String> lines = new ArrayList<>();
        lines.add(line(header.toArray(String[]::new)));
        rows.forEach(row -> lines.add(line(row)));
        if (random.nextInt(7) == 0) {
          irregular = true;
          int at = 1 + random.nextInt(lines.size() - 1);
          lines.set(at, switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> String.valueOf(delimiter).repeat(header.size() - 1);
            case 2 -> lines.get(at).replaceFirst(String.valueOf(delimiter), "\"" + delimiter + "x\"\ny" + delimiter);
            default -> lines.get(at) + "\"";
          });
        }
        text = String.join(lineEnd, lines) + (random.nextBoolean() ? lineEnd : "");
      }
      return text;
    }

    byte[] bytes() {
      return ((bom ? "\uFEFF" : "") + text()).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the bulk path must take the file when it is valid: regular, comma-separated, no blank line. */
    boolean bulkEligible() {
      text();
      return !irregular && delimiter == ',' && rows.stream().allMatch(row -> line(row).chars()
          .anyMatch(c -> c > ' ' && c < 0x7F && c != delimiter && c != '"'));
    }

    private String line(String[] cells) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cells.length; c++) {
        String cell = cells[c];
        line.append(c > 0 ? String.valueOf(delimiter) : "");
        boolean quote = cell.indexOf(delimiter) >= 0 || cell.contains("\"") || random.nextInt(20) == 0;
        line.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
      }
      return line.toString();
    }
  }
}
