package org.quartermaster.app.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of an import, as each interface names them: the command line ({@code --vintage}), the API
 * ({@code vintage=}) and the Data page's form ("the Vintage field"). Importers write a message once, with
 * the option marked ({@link #mark()}); each interface renders the marks in its own words
 * ({@link Wording#render}), rather than rewriting one interface's words into another's.
 */
public enum ImportOption {
  FORMAT("--format", "format=", "the Format field"),
  MAPPING("--mapping", "qm import --mapping (the API reads only files a shipped mapping recognises by their header)",
      "qm import --mapping (this page reads only files a shipped mapping recognises by their header)"),
  SOURCE_URL("--source-url", "source_url=", "the Source URL field"),
  VINTAGE("--vintage", "vintage=", "the Vintage field"),
  REPLACE("--replace", "replace=", "the Replace dataset field"),
  ALLOW_DUPLICATES("--allow-duplicates", "allow_duplicates=true", "the Keep duplicates box"),
  /** Not an option: where the datasets are listed. */
  DATASETS("qm datasets list", "GET /api/v1/datasets", "the list of datasets on this page");

  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';
  private static final char VALUE = '\uE002';
  private static final Pattern MARK = Pattern.compile(OPEN + "([A-Z_]+)(?:" + VALUE + "([^" + CLOSE + "]*))?" + CLOSE);

  private final String cli;
  private final String api;
  private final String form;

  ImportOption(String cli, String api, String form) {
    this.cli = cli;
    this.api = api;
    this.form = form;
  }

  /** The option, marked in a message: "--vintage" on the command line, "vintage=" in the API, … */
  public String mark() {
    return OPEN + name() + CLOSE;
  }

  /** The option with a value: "--vintage 2024-06", "vintage=2024-06", "the Vintage field (2024-06)". */
  public String mark(Object value) {
    return OPEN + name() + VALUE + value + CLOSE;
  }

  /** How each interface names the import's options. */
  public enum Wording {
    CLI,
    API,
    FORM;

    /** The message with every marked option in this interface's words. */
    public String render(String message) {
      if (message == null || message.indexOf(OPEN) < 0) {
        return message;
      }
      Matcher m = MARK.matcher(message);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        ImportOption option = ImportOption.valueOf(m.group(1));
        m.appendReplacement(out, Matcher.quoteReplacement(words(option, m.group(2))));
      }
      return m.appendTail(out).toString();
    }

    private String words(ImportOption option, String value) {
      return switch (this) {
        case CLI -> value == null ? option.cli : option.cli + " " + value;
        case API -> value == null ? option.api : option.api.endsWith("=") ? option.api + value : option.api;
        case FORM -> value == null ? option.form : option.form + " (" + value + ")";
      };
    }
  }
}
