package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Ids;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.http.ApiError;
import dev.scrying.server.http.RequestCommands;
import ch.qos.logback.classic.Level;
import dev.scrying.server.testing.Fuzz;
import dev.scrying.server.testing.LogCapture;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bounded property tests of the protocol decoders: the WebSocket message decoder, the HTTP body to
 * command mapping and the bus event decoder. For any input they answer (a message, a refusal with a
 * code, or null), never throw anything else, and what they accept is well-formed.
 */
class ProtocolDecoderFuzzTest {
  static final Identity PLAYER = new Identity("alice", Identity.Role.PLAYER);
  static final Set<String> ID_FIELDS = Set.of("instance_id", "destination", "target_npc_id", "target_player_id", "npc_id",
      "quest_id");
  static final String VALID_EVENT = "{\"type\":\"world_update\",\"version\":\"0.4\",\"experience\":\"wylding-woods\","
      + "\"user_id\":\"alice\",\"base_version\":3,\"snapshot_version\":4,\"changes\":[{\"operation\":\"remove\","
      + "\"area_id\":\"main_room\",\"spot_id\":\"spot_3\",\"instance_id\":\"bottle_joy\",\"zone_id\":\"woander_store\"}],"
      + "\"timestamp\":1795640498024,\"metadata\":{\"command\":\"collect_item\",\"actor\":\"alice\"}}";
  static int decoded;
  static int refused;

  @Test
  void webSocketMessagesDecodeOrAreRefusedWithACode() {
    int n = Fuzz.iterations(3_000);
    for (long seed : Fuzz.SEEDS) {
      Fuzz f = new Fuzz(seed);
      for (int i = 0; i < n; i++) {
        String text = switch (i % 3) {
          case 0 -> f.message().toString();
          case 1 -> f.mutate("{\"type\":\"action\",\"action\":\"collect_item\",\"instance_id\":\"bottle_joy\",\"request_id\":\"r-1\"}");
          default -> f.mutate(f.message().toString());
        };
        ClientMessage m = decode(text, seed, i);
        if (m instanceof ClientMessage.Invalid bad) {
          assertThat(bad.code()).as("seed %d #%d %s", seed, i, text).matches("[a-z_]+");
          refused++;
        } else {
          checkAccepted(m, seed, i, text);
          decoded++;
        }
      }
    }
    System.out.printf("RELIABILITY fuzz-ws-decoder seeds=%d iterations=%d decoded=%d refused=%d exceptions=0%n",
        Fuzz.SEEDS.size(), n * Fuzz.SEEDS.size(), decoded, refused);
  }

  @Test
  void httpBodiesBecomeCommandsOrFourHundreds() {
    int n = Fuzz.iterations(3_000);
    int commands = 0;
    int refusals = 0;
    for (long seed : Fuzz.SEEDS) {
      Fuzz f = new Fuzz(seed);
      for (int i = 0; i < n; i++) {
        ObjectNode body = f.message();
        try {
          RequestCommands.checkStrings(body, 2_000);
          Command c = RequestCommands.fromBody(body, PLAYER);
          assertThat(c.userId()).as("identity from the token only").isEqualTo("alice");
          assertThat(c.admin()).isFalse();
          for (String field : ID_FIELDS) {
            String v = c.field(field);
            assertThat(v == null || Ids.isEntityId(v)).as("seed %d #%d %s: %s=%s", seed, i, body, field, v).isTrue();
          }
          commands++;
        } catch (ApiError e) {
          assertThat(e.status()).as("seed %d #%d %s", seed, i, body).isBetween(400, 499);
          assertThat(e.code()).matches("[a-z_]+");
          refusals++;
        } catch (RuntimeException e) {
          fail("seed %d #%d: %s threw %s", seed, i, body, e);
        }
      }
    }
    System.out.printf("RELIABILITY fuzz-request-commands iterations=%d commands=%d refused=%d exceptions=0%n",
        n * Fuzz.SEEDS.size(), commands, refusals);
  }

  @Test
  void busPayloadsDecodeToAnEventOrNull() {
    int n = Fuzz.iterations(3_000);
    int events = 0;
    int dropped = 0;
    byte[] valid = VALID_EVENT.getBytes(StandardCharsets.UTF_8);
    assertThat(BusPlayerEvents.decode(valid)).isNotNull();
    // Each dropped payload is logged at WARN; thousands of them would only bury the build log.
    try (LogCapture quiet = new LogCapture(Map.of(BusPlayerEvents.class.getName(), Level.ERROR))) {
    for (long seed : Fuzz.SEEDS) {
      Fuzz f = new Fuzz(seed);
      for (int i = 0; i < n; i++) {
        byte[] payload = switch (i % 3) {
          case 0 -> f.mutate(valid);
          case 1 -> f.mutate(VALID_EVENT).getBytes(StandardCharsets.UTF_8);
          default -> f.json(4).toString().getBytes(StandardCharsets.UTF_8);
        };
        WorldUpdateEvent e;
        try {
          e = BusPlayerEvents.decode(payload);
        } catch (RuntimeException ex) {
          throw new AssertionError("seed " + seed + " #" + i + " threw " + ex, ex);
        }
        if (e == null) {
          dropped++;
          continue;
        }
        events++;
        // What a connection accepts must be usable by it: a chain position and changes it can write.
        assertThat(e.changes()).as("seed %d #%d", seed, i).isNotNull();
        assertThat(e.metadata()).isNotNull();
        assertThat(Json.write(e)).contains("world_update");
        e.forClientAt(e.baseVersion());
      }
    }
    }
    System.out.printf("RELIABILITY fuzz-bus-decoder iterations=%d events=%d dropped=%d exceptions=0%n",
        n * Fuzz.SEEDS.size(), events, dropped);
  }

  private static ClientMessage decode(String text, long seed, int i) {
    try {
      return ClientMessages.decode(text, PLAYER);
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed + " #" + i + ": " + text + " threw " + e, e);
    }
  }

  private static void checkAccepted(ClientMessage m, long seed, int i, String text) {
    String where = "seed " + seed + " #" + i + " " + text;
    if (m instanceof ClientMessage.Action a) {
      assertThat(a.command().userId()).as(where).isEqualTo("alice");
      assertThat(a.command().admin()).as(where).isFalse();
      assertThat(a.clientAction()).as(where).isNotBlank();
    } else if (m instanceof ClientMessage.Chat c) {
      assertThat(c.text()).as(where).isNotBlank().hasSizeLessThanOrEqualTo(2_000);
    } else if (m instanceof ClientMessage.Location l) {
      assertThat(Math.abs(l.lat())).as(where).isLessThanOrEqualTo(90);
      assertThat(Math.abs(l.lng())).as(where).isLessThanOrEqualTo(180);
    } else if (m instanceof ClientMessage.Ping p) {
      JsonNode ts = p.clientTimestamp();
      assertThat(ts == null || ts.isNumber() || ts.isTextual()).as(where).isTrue();
    }
  }
}
