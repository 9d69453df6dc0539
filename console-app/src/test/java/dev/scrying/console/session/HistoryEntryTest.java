package dev.scrying.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import org.junit.jupiter.api.Test;

class HistoryEntryTest {

  @Test
  void readsCommandAndPlayerFromTheServersMessages() {
    HistoryEntry one = new HistoryEntry("0123456789abcdef", "v12 collect_item bottle_joy by alice", 0, 12);
    assertThat(one.command()).isEqualTo("collect_item bottle_joy");
    assertThat(one.player()).isEqualTo("alice");
    assertThat(one.shortCommit()).isEqualTo("01234567");
    HistoryEntry batch = new HistoryEntry("c", "v15: 3 commands\n\nv13 go clearing by bob", 0, 15);
    assertThat(batch.command()).isEqualTo("3 commands");
    assertThat(batch.player()).isEmpty();
  }

  @Test
  void parsesTheStatusDocument() {
    ServerStatus s = ServerStatus.fromJson(Json.parse("{\"url\":\"http://x\",\"uptime_ms\":5,\"nats\":{\"mode\":\"managed\","
        + "\"state\":\"connected\",\"url\":\"nats://y\",\"jetstream\":true,\"degraded\":false,\"detail\":\"d\",\"summary\":\"s\","
        + "\"subscriptions\":4},\"connections\":{\"websocket\":1,\"chat\":2,\"events\":3,\"total\":6,"
        + "\"players\":[{\"user_id\":\"alice\",\"websocket\":1,\"chat\":2},{\"user_id\":\"bob\",\"events\":3}],"
        + "\"players_total\":2},\"publish_backlog\":11,"
        + "\"experiences\":{\"ww\":{\"version\":9,\"git_version\":7,\"git_lag\":2,\"journal_queue\":1}}}"), "ww");
    assertThat(s).isEqualTo(new ServerStatus("http://x", 5, new NatsStatus("managed", "connected", "nats://y", true, false,
        "d", "s", 4), new Connections(1, 2, 3, 6,
        java.util.List.of(new ConnectedPlayer("alice", 1, 2, 0), new ConnectedPlayer("bob", 0, 0, 3)), 2), 9, 7, 2, 1, 11));
    assertThat(s.nats().managed()).isTrue();
  }
}
