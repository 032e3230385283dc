package org.quartermaster.app.munitions.build;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build is asked, as given ({@code qm scenario build} options or the API's JSON body), before it
 * is checked. A built scenario records it in its header (canonical: the munition's id, holders' codes),
 * so that {@code qm scenario rebuild} needs nothing else.
 *
 * @param item      a munition id or any of its names
 * @param holders   holder ids: ISO 3166 alpha-3 codes or a pool ({@code NSPA})
 * @param start     the calendar month of t = 0, {@code YYYY-MM}
 * @param horizon   months, 1 to {@value ScenarioBuild#MAX_HORIZON}
 * @param rateBasis actual, capacity or target (null: actual)
 * @param assume    scenario path → value, in the order given (null: none)
 */
public record BuildRequest(String item, List<String> holders, String start, Integer horizon,
    @JsonProperty("rate_basis") String rateBasis, Map<String, String> assume) {
  public BuildRequest {
    holders = holders == null ? List.of() : List.copyOf(holders);
    assume = assume == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assume));
  }
}
