package org.quartermaster.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.quartermaster.app.store.Store;

/** A process that holds a store open, as another program would, until its standard input closes (tests). */
final class HoldStore {
  private HoldStore() {}

  public static void main(String[] args) throws IOException {
    try (Store store = Store.open(Path.of(args[0]))) {
      System.out.println("holding " + store.location());
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the test closes our input
      }
    }
  }
}
