package org.quartermaster.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.build.BuildException;
import org.quartermaster.app.munitions.build.BuiltScenario;
import org.quartermaster.app.munitions.build.Rebuild;
import org.quartermaster.app.scenarios.SavedScenario;
import org.quartermaster.app.scenarios.SavedScenarios;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm scenario rebuild ID}: a saved built scenario rebuilt from the store's data, and what changed. */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild a saved built scenario from the store's current data with the parameters and assumptions its",
      "header records, and print what changed (path, old -> new, source). Saves only with --save."
    })
final class ScenarioRebuildCommand extends StoreCommand {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The saved scenario's id (saved with qm scenario build --save).")
  String id;

  @Option(names = "--save", description = "Replace the saved scenario with the rebuilt one (default: off: only the diff).")
  boolean save;

  @Option(names = "--out", paramLabel = "FILE.yaml",
      description = "Also write the rebuilt scenario to this file, whole or not at all (default: not written).")
  Path out;

  @Override
  public Integer call() throws IOException {
    checkBeforeRebuilding();
    PrintWriter stdout = spec.commandLine().getOut();
    try (Store store = save ? openStore() : openStoreToRead()) {
      SavedScenarios saved = new SavedScenarios(store);
      SavedScenario old = saved.find(id).orElseThrow(() -> notSaved(id));
      Rebuild.Outcome outcome;
      try {
        outcome = Rebuild.of(store, Catalogue.of(store), Countries.standard(), id, old.yaml());
      } catch (BuildException e) {
        throw ScenarioCommand.refusal(e);
      }
      BuiltScenario rebuilt = outcome.rebuilt();
      report(rebuilt.name(), outcome.changes(), stdout);
      if (out != null) {
        ResultFiles.write(rebuilt.yaml(), out);
        stdout.println("wrote " + out);
      }
      if (save) {
        saved.update(id, rebuilt.name(), rebuilt.yaml());
      }
      saved(outcome.changes(), stdout);
    }
    return Main.OK;
  }

  /** What is checked before the rebuild, with or without a server: the --out folder. */
  void checkBeforeRebuilding() {
    if (out != null) {
      ResultFiles.checkWritable(out);
    }
  }

  static BadInputException notSaved(String id) {
    return new BadInputException("no saved scenario '" + id + "' in the store; save a built one with qm scenario"
        + " build … --save " + id);
  }

  /** The first lines: what was rebuilt and each number that changed. */
  void report(String name, List<Rebuild.Change> changes, PrintWriter stdout) {
    stdout.println("Rebuilt '" + id + "' (" + name + ") from the store: " + (changes.isEmpty()
        ? "no number changed" : changes.size() + " number" + (changes.size() == 1 ? "" : "s") + " changed"));
    changes.forEach(c -> stdout.println("  " + c));
  }

  /** The last line: saved, or how to save; then flushed. */
  void saved(List<Rebuild.Change> changes, PrintWriter stdout) {
    if (save) {
      stdout.println("saved: scenario '" + id + "' replaced by the rebuilt one");
    } else if (!changes.isEmpty()) {
      stdout.println("not saved: give --save to replace the saved scenario");
    }
    stdout.flush();
  }
}
