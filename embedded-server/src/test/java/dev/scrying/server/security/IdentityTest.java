package dev.scrying.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.http.TestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who a request is comes from the token alone, whatever the body says or the connection did before. */
class IdentityTest {
  @TempDir Path data;

  @Test
  void theSchemeIsCaseInsensitiveAndEarlierRequestsOnTheConnectionDoNotMatter() throws Exception {
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()))) {
      String token = server.tokens().issue("alice", Identity.Role.PLAYER, Duration.ofHours(1));
      HttpClient one = HttpClient.newHttpClient();
      // Jetty caches header fields per connection, case-insensitively: "Bearer" then "bearer <t>" once
      // answered differently from "bearer <t>" alone. Both orders must give the same answer now.
      for (String first : new String[] {"Bearer", "bearer " + token, "Bearer"}) {
        int status = one.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/experience/wylding-woods/view"))
            .header("Authorization", first).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).as(first.length() > 8 ? "bearer <token>" : first).isEqualTo(first.equals("Bearer") ? 401 : 200);
      }
    }
  }

  @Test
  void identityFieldsInTheBodyAreIgnored() throws Exception {
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()))) {
      TestClient alice = new TestClient(server.baseUrl(), server.tokens().issue("alice", Identity.Role.PLAYER, Duration.ofHours(1)));
      var r = alice.post("/experience/interact", Json.object().put("action", "collect_item").put("instance_id", "bottle_joy")
          .put("user_id", "bob").put("role", "admin").put("admin", true));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().path("state_updates").path("changes").toString()).contains("bottle_joy");
      var view = alice.get("/experience/wylding-woods/players/alice").body();
      assertThat(view.path("view").path("player").path("inventory").toString()).contains("bottle_joy");
      assertThat(alice.get("/experience/wylding-woods/players/bob").status()).isEqualTo(403);
    }
  }
}
