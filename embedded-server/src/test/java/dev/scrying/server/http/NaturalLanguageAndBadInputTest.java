package dev.scrying.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Natural-language phrasings resolve to structured commands; bad input is refused and changes nothing. */
class NaturalLanguageAndBadInputTest {
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

  long version() {
    return admin.get("/health").body().path("experiences").path("wylding-woods").path("version").asLong();
  }

  String ran(TestClient.Reply r) {
    return r.body().path("metadata").path("command").path("action").asText();
  }

  @Test
  void ambiguousBottleAsksBack() {
    var r = guest.say("take dream bottle");
    assertThat(r.success()).isFalse();
    assertThat(r.narrative()).isEqualTo("Which bottle: mystery, energy, joy or nature?");
  }

  @Test
  void phrasingsResolveToStructuredCommands() {
    var pick = guest.say("pick up the bottle of joy");
    assertThat(pick.success()).isTrue();
    assertThat(ran(pick)).isEqualTo("collect_item");
    assertThat(pick.body().path("metadata").path("command").path("instance_id").asText()).isEqualTo("bottle_joy");

    var grab = guest.say("grab the mystery bottle");
    assertThat(grab.body().path("metadata").path("command").path("instance_id").asText()).isEqualTo("bottle_mystery");

    var give = guest.say("give the joy bottle to Louisa");
    assertThat(ran(give)).isEqualTo("give_item");
    assertThat(give.body().path("metadata").path("command").path("target_npc_id").asText()).isEqualTo("louisa");
    assertThat(give.narrative()).contains("That's 1 out of 4 bottles");

    var go = guest.say("go to the counter");
    assertThat(ran(go)).isEqualTo("go");
    assertThat(go.body().path("metadata").path("command").path("destination").asText()).isEqualTo("counter");

    var inv = guest.say("what do I have");
    assertThat(ran(inv)).isEqualTo("inventory");
    assertThat(inv.narrative()).contains("Bottle of Mystery");

    var talk = guest.say("talk to louisa");
    assertThat(ran(talk)).isEqualTo("talk");
    assertThat(talk.body().path("metadata").path("command").path("npc_id").asText()).isEqualTo("louisa");
    assertThat(ran(guest.say("talk louisa"))).isEqualTo("talk");

    var it = guest.say("give it to the fairy");
    assertThat(it.body().path("metadata").path("command").path("instance_id").asText()).isEqualTo("bottle_mystery");
    assertThat(it.success()).isTrue();
  }

  @Test
  void lastBottleNeedsNoClarification() {
    for (String b : new String[] {"bottle_mystery", "bottle_energy", "bottle_nature"}) {
      assertThat(guest.act("collect_item", "instance_id", b).success()).isTrue();
    }
    var r = guest.say("take dream bottle");
    assertThat(r.success()).isTrue();
    assertThat(r.body().path("metadata").path("command").path("instance_id").asText()).isEqualTo("bottle_joy");
  }

  @Test
  void nonsenseListsWhatIsPossible() {
    long v = version();
    var r = guest.say("dance wildly under the moon");
    assertThat(r.success()).isFalse();
    assertThat(r.narrative()).contains("I don't know how to").contains("You can:").contains("Bottle of Joy");
    var missing = guest.say("take the golden chalice");
    assertThat(missing.success()).isFalse();
    assertThat(missing.narrative()).contains("There's no 'golden chalice' here");
    assertThat(version()).isEqualTo(v);
  }

  @Test
  void badInputGetsFourHundredsAndChangesNothing() {
    long v = version();
    assertThat(guest.postRaw("/experience/interact", "{not json").status()).isEqualTo(400);
    assertThat(guest.postRaw("/experience/interact", "{not json").errorCode()).isEqualTo("invalid_json");
    assertThat(guest.postRaw("/experience/interact", "[1,2]").errorCode()).isEqualTo("invalid_json");
    var unknownExp = guest.post("/experience/interact", Json.object().put("experience", "nope").put("message", "look"));
    assertThat(unknownExp.status()).isEqualTo(404);
    var pathy = guest.post("/experience/interact", Json.object().put("experience", "../etc").put("message", "look"));
    assertThat(pathy.status()).isEqualTo(400);
    assertThat(guest.get("/experience/..%2F..%2Fetc/view").status()).isBetween(400, 404);
    var unknownCmd = guest.act("fly_away");
    assertThat(unknownCmd.status()).isEqualTo(400);
    assertThat(unknownCmd.errorCode()).isEqualTo("unknown_command");
    var huge = guest.post("/experience/interact", Json.object().put("message", "x".repeat(200_000)));
    assertThat(huge.status()).isIn(400, 413);
    var deep = guest.postRaw("/experience/interact", "[".repeat(5000) + "]".repeat(5000));
    assertThat(deep.status()).isEqualTo(400);
    var wrongType = guest.post("/experience/interact", Json.object().put("action", "collect_item").set("instance_id", Json.object()));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(guest.post("/experience/interact", Json.object().put("message", "look").put("request_id", "../x")).status())
        .isEqualTo(400);
    assertThat(TestClient.raw(server.baseUrl(), "POST", "/experience/interact", "{\"message\":\"look\"}", null).status())
        .isEqualTo(401);
    assertThat(TestClient.raw(server.baseUrl(), "POST", "/experience/interact", "{\"message\":\"look\"}",
        guest.token() + "x").status()).isEqualTo(401);
    assertThat(guest.get("/experience/wylding-woods/world").status()).isEqualTo(403);
    assertThat(guest.get("/experience/wylding-woods/players/operator").status()).isEqualTo(403);
    assertThat(admin.post("/dev/token", Json.object().put("user_id", "a.b*c")).status()).isEqualTo(400);
    assertThat(version()).isEqualTo(v);
    assertThat(guest.say("look around").success()).isTrue();
  }

  @Test
  void retryWithTheSameRequestIdReturnsTheFirstResult() {
    var body = Json.object().put("experience", "wylding-woods").put("action", "collect_item")
        .put("instance_id", "bottle_joy").put("request_id", "req-1");
    var first = guest.post("/experience/interact", body);
    long v = version();
    var second = guest.post("/experience/interact", body);
    assertThat(first.success()).isTrue();
    assertThat(second.success()).isTrue();
    assertThat(second.narrative()).isEqualTo(first.narrative());
    assertThat(second.body().path("metadata").path("duplicate").asBoolean()).isTrue();
    assertThat(second.body().path("metadata").path("version").asLong()).isEqualTo(first.body().path("metadata").path("version").asLong());
    assertThat(version()).isEqualTo(v);
  }
}
