package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.util.List;
import org.quartermaster.app.munitions.build.BuildException;
import org.quartermaster.app.munitions.build.BuildProblem;
import org.quartermaster.app.munitions.build.Figure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code qm scenario}: scenarios built from the store ({@code build}, {@code rebuild}). Its subcommands
 * (in {@link Commands}) do the work; {@code qm simulate} and {@code qm validate} run and check any
 * scenario file, built ones included.
 */
@Command(
    name = "scenario",
    mixinStandardHelpOptions = true,
    description = {
      "Scenarios built from the store: build one for a munition (every number with its source, or labelled",
      "an assumption), or rebuild a saved one from newer data and see what changed."
    })
final class ScenarioCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A build's problems as the command line's message: one line each, fields as options. */
  static BadInputException refusal(BuildException e) {
    List<String> lines = new java.util.ArrayList<>();
    int n = e.problems().size();
    lines.add("cannot build the scenario: " + n + " problem" + (n == 1 ? "" : "s") + ":");
    for (BuildProblem p : e.problems()) {
      String where = p.field().equals("item") ? "ITEM" : p.field().equals("scenario") ? "ID" : "--" + p.field()
          .replace('_', '-');
      lines.add("  " + where + (p.value() == null ? "" : " " + p.value()) + ": " + p.message());
    }
    return new BadInputException(lines);
  }

  /** Which numbers are assumptions and what the build left out, for the user to read. */
  static void summary(BuildSummary built, String where, PrintWriter out) {
    out.printf("%s: %s (%s), %d numbers from stored rows, %d assumptions, %d settings%n", where, built.name(),
        built.unit(), built.sourced(), built.assumptions().size(), built.settings());
    out.println("Assumptions (not in the store; set them with --assume PATH=VALUE):");
    for (Figure f : built.assumptions()) {
      out.printf("  %s = %s  (%s)%n", f.path(), plain(f.value()), f.provenance().comment());
    }
    if (!built.notes().isEmpty()) {
      out.println("Notes:");
      built.notes().forEach(n -> out.println("  " + n));
    }
    out.flush();
  }

  static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
        : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
