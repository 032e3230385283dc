package org.quartermaster.app.importer.sipri;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-level conventions of SIPRI's export: the {@code ;} ending every line, the preamble's date. */
final class SipriLines {
  private static final Pattern GENERATED = Pattern.compile(
      "Data generated:\\s*(\\d{1,2})\\s+([A-Za-z]{3})[A-Za-z]*\\.?\\s+(\\d{4}).*", Pattern.CASE_INSENSITIVE);
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private SipriLines() {}

  /** The line without the {@code ;} SIPRI ends every line with (and without trailing white space). */
  static String withoutEndMark(String line) {
    String text = line.stripTrailing();
    return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
  }

  /** The date the preamble says the data were generated, as YYYY-MM-DD, or null. */
  static String generatedOn(List<String> preamble) {
    for (String line : preamble) {
      Matcher m = GENERATED.matcher(line.strip());
      int month = m.matches() ? MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1 : 0;
      if (month > 0) {
        YearMonth yearMonth = YearMonth.of(Integer.parseInt(m.group(3)), month);
        int day = Integer.parseInt(m.group(1));
        return day >= 1 && day <= yearMonth.lengthOfMonth() ? yearMonth.atDay(day).toString() : null;
      }
    }
    return null;
  }
}
