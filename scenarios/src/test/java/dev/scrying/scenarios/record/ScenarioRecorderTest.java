package dev.scrying.scenarios.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.client.ActionResult;
import dev.scrying.scenarios.client.ChatResult;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.format.ConnectionKind;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.Step;
import dev.scrying.scenarios.local.EmbeddedServer;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.ScenarioRunner;
import dev.scrying.scenarios.run.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session played by hand, recorded as the console would, becomes a valid file that replays and passes. */
class ScenarioRecorderTest {
  @TempDir Path dir;

  @Test
  void aRecordedSessionReplaysAndPasses() throws Exception {
    ScenarioRecorder rec = new ScenarioRecorder("recorded session", "wylding-woods");
    try (EmbeddedServer embedded = EmbeddedServer.start(EmbeddedServer.TEST_PACING);
         ServerHandle server = ServerHandle.connect(embedded.baseUrl(), null)) {
      play(server, rec);
      Path file = dir.resolve("recorded.yaml");
      rec.save(file);

      Scenario replay = rec.toScenario(file);
      assertThat(replay.steps()).extracting(Step::kind)
          .containsExactly("reset", "command", "say", "chat", "command", "connect", "gps", "command", "command");
      assertThat(replay.player("rita").orElseThrow().joinsLater()).isTrue();
      assertThat(Files.readString(file)).contains("command: collect_item", "instance_id: bottle_joy",
          "You collected Bottle of Joy.", "joins: later");

      try (ScenarioRunner runner = new ScenarioRunner(server, replay)) {
        ScenarioResult r = runner.run();
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.status()).as(s.name() + " " + s.failures())
            .isEqualTo(StepStatus.PASSED));
        assertThat(r.passed()).isTrue();
      }
    }
  }

  /** What an operator does in the console, recorded call by call. */
  private static void play(ServerHandle server, ScenarioRecorder rec) throws Exception {
    JsonNode reset = server.post("/admin/experience/wylding-woods/reset", Json.object().put("scope", "experience").put("confirm", true));
    rec.player("quinn", Set.of(ConnectionKind.WEBSOCKET), false);
    rec.reset("experience", null, reset.path("success").asBoolean());
    try (SimulatedPlayer quinn = SimulatedPlayer.connect(server, "wylding-woods", "quinn")) {
      ActionResult joy = quinn.act("collect_item", Map.of("instance_id", "bottle_joy")).get(10, TimeUnit.SECONDS);
      rec.command("quinn", "collect_item", Map.of("instance_id", "bottle_joy"), joy);
      ActionResult energy = quinn.say("take the energy bottle").get(10, TimeUnit.SECONDS);
      rec.say("quinn", "take the energy bottle", energy);
      ChatResult give = quinn.chat("give it to Louisa").get(20, TimeUnit.SECONDS);
      rec.chat("quinn", "give it to Louisa", give);
      ActionResult gone = quinn.act("collect_item", Map.of("instance_id", "bottle_joy")).get(10, TimeUnit.SECONDS);
      rec.command("quinn", "collect_item", Map.of("instance_id", "bottle_joy"), gone);

      rec.player("rita", Set.of(ConnectionKind.WEBSOCKET), false);
      try (SimulatedPlayer rita = SimulatedPlayer.connect(server, "wylding-woods", "rita")) {
        JsonNode clearing = rita.updateLocation(37.9091, -122.541).get(10, TimeUnit.SECONDS);
        rec.gps("rita", 37.9091, -122.541, clearing);
        ActionResult pouch = rita.act("collect_item", Map.of("instance_id", "fairy_dust_pouch")).get(10, TimeUnit.SECONDS);
        rec.command("rita", "collect_item", Map.of("instance_id", "fairy_dust_pouch"), pouch);
      }
      ActionResult back = quinn.act("give_item", Map.of("instance_id", "bottle_joy", "target_npc_id", "louisa"))
          .get(10, TimeUnit.SECONDS);
      rec.command("quinn", "give_item", Map.of("instance_id", "bottle_joy", "target_npc_id", "louisa"), back);
      assertThat(back.message()).contains("out of 4 bottles");
      assertThat(gone.success()).isFalse();
    }
  }
}
