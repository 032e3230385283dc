package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * One in-process {@code qm} invocation, configured as {@link Main#run} does, whose store commands
 * ({@code query}, {@code export}) get their store from {@code stores} instead of the default file.
 */
final class StoreCli {
  private StoreCli() {}

  static CliRun qm(StoreSource stores, String... args) {
    IFactory factory = new IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K object = CommandLine.defaultFactory().create(type);
        if (object instanceof StoreCommand command) {
          command.stores = stores;
        }
        return object;
      }
    };
    CommandLine cli = Commands.forArguments(factory, args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExitCodeExceptionMapper(e -> e instanceof BadInputException ? Main.BAD_INPUT : Main.INTERNAL_ERROR);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(Failures::usage);
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
