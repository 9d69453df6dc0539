package dev.scrying.console.model.players;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.scenarios.client.ConnectionState;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorReadingTest {
  private static final String VIEW = """
      {"zone":{"id":"shop","name":"The Shop"},
       "areas":{"main":{"id":"main","name":"Main Room","spots":{
         "shelf":{"id":"shelf","name":"Shelf","items":[{"instance_id":"bottle_joy","semantic_name":"Bottle of Joy"}],
                  "npcs":[{"template_id":"louisa","name":"Louisa"}]}}}},
       "player":{"current_location":"shop","current_area":"main","current_spot":"shelf",
                 "inventory":[{"instance_id":"moonstone","semantic_name":"Moonstone"}]}}
      """;

  @Test
  void aCardSaysWhereThePlayerIsAndWhatTheyHold() {
    PlayerCard c = MirrorReading.card("alice", ConnectionState.OPEN, Json.parse(VIEW), 12, 0, MirrorCheck.UNKNOWN);
    assertThat(c.zone()).isEqualTo("The Shop");
    assertThat(c.place()).isEqualTo("Shelf");
    assertThat(c.inventory()).containsExactly("Moonstone");
    assertThat(c.version()).isEqualTo(12);
  }

  @Test
  void targetsAreWhatIsInReachPerField() {
    var t = MirrorReading.targets(Json.parse(VIEW), List.of(new ZoneChoice("clearing", "The Clearing", 1, 2)));
    assertThat(t.get("instance_id")).extracting(Target::id).containsExactly("bottle_joy", "moonstone");
    assertThat(t.get("target_npc_id")).extracting(Target::id).containsExactly("louisa");
    assertThat(t.get("destination")).extracting(Target::id).containsExactly("main", "shelf", "clearing");
  }

  @Test
  void zonesComeFromTheWorldsGps() {
    var zones = MirrorReading.zones(ExperienceLoader.loadBundled("wylding-woods").freshWorld());
    assertThat(zones).extracting(ZoneChoice::id).containsExactly("woander_store", "clearing");
    assertThat(zones.get(0).lat()).isEqualTo(37.906512);
  }

  @Test
  void commandsComeFromTheSchemaWithoutTheGpsMessage() {
    var schema = Json.parse("{\"commands\":{\"collect_item\":{\"description\":\"Pick it up\",\"properties\":{"
        + "\"type\":{},\"action\":{},\"instance_id\":{}}},\"update_location\":{\"properties\":{\"lat\":{}}}}}");
    assertThat(MirrorReading.commands(schema)).containsExactly(new CommandSpec("collect_item", "Pick it up",
        List.of("instance_id")));
  }
}
