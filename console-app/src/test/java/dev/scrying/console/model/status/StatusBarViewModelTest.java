package dev.scrying.console.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.Tone;
import dev.scrying.console.session.ConnectedPlayer;
import dev.scrying.console.session.Connections;
import dev.scrying.console.session.NatsStatus;
import dev.scrying.console.session.ServerStatus;
import dev.scrying.console.session.SessionException;
import dev.scrying.console.session.SessionKind;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
  private static final NatsStatus CONNECTED =
      new NatsStatus("managed", "connected", "nats://127.0.0.1:4222", true, false, "", "NATS managed, connected, JetStream on", 3);
  private final StatusBarViewModel bar = new StatusBarViewModel();

  private static final Connections FOUR = new Connections(2, 1, 1, 4,
      List.of(new ConnectedPlayer("alice", 1, 1, 0), new ConnectedPlayer("bob", 1, 0, 1)), 2);

  private static ServerStatus status(NatsStatus nats, long gitLag) {
    return new ServerStatus("http://127.0.0.1:8765", 65_000, nats, FOUR, 42, 42 - gitLag, gitLag, 0, 0);
  }

  @Test
  void allWellIsGreenWithNoWarning() {
    bar.sessionStarted("http://127.0.0.1:8765", SessionKind.EMBEDDED);
    bar.show(status(CONNECTED, 0));
    assertThat(bar.nats().get()).isEqualTo(new Segment("NATS managed · connected", Tone.GOOD,
        "NATS managed, connected, JetStream on (nats://127.0.0.1:4222)"));
    assertThat(bar.jetStream().get().text()).isEqualTo("JetStream on");
    assertThat(bar.clients().get().text()).isEqualTo("4 clients");
    assertThat(bar.clients().get().detail())
        .isEqualTo("2 WebSocket · 1 chat · 1 event streams\nalice: WebSocket, chat stream\nbob: WebSocket, event stream");
    assertThat(bar.version().get().text()).isEqualTo("World v42");
    assertThat(bar.persistence().get().text()).isEqualTo("Journal v42 · Git lag 0");
    assertThat(bar.degraded().get()).isFalse();
    assertThat(bar.warning().get()).isEmpty();
  }

  @Test
  void natsDownIsRedAndSaysGuestsStillGetUpdates() {
    bar.show(status(new NatsStatus("managed", "disconnected", "nats://x", true, true, "", "down", -1), 0));
    assertThat(bar.nats().get().tone()).isEqualTo(Tone.DANGER);
    assertThat(bar.degraded().get()).isTrue();
    assertThat(bar.warning().get()).contains("NATS is disconnected", "guests still get them", "Rehearse failure");
  }

  @Test
  void noNatsAtAllIsAmberWithHowToInstallIt() {
    bar.show(status(new NatsStatus("in_process", "unavailable", null, false, true, "", "NATS unavailable: in-process delivery", -1), 0));
    assertThat(bar.nats().get().tone()).isEqualTo(Tone.WARNING);
    assertThat(bar.jetStream().get().text()).isEqualTo("JetStream —");
    assertThat(bar.warning().get()).contains("apt-get install nats-server");
  }

  @Test
  void aLaggingGitHistoryWarns() {
    bar.show(status(CONNECTED, 25));
    assertThat(bar.persistence().get().tone()).isEqualTo(Tone.WARNING);
    assertThat(bar.warning().get()).contains("25 versions behind", "nothing is lost");
  }

  @Test
  void manyPlayersAreNamedUpToALimitAndCountedBeyondIt() {
    List<ConnectedPlayer> listed = IntStream.range(0, 200).mapToObj(i -> new ConnectedPlayer("p" + i, 1, 0, 2)).toList();
    bar.show(new ServerStatus("u", 1, CONNECTED, new Connections(200, 0, 400, 600, listed, 1000), 42, 42, 0, 0, 0));
    String[] lines = bar.clients().get().detail().split("\n");
    assertThat(lines).hasSize(1 + StatusBarViewModel.NAMED_PLAYERS + 1);
    assertThat(lines[1]).isEqualTo("p0: WebSocket, 2 event streams");
    assertThat(lines[lines.length - 1]).isEqualTo("and 988 more players");
  }

  @Test
  void aStuckJournalOrPublisherWarnsWithWhatGuestsNotice() {
    bar.show(new ServerStatus("u", 1, CONNECTED, FOUR, 42, 42, 0, 3, 10));
    assertThat(bar.persistence().get().text()).isEqualTo("Journal v42 · 3 queued · Git lag 0");
    assertThat(bar.degraded().get()).isFalse();
    bar.show(new ServerStatus("u", 1, CONNECTED, FOUR, 42, 42, 0, 501, 1_001));
    assertThat(bar.persistence().get().tone()).isEqualTo(Tone.WARNING);
    assertThat(bar.warning().get()).contains("501 commands are waiting to be written", "1001 world updates are waiting");
    assertThat(bar.degraded().get()).isTrue();
  }

  @Test
  void anUnreachableServerSaysSoWithAWayForward() {
    bar.sessionStarted("http://10.0.0.2:8765", SessionKind.REMOTE);
    bar.unreachable(new SessionException("The server is not answering.", "Check that it is running."));
    assertThat(bar.server().get().tone()).isEqualTo(Tone.DANGER);
    assertThat(bar.server().get().text()).isEqualTo("http://10.0.0.2:8765 · not answering");
    assertThat(bar.warning().get()).endsWith("Check that it is running.");
  }
}
