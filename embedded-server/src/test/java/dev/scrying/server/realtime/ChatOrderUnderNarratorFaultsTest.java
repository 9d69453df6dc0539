package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.narrative.NarratorSettings;
import dev.scrying.server.narrative.OpenAiNarratorConfig;
import dev.scrying.server.store.StorageFaults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G20: 500 chat turns that each change the world, narrated by an OpenAI-compatible model that answers
 * late, fails with 500, or breaks off mid-stream, at random, while three other players do the same.
 * Every stream must show its own world_update before the first narrative token and end with done; a failed narration ends with an error frame,
 * and its state change stays (exactly one new version per turn, nothing rolled back or doubled).
 */
class ChatOrderUnderNarratorFaultsTest {
  private static final int TURNS = Integer.getInteger("scrying.faults.chatTurns", 500);
  private static final List<String> PLAYERS = List.of("ana", "ben", "cai", "dee");
  private static final List<String> BOTTLES = List.of("joy", "energy", "mystery", "nature");
  @TempDir Path data;

  enum Reply { STREAM, LATE_STREAM, HTTP_500, BROKEN_STREAM }

  @Test
  void worldUpdateComesFirstAndStaysWhateverTheNarratorDoes() throws Exception {
    Map<Reply, AtomicInteger> served = new ConcurrentHashMap<>();
    try (MockWebServer llm = new MockWebServer()) {
      llm.setDispatcher(new FaultyModel(new Random(20), served));
      llm.start();
      var config = new OpenAiNarratorConfig(llm.url("/").toString(), "test-model", null, Duration.ofSeconds(2),
          Duration.ofSeconds(2), Duration.ofSeconds(5));
      try (ScryingServer server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()),
          Clock.systemUTC(), StorageFaults.NONE, NarratorSettings.openAi(config))) {
        long before = server.runtime("wylding-woods").engine().version();
        List<CompletableFuture<Tally>> players = new ArrayList<>();
        for (int p = 0; p < PLAYERS.size(); p++) {
          int player = p;
          players.add(CompletableFuture.supplyAsync(() -> play(server, player, TURNS / PLAYERS.size())));
        }
        Tally total = players.stream().map(CompletableFuture::join).reduce(Tally::plus).orElseThrow();

        assertThat(total.problems()).isEmpty();
        assertThat(total.turns()).isEqualTo(TURNS);
        // Each player's first turn also creates the player, one version of its own.
        assertThat(server.runtime("wylding-woods").engine().version() - before)
            .as("one durable change per turn, failed narrations included").isEqualTo(TURNS + PLAYERS.size());
        assertThat(total.errorEnded()).as("failed narrations end with an error frame")
            .isEqualTo(served.get(Reply.HTTP_500).get() + served.get(Reply.BROKEN_STREAM).get());
        System.out.printf("RELIABILITY G20: %d chat turns (%s): %d in order, %d ended with an error frame after"
            + " their world_update, version +%d, 0 problems%n", total.turns(), served, total.turns(),
            total.errorEnded(), TURNS + PLAYERS.size());
      }
    }
  }

  record Tally(int turns, int errorEnded, List<String> problems) {
    Tally plus(Tally o) {
      List<String> all = new ArrayList<>(problems);
      all.addAll(o.problems);
      return new Tally(turns + o.turns, errorEnded + o.errorEnded, all);
    }
  }

  private static Tally play(ScryingServer server, int player, int turns) {
    String user = PLAYERS.get(player);
    String token = server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1));
    List<String> problems = new ArrayList<>();
    int errorEnded = 0;
    for (int turn = 0; turn < turns; turn++) {
      String message = (turn % 2 == 0 ? "take" : "drop") + " the " + BOTTLES.get(player) + " bottle";
      SseTestClient chat = SseTestClient.chat(server.baseUrl(), token, message);
      try {
        if (!chat.closed.await(30, TimeUnit.SECONDS)) {
          problems.add(user + " turn " + turn + ": stream did not end");
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      List<String> types = chat.dataTypes();
      // The stream also forwards other players' updates while it is open; the turn's own carry this actor.
      int lastUpdate = -1;
      for (int i = 0; i < chat.frames.size(); i++) {
        var f = chat.frames.get(i);
        if (f.data().path("type").asText().equals("world_update") && f.data().path("metadata").path("actor").asText().equals(user)) {
          lastUpdate = i;
        }
      }
      int firstContent = types.indexOf("content");
      if (lastUpdate < 0) {
        problems.add(user + " turn " + turn + " '" + message + "': no world_update in " + types);
      } else if (firstContent >= 0 && firstContent < lastUpdate) {
        problems.add(user + " turn " + turn + ": narrative before the world_update: " + types);
      }
      if (types.isEmpty() || !types.get(types.size() - 1).equals("done")) {
        problems.add(user + " turn " + turn + ": does not end with done: " + types);
      }
      if (types.contains("error")) {
        errorEnded++;
        if (types.indexOf("error") < lastUpdate) {
          problems.add(user + " turn " + turn + ": error before the world_update: " + types);
        }
      }
    }
    return new Tally(turns, errorEnded, problems);
  }

  /** A model that answers each request in one of four ways, chosen by a seeded random. */
  private static final class FaultyModel extends Dispatcher {
    private final Random random;
    private final Map<Reply, AtomicInteger> served;

    FaultyModel(Random random, Map<Reply, AtomicInteger> served) {
      this.random = random;
      this.served = served;
      for (Reply r : Reply.values()) {
        served.put(r, new AtomicInteger());
      }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      Reply reply;
      int delayMs;
      synchronized (random) {
        reply = Reply.values()[random.nextInt(Reply.values().length)];
        delayMs = random.nextInt(40);
      }
      served.get(reply).incrementAndGet();
      return switch (reply) {
        case STREAM -> stream(body(true)).build();
        case LATE_STREAM -> stream(body(true)).headersDelay(delayMs, TimeUnit.MILLISECONDS).build();
        case HTTP_500 -> new MockResponse.Builder().code(500).body("{\"error\":\"overloaded\"}").build();
        // The model's server dies mid-answer: the first pieces, then the connection closes without [DONE].
        case BROKEN_STREAM -> stream(body(false)).onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build();
      };
    }

    private static MockResponse.Builder stream(String body) {
      return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body);
    }

    private static String body(boolean complete) {
      StringBuilder b = new StringBuilder();
      for (String piece : List.of("The bottle", " glows", " and", " is gone.")) {
        b.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(Json.write(piece))
            .append("},\"finish_reason\":null}]}\n\n");
      }
      if (complete) {
        b.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
      }
      return b.toString();
    }
  }
}
