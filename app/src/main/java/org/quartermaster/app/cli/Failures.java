package org.quartermaster.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The one place where failures become messages and exit codes. */
final class Failures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof BadInputException bad) {
      bad.lines().forEach(line -> err.println("qm: " + line));
      return Main.BAD_INPUT;
    }
    err.println("qm: internal error (a bug; please report it with the command and input): " + e);
    e.printStackTrace(err);
    return Main.INTERNAL_ERROR;
  }

  static int usage(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("qm: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for the options.");
    return Main.BAD_INPUT;
  }
}
