package org.quartermaster.app.munitions.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a built scenario's YAML as a reader sees them: each numeric value with the comment block
 * right above it (continuation lines joined, whitespace collapsed). Read from the text, independently of
 * the emitter.
 */
record CommentedNumbers(String key, String value, String comment) {
  private static final Pattern NUMBER_LINE =
      Pattern.compile("^\\s*(?:- )?([A-Za-z0-9_.\\-]+): (-?[0-9][0-9.]*)(?:\\s+#.*)?$");

  static List<CommentedNumbers> of(String yaml) {
    List<String> lines = yaml.lines().toList();
    List<CommentedNumbers> numbers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = NUMBER_LINE.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int first = i;
      while (first > 0 && lines.get(first - 1).strip().startsWith("#")) {
        first--;
      }
      StringBuilder comment = new StringBuilder();
      for (int j = first; j < i; j++) {
        comment.append(' ').append(lines.get(j).strip().substring(1).strip());
      }
      numbers.add(new CommentedNumbers(m.group(1), m.group(2), normal(comment.toString())));
    }
    return numbers;
  }

  static String normal(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
