package dev.scrying.server.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anyone with a token may ask for NATS credentials, so the number of player users is capped. */
class NatsUserLimitTest {
  @TempDir Path dir;

  @Test
  void pastTheLimitNoNewPlayerUserIsMadeAndKnownOnesStillWork() throws Exception {
    NatsPermissions p = new NatsPermissions(dir, 3);
    NatsCredentials alice = p.player("alice").credentials();
    p.player("bob");
    p.player("carol");
    assertThatThrownBy(() -> p.player("mallory")).isInstanceOf(NatsPermissions.TooManyUsers.class)
        .hasMessageContaining("3 player users");
    assertThat(p.player("alice").credentials()).as("a known player is not new").isEqualTo(alice);
    assertThat(p.player("alice").created()).isFalse();
    assertThat(p.authorizationBlock()).doesNotContain("player-mallory").contains("player-carol");
    assertThat(Files.readString(dir.resolve("users.json"))).doesNotContain("mallory");
    assertThat(p.observer().user()).as("the server's and observer's users do not count").isEqualTo("scrying-observer");
  }
}
