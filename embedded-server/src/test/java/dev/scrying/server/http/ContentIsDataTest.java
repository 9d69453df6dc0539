package dev.scrying.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second, tiny experience loads from a plain folder and plays with no code change; the quest is data. */
class ContentIsDataTest {
  static final Path CONTENT = Path.of("..", "experiences", "src", "test", "resources", "test-experiences");
  @TempDir Path data;

  @Test
  void tinyGrovePlaysEndToEnd() throws Exception {
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(data).withContentDir(CONTENT).withNats(NatsConfig.off()))) {
      assertThat(server.experienceIds()).containsExactly("tiny-grove");
      TestClient p = TestClient.login(server.baseUrl(), "ada", false);
      var take = p.post("/experience/interact", Json.object().put("experience", "tiny-grove").put("message", "take the gold acorn"));
      assertThat(take.success()).as(take.narrative()).isTrue();
      var give = p.post("/experience/interact", Json.object().put("experience", "tiny-grove")
          .put("action", "give_item").put("instance_id", "acorn_gold").put("target_npc_id", "hazel"));
      assertThat(give.success()).as(give.narrative()).isTrue();
      JsonNode q = give.body().path("metadata").path("hook_result").path("quest_updates");
      assertThat(q.path("bottles_collected").asInt()).isEqualTo(1);
      assertThat(q.path("bottles_total").asInt()).isEqualTo(2);
      TestClient admin = TestClient.login(server.baseUrl(), "op", true);
      JsonNode world = admin.get("/experience/tiny-grove/world").body().path("world");
      assertThat(world.path("npcs").path("hazel").path("state").path("acorns_received").asInt()).isEqualTo(1);
      assertThat(world.path("global_state").path("acorns_found").asInt()).isEqualTo(1);
      assertThat(world.path("npcs").path("hazel").path("state").has("bottles_collected")).isFalse();
      var unknown = p.post("/experience/interact", Json.object().put("experience", "wylding-woods").put("message", "look"));
      assertThat(unknown.status()).isEqualTo(404);
    }
  }

  @Test
  void talkOffersTheQuestAndAcceptQuestRevealsHiddenQuestItems() throws Exception {
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()))) {
      TestClient admin = TestClient.login(server.baseUrl(), "op", true);
      TestClient guest = TestClient.login(server.baseUrl(), "guest", false);
      assertThat(admin.say("@edit item bottle_joy visible false").success()).isTrue();
      var talk = guest.say("talk to louisa");
      assertThat(talk.body().path("metadata").path("quest_offered").asText()).isEqualTo("bottle_quest");
      var accept = guest.say("accept quest");
      assertThat(accept.success()).isTrue();
      assertThat(accept.body().path("metadata").path("items_shown")).extracting(JsonNode::asText).contains("bottle_joy");
      JsonNode view = guest.get("/experience/wylding-woods/view").body();
      assertThat(view.path("player").path("quests").path("bottle_quest").path("status").asText()).isEqualTo("active");
      assertThat(view.path("areas").path("main_room").path("spots").path("spot_3").path("items")).hasSize(1);
      assertThat(guest.act("accept_quest").narrative()).contains("already accepted");
    }
  }
}
