package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.Citation;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportOption.Wording;
import org.quartermaster.app.importer.Overlap;

/**
 * The query parameters of {@code POST /api/v1/imports}, checked: every problem is answered at once
 * with 400.
 *
 * @param label     the file's name without any path ({@code filename}); only a label
 * @param format    the format, or null to detect it
 * @param vintage   the release month YYYY-MM, or null
 * @param sourceUrl an http(s) URL, or null
 * @param dryRun    check and report, write nothing
 * @param overlap   what to do with figures already in the store ({@code replace=ID}, {@code allow_duplicates=true})
 * @param citation  {@code publisher=}, {@code source_title=}, {@code grade=}: for rows whose file does not say
 * @param wording   how problems name the import's options: {@code words=api} (the default: {@code vintage=}) or
 *                  {@code words=form} (the Data page: "the Vintage field")
 */
record ImportParams(String label, ImportFormat format, String vintage, String sourceUrl, boolean dryRun,
    Overlap overlap, Citation citation, Wording wording) {
  private static final Set<String> NAMES = Set.of("filename", "format", "vintage", "source_url", "dry_run", "replace",
      "allow_duplicates", "publisher", "source_title", "grade", "words");
  private static final int MAX_TEXT = 500;
  private static final int MAX_LABEL = 255;
  private static final int MAX_URL = 2048;

  /** @throws ApiException 400 with every problem */
  static ImportParams of(Context ctx) {
    QueryParams params = new QueryParams(ctx, NAMES, false, Map.of("filename", MAX_URL, "source_url", MAX_URL,
        "publisher", MAX_TEXT, "source_title", MAX_TEXT));
    String label = label(params);
    ImportFormat format = format(params);
    String vintage = params.text("vintage");
    if (vintage != null && !vintage.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      params.problem("vintage", vintage, "must be a release month written YYYY-MM, e.g. 2024-06");
    }
    String sourceUrl = sourceUrl(params);
    boolean dryRun = params.flag("dry_run");
    Integer replace = params.integer("replace");
    boolean allowDuplicates = params.flag("allow_duplicates");
    if (replace != null && allowDuplicates) {
      params.problem("replace", replace.toString(), "give replace= or allow_duplicates=true, not both (replace that"
          + " dataset, or keep both)");
    }
    Citation citation = new Citation(text(params, "publisher"), text(params, "source_title"), params.grade("grade"));
    String words = params.text("words");
    if (words != null && !words.equals("api") && !words.equals("form")) {
      params.problem("words", words, "expected api (parameter names, the default) or form (the Data page's fields)");
    }
    params.check();
    Overlap overlap = replace != null ? Overlap.replace(replace) : allowDuplicates ? Overlap.ALLOW : Overlap.REFUSE;
    return new ImportParams(label, format, vintage, sourceUrl, dryRun, overlap, citation,
        "form".equals(words) ? Wording.FORM : Wording.API);
  }

  /** A free text of at most {@value #MAX_TEXT} characters without control characters, or null. */
  private static String text(QueryParams params, String name) {
    String given = params.text(name);
    if (given != null && (given.length() > MAX_TEXT || given.codePoints().anyMatch(Character::isISOControl))) {
      params.problem(name, given.substring(0, Math.min(given.length(), 200)), "at most " + MAX_TEXT
          + " characters, no control characters");
      return null;
    }
    return given;
  }

  private static String label(QueryParams params) {
    String given = params.text("filename");
    String label = Upload.label(given);
    if (label == null) {
      params.problem("filename", given, "give the file's name, e.g. filename=spending.csv (a label only)");
    } else if (label.length() > MAX_LABEL || label.codePoints().anyMatch(Character::isISOControl)) {
      params.problem("filename", given, "at most " + MAX_LABEL + " characters, no control characters");
      return null;
    }
    return label;
  }

  private static ImportFormat format(QueryParams params) {
    String given = params.text("format");
    if (given == null) {
      return null;
    }
    ImportFormat format = ImportFormat.byName(given).orElse(null);
    if (format == null) {
      params.problem("format", given, "expected one of " + String.join(", ", ImportFormat.names())
          + " (or none: detected)");
    }
    return format;
  }

  private static String sourceUrl(QueryParams params) {
    String given = params.text("source_url");
    if (given == null) {
      return null;
    }
    if (given.length() > MAX_URL || !isWebAddress(given)) {
      params.problem("source_url", given, "expected an http or https URL of at most " + MAX_URL + " characters");
      return null;
    }
    return given;
  }

  private static boolean isWebAddress(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException notAUri) {
      return false;
    }
  }

}
