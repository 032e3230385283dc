package org.quartermaster.app.cli;

import java.net.URI;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs a command on the store itself, or through a running {@code qm serve}: the one named with
 * {@code --server URL}, else the one whose {@link ServerFile} is beside the store (the server holds
 * the store, so opening it would fail). A server file whose server does not answer is stale: the
 * command then opens the store as usual.
 */
final class StoreRouting implements IExecutionStrategy {
  private final Map<String, String> environment;

  StoreRouting(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public int execute(ParseResult parsed) {
    Integer help = CommandLine.executeHelpRequest(parsed);
    if (help != null) {
      return help;
    }
    ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    CommandLine command = leaf.commandSpec().commandLine();
    Server server;
    try {
      server = server(leaf.commandSpec());
    } catch (BadInputException e) {
      throw new ExecutionException(command, e.getMessage(), e);
    }
    if (server == null) {
      return new CommandLine.RunLast().execute(parsed);
    }
    try {
      return ThroughServer.run(command.getCommand(), server, command);
    } catch (ApiClient.Unreachable e) {
      if (server.file() != null) {
        return new CommandLine.RunLast().execute(parsed); // a stale server file
      }
      throw new ExecutionException(command, e.getMessage(), new BadInputException("--server " + server.url()
          + ": nothing answers there; is qm serve running, and on that port?"));
    } catch (RuntimeException e) {
      throw new ExecutionException(command, e.getMessage(), e);
    }
  }

  /** The server this command goes through, or null for the store itself. */
  private Server server(CommandSpec spec) {
    Object command = spec.userObject();
    boolean onStore = command instanceof StoreCommand || command instanceof ImportCommand;
    ServerOption option = ServerOption.of(spec);
    URI named = option == null ? null : option.server();
    if (named != null) {
      if (!onStore) {
        throw new BadInputException("--server is for the commands that work on the store (query, import, export,"
            + " datasets, items, chain, scenario build and rebuild); qm " + spec.qualifiedName(" ").replaceFirst("^qm ", "") + " does not use it");
      }
      return new Server(new ApiClient(named, BearerToken.read(option.tokenFile(), environment)), null);
    }
    if (!onStore || command instanceof StoreCommand given && given.stores != null) {
      return null;
    }
    StoreOption store = spec.mixins().values().stream().map(CommandSpec::userObject)
        .filter(StoreOption.class::isInstance).map(StoreOption.class::cast).findFirst().orElse(null);
    if (store == null) {
      return null;
    }
    return ServerFile.ofRunning(store.file()).map(file -> new Server(new ApiClient(URI.create(file.url()),
        BearerToken.read(option == null ? null : option.tokenFile(), environment)), file)).orElse(null);
  }
}
