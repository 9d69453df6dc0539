package dev.scrying.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player journeys J1-J7 and J10 (facts section 7), adapted to our content, over real HTTP. */
class JourneysTest {
  @TempDir Path data;
  ScryingServer server;
  TestClient admin;
  TestClient guest;

  @BeforeEach
  void start() throws Exception {
    server = ScryingServer.start(ServerConfig.local(data));
    admin = TestClient.login(server.baseUrl(), "operator", true);
    guest = TestClient.login(server.baseUrl(), "guest1", false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  JsonNode world() {
    return admin.get("/experience/wylding-woods/world").body().path("world");
  }

  JsonNode spotItems(String spot) {
    return world().path("locations").path("woander_store").path("areas").path("main_room").path("spots").path(spot).path("items");
  }

  List<String> inventory(TestClient c) {
    List<String> ids = new ArrayList<>();
    c.get("/experience/wylding-woods/view").body().path("player").path("inventory")
        .forEach(i -> ids.add(i.path("instance_id").asText()));
    return ids;
  }

  @Test
  void j1_fastCollect() {
    assertThat(admin.say("@reset experience CONFIRM").success()).isTrue();
    assertThat(guest.act("go", "destination", "main_room").success()).isTrue();
    var r = guest.act("collect_item", "instance_id", "bottle_mystery");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.success()).isTrue();
    assertThat(r.narrative()).isEqualTo("You collected Bottle of Mystery.");
    assertThat(r.body().path("state_updates").path("changes")).anySatisfy(c ->
        assertThat(c.path("operation").asText()).isEqualTo("remove"));
    assertThat(spotItems("spot_1")).isEmpty();
    assertThat(inventory(guest)).containsExactly("bottle_mystery");
    var again = guest.act("collect_item", "instance_id", "bottle_mystery");
    assertThat(again.success()).isFalse();
    assertThat(inventory(guest)).containsExactly("bottle_mystery");
  }

  @Test
  void j2_louisaQuest() {
    var preview = admin.say("@reset experience");
    assertThat(preview.success()).isFalse();
    assertThat(preview.body().path("metadata").path("requires_confirm").asBoolean()).isTrue();
    assertThat(admin.say("@reset experience CONFIRM").success()).isTrue();
    assertThat(guest.act("go", "destination", "main_room").success()).isTrue();
    String[] bottles = {"bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature"};
    for (String b : bottles) {
      assertThat(guest.act("collect_item", "instance_id", b).success()).as(b).isTrue();
    }
    for (int i = 0; i < bottles.length; i++) {
      var r = guest.act("give_item", "instance_id", bottles[i], "target_npc_id", "louisa");
      assertThat(r.success()).isTrue();
      JsonNode q = r.body().path("metadata").path("hook_result").path("quest_updates");
      assertThat(q.path("bottles_collected").asInt()).isEqualTo(i + 1);
      assertThat(r.narrative()).contains("That's " + (i + 1) + " out of 4 bottles");
      assertThat(q.path("quest_complete").asBoolean()).isEqualTo(i == 3);
      if (i == 3) {
        assertThat(r.narrative()).contains("You found them all!");
      }
    }
    JsonNode w = world();
    assertThat(w.path("npcs").path("louisa").path("state").path("bottles_collected").asInt()).isEqualTo(4);
    assertThat(w.path("global_state").path("dream_bottles_found").asInt()).isEqualTo(4);
    assertThat(w.path("global_state").path("quest_started").asBoolean()).isTrue();
    assertThat(w.path("npcs").path("louisa").path("inventory")).hasSize(4);
    assertThat(inventory(guest)).isEmpty();

    assertThat(admin.say("@reset experience CONFIRM").success()).isTrue();
    JsonNode after = world();
    assertThat(after.path("npcs").path("louisa").path("state").path("bottles_collected").asInt()).isZero();
    assertThat(after.path("global_state").path("dream_bottles_found").asInt()).isZero();
    assertThat(spotItems("spot_3").get(0).path("instance_id").asText()).isEqualTo("bottle_joy");
  }

  @Test
  void j3_dropLandsOnThePlayersSpotAndStaysCollectable() {
    guest.act("collect_item", "instance_id", "bottle_joy");
    assertThat(guest.act("go", "destination", "counter").success()).isTrue();
    var drop = guest.act("drop_item", "instance_id", "bottle_joy");
    assertThat(drop.success()).isTrue();
    assertThat(drop.narrative()).isEqualTo("You dropped Bottle of Joy.");
    assertThat(spotItems("counter")).anySatisfy(i -> {
      assertThat(i.path("instance_id").asText()).isEqualTo("bottle_joy");
      assertThat(i.path("visible").asBoolean()).isTrue();
    });
    assertThat(inventory(guest)).isEmpty();
    assertThat(guest.act("drop_item", "instance_id", "nonexistent_item").narrative())
        .isEqualTo("You don't have 'nonexistent_item' in your inventory.");
    assertThat(guest.act("collect_item", "instance_id", "bottle_joy").success()).isTrue();
  }

  @Test
  void j4_giveNeedsTheNpcNearby() {
    guest.act("collect_item", "instance_id", "bottle_joy");
    assertThat(guest.act("go", "destination", "clearing").success()).isTrue();
    var far = guest.act("give_item", "instance_id", "bottle_joy", "target_npc_id", "louisa");
    assertThat(far.success()).isFalse();
    assertThat(far.narrative()).isEqualTo("You must be in the same location as Louisa.");
    assertThat(inventory(guest)).containsExactly("bottle_joy");
    guest.act("go", "destination", "woander_store");
    assertThat(guest.act("give_item", "instance_id", "bottle_joy", "target_npc_id", "louisa").success()).isTrue();
    assertThat(inventory(guest)).isEmpty();
  }

  @Test
  void j5_use() {
    guest.act("collect_item", "instance_id", "health_potion_1");
    var used = guest.act("use_item", "instance_id", "health_potion_1");
    assertThat(used.success()).isTrue();
    assertThat(used.narrative()).contains("+20 HP").startsWith("You consumed");
    assertThat(inventory(guest)).isEmpty();
    assertThat(guest.get("/experience/wylding-woods/view").body().path("player").path("stats").path("health").asInt())
        .isEqualTo(100);
    assertThat(guest.act("use_item", "instance_id", "nonexistent_item").success()).isFalse();
    guest.act("collect_item", "instance_id", "bottle_joy");
    assertThat(guest.act("use_item", "instance_id", "bottle_joy").narrative())
        .isEqualTo("You can't use Bottle of Joy right now.");
  }

  @Test
  void j6_examine() {
    var inWorld = guest.act("examine", "instance_id", "bottle_joy");
    assertThat(inWorld.success()).isTrue();
    assertThat(inWorld.narrative()).startsWith("**Bottle of Joy**").contains("golden").doesNotContain("(In your inventory)");
    guest.act("collect_item", "instance_id", "health_potion_1");
    var held = guest.act("examine", "instance_id", "health_potion_1");
    assertThat(held.narrative()).contains("Restores 20 HP").contains("(In your inventory)");
    assertThat(held.body().path("metadata").path("location").asText()).isEqualTo("inventory");
    assertThat(guest.act("examine", "instance_id", "nonexistent_item").narrative())
        .isEqualTo("You don't see 'nonexistent_item' here.");
  }

  @Test
  void j7_inventory() {
    assertThat(guest.act("inventory").narrative()).isEqualTo("Your inventory is empty.");
    guest.act("collect_item", "instance_id", "bottle_joy");
    assertThat(guest.act("inventory").body().path("metadata").path("item_count").asInt()).isEqualTo(1);
    guest.act("collect_item", "instance_id", "health_potion_1");
    JsonNode meta = guest.act("inventory").body().path("metadata");
    assertThat(meta.path("item_count").asInt()).isEqualTo(2);
    assertThat(meta.path("unique_items").asInt()).isEqualTo(2);
  }

  @Test
  void j10_adminViewsAndEdit() {
    var where = admin.say("@where");
    assertThat(where.success()).isTrue();
    assertThat(where.narrative()).contains("bottle_joy").contains("visible=true").contains("collectible=true")
        .contains("main_room").contains("@examine");
    var examine = admin.say("@examine item bottle_joy");
    assertThat(examine.body().path("metadata").path("raw_json").path("instance_id").asText()).isEqualTo("bottle_joy");
    assertThat(examine.body().path("metadata").path("editable_properties").has("visible")).isTrue();
    var edit = admin.say("@edit item bottle_joy visible false");
    assertThat(edit.success()).isTrue();
    assertThat(spotItems("spot_3").get(0).path("visible").asBoolean()).isFalse();
    JsonNode view = guest.get("/experience/wylding-woods/view").body();
    assertThat(view.path("areas").path("main_room").path("spots").path("spot_3").path("items")).isEmpty();
    assertThat(admin.say("@edit item bottle_joy visible maybe").narrative()).startsWith("Type mismatch");
    var forbidden = guest.say("@where");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.success()).isFalse();
    assertThat(admin.say("@reset player guest1").success()).isFalse();
  }

  @Test
  void resetScopesAreParsedExactly() {
    guest.act("collect_item", "instance_id", "bottle_joy");
    long before = admin.get("/health").body().path("experiences").path("wylding-woods").path("version").asLong();
    assertThat(admin.say("@reset instance 2 CONFIRM").narrative()).startsWith("Unknown reset scope 'instance'");
    assertThat(admin.say("@reset player CONFIRM").narrative()).startsWith("Usage:");
    assertThat(admin.get("/health").body().path("experiences").path("wylding-woods").path("version").asLong()).isEqualTo(before);
    var player = admin.say("@reset player guest1 CONFIRM");
    assertThat(player.success()).isTrue();
    assertThat(inventory(guest)).isEmpty();
    assertThat(spotItems("spot_3").get(0).path("instance_id").asText()).isEqualTo("bottle_joy");
    assertThat(player.body().path("metadata").path("version").asLong()).isGreaterThan(before);
  }
}
