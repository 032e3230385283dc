package org.quartermaster.app.munitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;

/** The munition catalogue: every item name of the bundled data resolves, or is left unresolved on purpose. */
class CatalogueTest {
  /** The bundled data's names that name no single munition, on purpose (golden list). */
  private static final List<String> UNRESOLVED_ON_PURPOSE = List.of(
      "155mm artillery, ATGMs, MBT ammunition",
      "155mm components: 500,000 M119A2 charges; LAP 260,000 M231 + 2.2M M232A2 MACS; 16,900 M1128; HF steel",
      "ammunition/explosives/powder production capacity (31 projects, 15 member states)",
      "artillery ammunition", "artillery munitions (all calibres)", "artillery munitions fired", "artillery rounds",
      "artillery rounds (produced or refurbished)", "artillery shells", "artillery shells (all calibres)",
      "attack drones (Iranian-model)", "large-calibre propellant (155mm modular charges)", "long-range missiles",
      "main battle tanks (new + repaired)", "main battle tanks fielded (mostly refurbished)",
      "munitions framework contracts (Jan-Jun 2025)", "munitions, Patriot interceptors etc. since July 2023 DPAP",
      "tanks pulled from storage");

  private static Store store;
  private final Catalogue catalogue = Catalogue.bundled();

  @BeforeAll
  static void seed() {
    store = Store.inMemory();
    BundledDataset.seedIfEmpty(store, Countries.standard());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void resolve_everyItemNameOfTheBundledData_resolvesOrIsUnresolvedOnPurpose() {
    QueryResult unresolved = ItemsInStore.unresolved(store, catalogue);
    assertThat(unresolved.column("status")).containsOnly("unresolved on purpose");
    assertThat(unresolved.column("item")).containsExactlyInAnyOrderElementsOf(UNRESOLVED_ON_PURPOSE);
  }

  @Test
  void resolve_namesOfOneMunition_giveItsId() {
    for (String name : List.of("Stinger", "FIM-92 Stinger", "FIM-92K Stinger Block I", "stinger")) {
      assertThat(catalogue.munitionOf(name)).as(name).map(Munition::id).contains("stinger");
    }
    for (String name : List.of("155mm artillery shell", "155mm shells", "155mm ammunition", "155 MM shells",
        "155-mm  Artillery Shell", "shell-155")) {
      assertThat(catalogue.munitionOf(name)).as(name).map(Munition::id).contains("shell-155");
    }
    assertThat(catalogue.munitionOf("FGM-148 Javelin")).map(Munition::id).contains("javelin");
    assertThat(catalogue.munitionOf("MIM-104 PAC-3 MSE")).map(Munition::id).contains("pac-3-mse");
  }

  @Test
  void resolve_unknownName_isNeverAssigned_butSuggestsTheClosest() {
    Resolution resolution = catalogue.resolve("155mm shell");
    assertThat(resolution).isInstanceOf(Resolution.Unknown.class);
    assertThat(((Resolution.Unknown) resolution).suggestion().id()).isEqualTo("shell-155");
    assertThat(((Resolution.Unknown) catalogue.resolve("Stinger missile")).suggestion().id()).isEqualTo("stinger");
    assertThat(((Resolution.Unknown) catalogue.resolve("Iskander-M")).suggestion()).isNull();
  }

  /** Issue 11: every munition cites where its description comes from, and whether it is made, from a source. */
  @Test
  void munitions_everyRow_hasADescriptionSourceAndAStatusWithItsSource() {
    assertThat(catalogue.munitions()).hasSizeGreaterThan(10).allSatisfy(m -> {
      assertThat(m.source()).as(m.id()).isNotNull();
      assertThat(m.source().url()).as(m.id()).startsWith("https://");
      assertThat(m.source().publisher()).as(m.id()).isNotBlank();
      assertThat(m.source().title()).as(m.id()).isNotBlank();
      assertThat(m.source().grade()).as(m.id()).isNotNull();
      assertThat(m.status()).as(m.id()).isNotNull();
      assertThat(m.status().value()).as(m.id()).isIn(Munition.STATUSES);
      assertThat(m.status().sourceUrl()).as(m.id()).startsWith("https://");
    });
    assertThat(catalogue.findMunition("stinger").orElseThrow().status().value()).isEqualTo("in production");
  }

  @Test
  void items_catalogue_showsStatusAndSourcesOfEachMunition() {
    QueryResult items = ItemsInStore.catalogue(store, catalogue);

    assertThat(items.column("status")).doesNotContainNull();
    assertThat(items.column("source_url")).doesNotContainNull();
    assertThat(items.sources()).extracting(org.quartermaster.app.query.Source::url)
        .contains("https://milmag.pl/en/diehl-defence-to-supply-components-for-stinger-surface-to-air-missiles");
    assertThat(items.notes()).anyMatch(n -> n.startsWith("status of pac-2 (in production, 2024-01): https://"));
  }

  /** Each delivery window names a contract of the bundled data and quotes the words of that contract's note. */
  @Test
  void deliveryWindows_eachQuotesTheNoteOfABundledContract() {
    List<DeliveryWindow> windows = DeliveryWindows.bundled().all();
    assertThat(windows).isNotEmpty();
    for (DeliveryWindow w : windows) {
      long matching = org.quartermaster.app.store.StoreCounts.count(store, "SELECT count(*) FROM contracts WHERE"
          + " contract_id = '" + w.contractId() + "' AND contains(note, '" + w.asWritten().split(";")[0] + "')");
      assertThat(matching).as(w.contractId() + ": " + w.asWritten()).isPositive();
      assertThat(w.reading()).as(w.contractId()).contains("ASSUMPTION");
    }
  }

  @Test
  void components_ofA155mmRound_areOneProjectileChargeSetAndFuze_allInTheCatalogue() {
    assertThat(catalogue.components("shell-155")).extracting(Component::componentId)
        .containsExactly("shell-155-projectile", "charge-155", "fuze-155");
    assertThat(catalogue.components("shell-155")).extracting(Component::perRound).containsOnly(1.0);
    assertThat(catalogue.components("javelin")).isEmpty();
  }

  @Test
  void of_aliasNamingTwoMunitions_orAnUnknownId_isRefusedWithEveryProblem() {
    List<Munition> munitions = List.of(new Munition("a", "Alpha", null, null, "missiles", null),
        new Munition("b", "Beta", null, null, "missiles", null));
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("ALPHA", "b");
    aliases.put("gamma", "c");
    assertThatThrownBy(() -> Catalogue.of(munitions, aliases, List.of(new Component("a", "zeta", 1)),
        Map.of("beta", "why")))
        .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            "aliases.csv: 'ALPHA' names both 'a' and 'b'; a name may name one munition only",
            "aliases.csv: alias 'gamma' names id 'c', which munitions.csv does not have; did you mean 'a'?",
            "components.csv: 'zeta' is not an id of munitions.csv",
            "unresolved.csv: 'beta' is also a name of 'b'; keep it in one of the two files"));
  }

  @Test
  void itemsCatalogue_listsEachMunitionWithTheRowsNamingIt() {
    QueryResult items = ItemsInStore.catalogue(store, catalogue);
    int id = items.columnIndex("id");
    List<Object> stinger = items.rows().stream().filter(r -> "stinger".equals(r.get(id))).findFirst().orElseThrow();
    assertThat(stinger.get(items.columnIndex("rows"))).isEqualTo(18L);
    assertThat((String) stinger.get(items.columnIndex("names_in_store"))).contains("FIM-92K Stinger Block I", "Stinger");
  }
}
