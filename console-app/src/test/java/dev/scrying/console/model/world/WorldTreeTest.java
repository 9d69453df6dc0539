package dev.scrying.console.model.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.content.ExperienceLoader;
import org.junit.jupiter.api.Test;

class WorldTreeTest {
  private final WorldNode root = WorldTree.build(ExperienceLoader.loadBundled("wylding-woods").freshWorld());

  @Test
  void zonesAreasSpotsItemsAndNpcsAreNamedForPeople() {
    WorldNode zones = root.children().get(0);
    assertThat(root.children()).extracting(WorldNode::label).containsExactly("Zones", "NPCs", "Global state", "Metadata");
    WorldNode shop = zones.children().get(0);
    assertThat(shop.label()).isEqualTo("Woander's Magical Shop");
    assertThat(shop.kind()).isEqualTo(WorldNode.Kind.ZONE);
    WorldNode moonNook = find(shop, "/locations/woander_store/areas/main_room/spots/spot_3");
    assertThat(moonNook.value()).isEqualTo("spot_3 · 1 item");
    WorldNode joy = moonNook.children().get(0);
    assertThat(joy.label()).isEqualTo("Bottle of Joy");
    assertThat(joy.value()).isEqualTo("bottle_joy · golden");
    assertThat(joy.pointer()).isEqualTo("/locations/woander_store/areas/main_room/spots/spot_3/items/0");
    WorldNode counter = find(shop, "/locations/woander_store/areas/main_room/spots/counter");
    assertThat(counter.children()).extracting(WorldNode::kind).containsExactly(WorldNode.Kind.NPC);
  }

  @Test
  void searchFindsMatchesAndKeepsTheirAncestors() {
    var found = WorldTree.search(root, "JOY");
    assertThat(found).contains("/locations/woander_store/areas/main_room/spots/spot_3/items/0",
        "/locations/woander_store/areas/main_room/spots/spot_3", "/locations", "");
    assertThat(found).doesNotContain("/npcs");
    assertThat(WorldTree.countMatches(root, "joy")).as("the item, its two ids and its dream type").isEqualTo(4);
    assertThat(WorldTree.search(root, " ")).isEmpty();
  }

  private static WorldNode find(WorldNode n, String pointer) {
    if (n.pointer().equals(pointer)) {
      return n;
    }
    for (WorldNode c : n.children()) {
      WorldNode f = find(c, pointer);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
