package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the OpenAI-compatible narrator failing, a chat still delivers its delta, then an error frame and done. */
class NarratorFailureChatTest {
  @TempDir Path data;

  @Test
  void failingNarratorStillDeliversTheWorldUpdate() throws Exception {
    try (MockWebServer llm = new MockWebServer()) {
      llm.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"overloaded\"}").build());
      llm.start();
      OpenAiNarratorConfig config = OpenAiNarratorConfig.of(llm.url("/").toString(), "test-model", null);
      try (ScryingServer server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()),
          Clock.systemUTC(), StorageFaults.NONE, NarratorSettings.openAi(config))) {
        String token = server.tokens().issue("alice", Identity.Role.PLAYER, Duration.ofHours(1));
        SseTestClient chat = SseTestClient.chat(server.baseUrl(), token, "take the joy bottle");
        assertThat(chat.closed.await(30, TimeUnit.SECONDS)).isTrue();
        List<String> types = chat.dataTypes();
        assertThat(types).containsSubsequence("metadata", "world_update", "error", "metadata", "done");
        assertThat(types).doesNotContain("content");
        var error = chat.frames.get(types.indexOf("error")).data().path("error");
        assertThat(error.path("code").asText()).isEqualTo("narrator_http_error");
        assertThat(llm.takeRequest().getTarget()).contains("/v1/chat/completions");
      }
    }
  }
}
