package org.quartermaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qm's stand-in for the DuckDB driver's {@code org.duckdb.JfrMemoryMonitor} (see that class). */
class DuckDbJfrStandInTest {
  private static final String NAME = "org.duckdb.JfrMemoryMonitor";

  @Test
  void standIn_hasTheMethodsOfTheDriversOwnClass() throws Exception {
    URL driverJar = DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader driverOnly = new URLClassLoader(new URL[] {driverJar}, ClassLoader.getPlatformClassLoader())) {
      Class<?> drivers = Class.forName(NAME, false, driverOnly);
      Class<?> ours = Class.forName(NAME);

      assertThat(drivers.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(driverJar);
      assertThat(ours.getProtectionDomain().getCodeSource().getLocation()).isNotEqualTo(driverJar);
      assertThat(signatures(ours)).isNotEmpty().isEqualTo(signatures(drivers));
    }
  }

  @Test
  void driver_withTheStandIn_opensQueriesAndClosesTwoDatabases(@TempDir Path folder) {
    for (int i = 0; i < 2; i++) {
      try (Store store = Store.open(folder.resolve("store.duckdb"))) {
        Integer answer = store.read(c -> {
          try (var s = c.createStatement(); var r = s.executeQuery("SELECT 6 * 7")) {
            r.next();
            return r.getInt(1);
          }
        });

        assertThat(answer).isEqualTo(42);
      }
    }
  }

  /** The methods the driver calls: every one not private, as name(parameter types) return type. */
  private static Set<String> signatures(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
        .map(DuckDbJfrStandInTest::signature)
        .collect(Collectors.toSet());
  }

  private static String signature(Method method) {
    return (Modifier.isStatic(method.getModifiers()) ? "static " : "") + method.getName() + "("
        + Arrays.stream(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(", ")) + ") "
        + method.getReturnType().getName();
  }
}
