package org.quartermaster.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.ListSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.engine.model.Scenario;

/**
 * "Every problem at once", as a property: a valid scenario with K independent defects (each in a
 * different place: a top-level field, a list's key, one entity) reports at least K problems, one at
 * each defect's path. Defects may nest (a misspelt {@code transfers} key and a bad month inside the
 * list), which is where one problem used to hide another. Seeded, so a failure reproduces.
 */
class InjectedDefectsTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int N = 4;
  private static final int HORIZON = 24;
  private static final List<String> LISTS = List.of("items", "holders", "lines", "stocks", "transfers");

  /** A defect applied to one place; returns the path (with the list key as written) it must be reported at. */
  private interface Defect extends BiFunction<ObjectNode, Map<String, String>, String> {}

  static Stream<Arguments> seeds() {
    return IntStream.range(0, 60).mapToObj(seed -> Arguments.of(seed, 1 + seed % 14));
  }

  @Test
  void parse_generatedScenarioWithoutDefects_isValid() {
    Scenario scenario = ScenarioReader.parse(json(validScenario()), "generated");

    assertThat(scenario.lines()).hasSize(N);
    assertThat(scenario.transfers()).hasSize(N);
  }

  @ParameterizedTest(name = "seed {0}: {1} defects")
  @MethodSource("seeds")
  void parse_kIndependentDefects_reportsAtLeastKProblemsOneAtEachPath(int seed, int k) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) seed);
    ObjectNode root = validScenario();
    List<Defect> sites = new ArrayList<>(sites());
    ListSampler.shuffle(rng, sites);
    Map<String, String> writtenList = new LinkedHashMap<>();
    LISTS.forEach(list -> writtenList.put(list, list));
    List<String> paths = new ArrayList<>();
    for (Defect defect : sites.subList(0, k)) {
      paths.add(defect.apply(root, writtenList));
    }
    String text = json(root);

    InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class,
        () -> ScenarioReader.parse(text, "generated"));

    assertThat(e).as("seed %d, %d defects in %s", seed, k, text).isNotNull();
    assertThat(e.problems()).as("problems of %s", text).hasSizeGreaterThanOrEqualTo(k);
    List<String> reported = e.problems().stream().map(Problem::path).toList();
    for (String path : paths) {
      assertThat(reported).as("problems of %s", text).contains(resolve(path, writtenList));
    }
  }

  /** Paths are written with {@code <lines>} placeholders: another defect may misspell the list's key. */
  private static String resolve(String path, Map<String, String> writtenList) {
    String out = path;
    for (var list : writtenList.entrySet()) {
      out = out.replace("<" + list.getKey() + ">", list.getValue());
    }
    return out;
  }

  private static List<Defect> sites() {
    List<Defect> sites = new ArrayList<>();
    sites.add((root, lists) -> set(root, "runs", 0, "runs"));
    sites.add((root, lists) -> set(root, "seed", "forty-two", "seed"));
    sites.add((root, lists) -> set(root, "start", "2024-13", "start"));
    for (String list : LISTS) {
      sites.add((root, lists) -> {
        String misspelt = list.substring(0, list.length() - 1);
        root.set(misspelt, root.remove(list));
        lists.put(list, misspelt);
        return misspelt;
      });
    }
    for (int i = 0; i < N; i++) {
      int at = i;
      List<Defect> kinds = List.of(
          (root, lists) -> rename(entity(root, lists, "items", at), "unit_cost_usd", "unit_cost_sd", "<items>", at),
          (root, lists) -> set(entity(root, lists, "holders", at), "flag", "blue", "<holders>[" + at + "].flag"),
          (root, lists) -> pickOne(at, List.of(
              (r, l) -> set(entity(r, l, "lines", at), "base_per_month", -1, "<lines>[" + at + "].base_per_month"),
              (r, l) -> rename(entity(r, l, "lines", at), "surge_per_month", "surge_per_mnth", "<lines>", at),
              (r, l) -> {
                ObjectNode delay = (ObjectNode) entity(r, l, "lines", at).get("ramp_delay_months");
                delay.put("mode", 9);
                return "<lines>[" + at + "].ramp_delay_months";
              },
              (r, l) -> set((ObjectNode) entity(r, l, "lines", at).get("disruption"), "probability", 1.5,
                  "<lines>[" + at + "].disruption.probability"),
              (r, l) -> set((ObjectNode) entity(r, l, "lines", at).get("shares"), "X" + at, 1,
                  "<lines>[" + at + "].shares.X" + at))).apply(root, lists),
          (root, lists) -> pickOne(at, List.of(
              (r, l) -> set(entity(r, l, "stocks", at), "initial", -5, "<stocks>[" + at + "].initial"),
              (r, l) -> rename(entity(r, l, "stocks", at), "target", "targt", "<stocks>", at),
              (r, l) -> set(entity(r, l, "stocks", at), "holder", "Y" + at, "<stocks>[" + at + "].holder"),
              (r, l) -> set((ObjectNode) entity(r, l, "stocks", at).get("demand").get(0), "per_month", -2,
                  "<stocks>[" + at + "].demand[0].per_month"))).apply(root, lists),
          (root, lists) -> pickOne(at, List.of(
              (r, l) -> set(entity(r, l, "transfers", at), "month", HORIZON + 3, "<transfers>[" + at + "].month"),
              (r, l) -> set(entity(r, l, "transfers", at), "quantity", 0, "<transfers>[" + at + "].quantity"),
              (r, l) -> set(entity(r, l, "transfers", at), "to", "Z" + at, "<transfers>[" + at + "].to"),
              (r, l) -> rename(entity(r, l, "transfers", at), "quantity", "quantiy", "<transfers>", at)))
              .apply(root, lists));
      sites.addAll(kinds);
    }
    return sites;
  }

  /** Entities of the same kind get different defect kinds, deterministically by index. */
  private static Defect pickOne(int at, List<Defect> kinds) {
    return kinds.get(at % kinds.size());
  }

  private static ObjectNode entity(ObjectNode root, Map<String, String> lists, String list, int index) {
    return (ObjectNode) root.get(lists.get(list)).get(index);
  }

  private static String set(ObjectNode node, String key, Object value, String path) {
    node.set(key, MAPPER.valueToTree(value));
    return path;
  }

  private static String rename(ObjectNode node, String from, String to, String list, int index) {
    node.set(to, node.remove(from));
    return list + "[" + index + "]." + to;
  }

  /** N items, holders, lines, stocks and transfers that reference each other, all valid. */
  private static ObjectNode validScenario() {
    ObjectNode root = JSON.objectNode();
    root.put("name", "generated").put("horizon_months", HORIZON).put("start", "2025-01").put("runs", 10)
        .put("seed", 42);
    ArrayNode items = root.putArray("items");
    ArrayNode holders = root.putArray("holders");
    ArrayNode lines = root.putArray("lines");
    ArrayNode stocks = root.putArray("stocks");
    ArrayNode transfers = root.putArray("transfers");
    for (int i = 0; i < N; i++) {
      String item = "i" + i;
      String holder = "h" + i;
      String next = "h" + (i + 1) % N;
      items.addObject().put("id", item).put("unit_cost_usd", 1000);
      holders.addObject().put("id", holder);
      ObjectNode line = lines.addObject().put("id", "line-" + i).put("item", item).put("base_per_month", 10)
          .put("surge_per_month", 20).put("ramp_start_month", 0).put("ramp_months", 3);
      line.putObject("ramp_delay_months").put("min", 0).put("mode", 1).put("max", 2);
      line.putObject("disruption").put("probability", 0.1).put("cut", 0.5);
      line.putObject("shares").put(holder, 1).put(next, 1);
      ObjectNode stock = stocks.addObject().put("holder", holder).put("item", item).put("initial", 100)
          .put("target", 200);
      stock.putArray("demand").addObject().put("from", 0).put("per_month", 3);
      transfers.addObject().put("from", holder).put("to", next).put("item", item).put("month", i + 1)
          .put("quantity", 10);
    }
    return root;
  }

  private static String json(ObjectNode root) {
    return root.toString();
  }
}
