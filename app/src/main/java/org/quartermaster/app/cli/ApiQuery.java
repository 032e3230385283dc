package org.quartermaster.app.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code qm query} command as the REST API's read endpoint answers it: the endpoint's path and the
 * command's options as its query parameters (those not given left out).
 */
record ApiQuery(String path, Map<String, String> params) {
  ApiQuery {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  static ApiQuery of(String path) {
    return new ApiQuery(path, Map.of());
  }

  /** This query with one more parameter; a null value is left out. */
  ApiQuery with(String name, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(params);
    more.put(name, value.toString());
    return new ApiQuery(path, more);
  }
}
