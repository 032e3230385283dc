package org.quartermaster.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code qm --version}: the build's version, the model and the Java runtime. */
final class Version implements IVersionProvider {
  static String number() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/org/quartermaster/app/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "Quartermaster " + number(),
      "model SM-1, result format v1",
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
