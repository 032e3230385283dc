package org.quartermaster.app.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --server URL} and {@code --token-file FILE}, before or after a command's name like
 * {@code --db}: the commands that work on the store go through a running {@code qm serve} instead of
 * opening a store file. The innermost one given wins.
 */
final class ServerOption {
  @Option(names = "--server", paramLabel = "URL",
      description = "Go through the qm serve at this URL, e.g. http://127.0.0.1:8080, instead of opening a store file"
          + " (default: a server found beside the store (STORE.server.json), else the store file itself).")
  String server;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file whose first line is the server's bearer token, sent with changes (import, datasets rm)"
          + " (default: $QM_TOKEN, else none).")
  Path tokenFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The innermost {@code --server} given, checked, or null. */
  URI server() {
    String given = innermost(option -> option.server);
    if (given == null) {
      return null;
    }
    try {
      URI uri = new URI(given.endsWith("/") ? given.substring(0, given.length() - 1) : given);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException notAUri) {
      // refused below
    }
    throw new BadInputException("--server " + given + ": expected the server's http or https URL, e.g."
        + " http://127.0.0.1:8080");
  }

  /** The innermost {@code --token-file} given, or null. */
  Path tokenFile() {
    return innermost(option -> option.tokenFile);
  }

  private <T> T innermost(Function<ServerOption, T> value) {
    for (CommandSpec spec = mixee; spec != null; spec = spec.parent()) {
      for (CommandSpec mixin : spec.mixins().values()) {
        if (mixin.userObject() instanceof ServerOption option && value.apply(option) != null) {
          return value.apply(option);
        }
      }
    }
    return null;
  }

  /** The {@link ServerOption} of {@code spec} or of a command above it, or null. */
  static ServerOption of(CommandSpec spec) {
    for (CommandSpec at = spec; at != null; at = at.parent()) {
      for (CommandSpec mixin : at.mixins().values()) {
        if (mixin.userObject() instanceof ServerOption option) {
          return option;
        }
      }
    }
    return null;
  }
}
