package dev.scrying.console.model.status;

import dev.scrying.console.model.Tone;
import dev.scrying.console.model.Value;
import dev.scrying.console.session.Connections;
import dev.scrying.console.session.NatsStatus;
import dev.scrying.console.session.ServerStatus;
import dev.scrying.console.session.SessionException;
import dev.scrying.console.session.SessionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The status bar: server, NATS, JetStream, clients, world version, journal and Git lag, plus one
 * warning line whenever anything is degraded, worded with what it means for guests and what to do.
 * Plain Java; UI thread only.
 */
public final class StatusBarViewModel {
  /** Git may trail the journal briefly under load; beyond this many versions the operator should know. */
  static final long GIT_LAG_WARNING = 20;
  /** The engine answers a command within milliseconds; this many waiting means the disk or the engine is stuck. */
  static final int JOURNAL_QUEUE_WARNING = 500;
  /** Updates published within a millisecond or two; this many waiting means NATS is slow or gone. */
  static final long PUBLISH_BACKLOG_WARNING = 1_000;
  /** The clients tooltip names this many players; more would not fit on screen. */
  static final int NAMED_PLAYERS = 12;

  private final Value<Segment> server = new Value<>(Segment.neutral("Server starting…"));
  private final Value<Segment> nats = new Value<>(Segment.neutral("NATS —"));
  private final Value<Segment> jetStream = new Value<>(Segment.neutral("JetStream —"));
  private final Value<Segment> clients = new Value<>(Segment.neutral("— clients"));
  private final Value<Segment> version = new Value<>(Segment.neutral("World v—"));
  private final Value<Segment> persistence = new Value<>(Segment.neutral("Journal —"));
  private final Value<String> warning = new Value<>("");
  private final Value<Boolean> degraded = new Value<>(false);
  private final Value<ServerStatus> last = new Value<>(null);
  private String serverUrl = "";
  private SessionKind kind = SessionKind.EMBEDDED;

  public void sessionStarted(String url, SessionKind k) {
    serverUrl = url;
    kind = k;
    server.set(new Segment(url, Tone.GOOD, k == SessionKind.EMBEDDED
        ? "The console's own server, also reachable by clients on this machine"
        : "A Scrying server elsewhere; the console reaches it over HTTP"));
  }

  /** The server could not be reached or refused: everything else on the bar is stale. */
  public void unreachable(SessionException e) {
    server.set(new Segment(serverUrl.isEmpty() ? "Server unavailable" : serverUrl + " · not answering", Tone.DANGER,
        e.getMessage()));
    warning.set("The console cannot reach the server: " + e.getMessage() + " " + e.wayForward());
    degraded.set(true);
  }

  public void show(ServerStatus s) {
    last.set(s);
    server.set(new Segment(serverUrl.isEmpty() ? s.url() : serverUrl, Tone.GOOD,
        (kind == SessionKind.EMBEDDED ? "Embedded server" : "Remote server") + ", up " + uptime(s.uptimeMillis())));
    nats.set(natsSegment(s.nats()));
    jetStream.set(s.nats().inProcess() ? new Segment("JetStream —", Tone.NEUTRAL, "No NATS, so no JetStream")
        : new Segment("JetStream " + (s.nats().jetStream() ? "on" : "off"), s.nats().jetStream() ? Tone.GOOD : Tone.NEUTRAL,
            s.nats().jetStream() ? "World updates are mirrored to a JetStream stream for outside consumers"
                : "No JetStream mirror; the journal is the source of truth either way"));
    clients.set(clientsSegment(s.connections()));
    version.set(new Segment("World v" + s.version(), Tone.NEUTRAL, "The world's durable version"));
    persistence.set(persistenceSegment(s));
    List<String> warnings = warnings(s);
    warning.set(String.join("  ", warnings));
    degraded.set(!warnings.isEmpty());
  }

  static Segment natsSegment(NatsStatus n) {
    if (n.inProcess()) {
      return new Segment("NATS unavailable", Tone.WARNING, n.summary());
    }
    String text = "NATS " + n.mode() + " · " + n.state();
    return new Segment(text, n.connected() ? Tone.GOOD : Tone.DANGER, n.url() == null ? n.summary() : n.summary() + " (" + n.url() + ")");
  }

  static Segment clientsSegment(Connections c) {
    StringBuilder detail = new StringBuilder()
        .append(c.websocket()).append(" WebSocket · ").append(c.chat()).append(" chat · ").append(c.events())
        .append(" event streams");
    c.players().stream().limit(NAMED_PLAYERS).forEach(p -> detail.append('\n').append(p.describe()));
    int unnamed = c.playersTotal() - Math.min(NAMED_PLAYERS, c.players().size());
    if (unnamed > 0) {
      detail.append("\nand ").append(unnamed).append(unnamed == 1 ? " more player" : " more players");
    }
    return new Segment(c.total() + (c.total() == 1 ? " client" : " clients"), Tone.NEUTRAL, detail.toString());
  }

  static Segment persistenceSegment(ServerStatus s) {
    String queued = s.journalQueue() > 0 ? " · " + s.journalQueue() + " queued" : "";
    String text = "Journal v" + s.version() + queued + " · Git lag " + Math.max(0, s.gitLag());
    boolean behind = s.gitLag() > GIT_LAG_WARNING || s.journalQueue() > JOURNAL_QUEUE_WARNING;
    return new Segment(text, behind ? Tone.WARNING : Tone.GOOD, "Every acknowledged change is in the journal (durable)"
        + " before anyone sees it; " + s.journalQueue() + " command(s) waiting to be written. Git history is at v"
        + s.gitVersion() + ", written in the background");
  }

  static List<String> warnings(ServerStatus s) {
    List<String> out = new ArrayList<>();
    NatsStatus n = s.nats();
    if (n.inProcess()) {
      out.add("No NATS: world updates travel inside the server only. Guests still get them; install nats-server"
          + " (apt-get install nats-server) to run with NATS.");
    } else if (!n.connected()) {
      out.add("NATS is " + n.state() + ": world updates travel inside the server meanwhile and guests still get them."
          + (n.managed() ? " Start it again from Rehearse failure, or restart the console." : " Check the NATS server at "
              + n.url() + "."));
    }
    if (s.journalQueue() > JOURNAL_QUEUE_WARNING) {
      out.add(s.journalQueue() + " commands are waiting to be written to the journal: guests' actions answer late."
          + " Check the disk (space, other programs writing) and the server's CPU.");
    }
    if (s.publishBacklog() > PUBLISH_BACKLOG_WARNING) {
      out.add(s.publishBacklog() + " world updates are waiting to be published: guests see changes late."
          + " They are durable and will arrive; check NATS and the server's CPU.");
    }
    if (s.gitLag() > GIT_LAG_WARNING) {
      out.add("Git history is " + s.gitLag() + " versions behind the journal: nothing is lost (the journal is"
          + " durable), but History shows older commits until it catches up.");
    }
    return out;
  }

  private static String uptime(long millis) {
    long s = millis / 1000;
    return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }

  public Value<Segment> server() {
    return server;
  }

  public Value<Segment> nats() {
    return nats;
  }

  public Value<Segment> jetStream() {
    return jetStream;
  }

  public Value<Segment> clients() {
    return clients;
  }

  public Value<Segment> version() {
    return version;
  }

  public Value<Segment> persistence() {
    return persistence;
  }

  /** What is degraded and what to do, or "" when all is well. */
  public Value<String> warning() {
    return warning;
  }

  public Value<Boolean> degraded() {
    return degraded;
  }

  /** The latest status read, or null. */
  public Value<ServerStatus> last() {
    return last;
  }
}
