package dev.scrying.console.model.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import org.junit.jupiter.api.Test;

class MirrorSceneTest {
  private static final String VIEW = """
      {"zone":{"id":"shop","name":"The Shop"},
       "areas":{"main":{"id":"main","name":"Main","spots":{
         "door":{"id":"door","name":"Door","items":[],"npcs":[]},
         "shelf":{"id":"shelf","name":"Shelf","items":[
           {"instance_id":"bottle_joy","semantic_name":"Bottle of Joy","state":{"glow_color":"golden","symbol":"moon"}},
           {"instance_id":"potion","semantic_name":"Potion"}],"npcs":[]},
         "counter":{"id":"counter","name":"Counter","items":[],"npcs":[{"template_id":"woander","name":"Woander"}]}}}},
       "players":{"bob":{"area":"main","spot":"counter"}},
       "player":{"current_location":"shop","current_area":"main","current_spot":"door","inventory":[]}}
      """;

  @Test
  void drawsOnlyWhatTheMirrorHolds() {
    MirrorScene s = MirrorScene.of("alice", Json.parse(VIEW), 7);
    assertThat(s.zoneName()).isEqualTo("The Shop");
    assertThat(s.columns()).isEqualTo(2);
    assertThat(s.rows()).isEqualTo(2);
    assertThat(s.spots()).extracting(SpotView::name).containsExactly("Door", "Shelf", "Counter");
    SpotView shelf = s.spots().get(1);
    assertThat(shelf.column()).isEqualTo(1);
    assertThat(shelf.items()).containsExactly(new ItemView("bottle_joy", "Bottle of Joy", "golden", "moon"),
        new ItemView("potion", "Potion", "", ""));
    assertThat(s.spots().get(0).self()).isTrue();
    assertThat(s.spots().get(2).npcs()).containsExactly("Woander");
    assertThat(s.spots().get(2).players()).containsExactly("bob");
  }

  @Test
  void aTakenBottleIsReportedWithWhereItWas() {
    MirrorScene before = MirrorScene.of("alice", Json.parse(VIEW), 7);
    MirrorScene after = MirrorScene.of("alice", Json.parse(VIEW.replace(
        "{\"instance_id\":\"bottle_joy\",\"semantic_name\":\"Bottle of Joy\",\"state\":{\"glow_color\":\"golden\",\"symbol\":\"moon\"}},", "")), 8);

    assertThat(after.vanishedSince(before)).singleElement().satisfies(v -> {
      assertThat(v.item().id()).isEqualTo("bottle_joy");
      assertThat(v.spotId()).isEqualTo("shelf");
      assertThat(v.slot()).isZero();
    });
    assertThat(after.contains("bottle_joy")).isFalse();
    assertThat(before.vanishedSince(after)).isEmpty();
    assertThat(after.vanishedSince(MirrorScene.EMPTY)).as("a new zone is not a vanishing").isEmpty();
  }
}
