package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.ExperienceRuntime;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.auth.AuthException;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.Commands;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/experience?token=…&experience=…}: the Unity client's protocol. Each socket has one
 * ordered outbox, so its frames never interleave and an action's {@code world_update} is always
 * written before its {@code action_response}. Close codes: 1008 bad token or experience, 1011 server
 * error, 1012 server restarting (any graceful stop; come back with a jittered backoff), 4000 cut by the
 * operator.
 */
public final class ExperienceSocket {
  private static final Logger LOG = LoggerFactory.getLogger(ExperienceSocket.class);
  public static final int OUTBOX_LIMIT = 1_000;
  public static final int CLOSE_CUT = 4000;
  /** RFC 6455 "Service Restart": the server is going away and the client should reconnect. */
  public static final int CLOSE_RESTART = 1012;
  static final String RESTART_REASON = "server restarting; reconnect with a jittered backoff";

  private final ScryingServer server;
  private final RealtimeHub hub;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public ExperienceSocket(ScryingServer server, RealtimeHub hub) {
    this.server = server;
    this.hub = hub;
  }

  public void configure(WsConfig ws) {
    ws.onConnect(this::connect);
    ws.onMessage(ctx -> {
      Session s = sessions.get(ctx.sessionId());
      if (s != null) {
        Outbox.writingHere(() -> s.receive(ctx.message()));
      }
    });
    ws.onBinaryMessage(ctx -> {
      Session s = sessions.get(ctx.sessionId());
      if (s != null) {
        s.receiveBinary();
      }
    });
    ws.onClose(ctx -> close(ctx.sessionId()));
    ws.onError(ctx -> close(ctx.sessionId()));
  }

  public int sessions() {
    return sessions.size();
  }

  private void connect(WsConnectContext ctx) {
    Identity who;
    try {
      who = server.tokens().verify(ctx.queryParam("token"));
    } catch (AuthException e) {
      ctx.closeSession(1008, "unauthorized: " + e.getMessage());
      return;
    }
    if (hub.stopping()) {
      // Arrived between the restart notice and the HTTP stop: same answer as the connections already open.
      ctx.closeSession(CLOSE_RESTART, RESTART_REASON);
      return;
    }
    String expId = ctx.queryParam("experience") == null ? ExperienceLoader.DEFAULT_EXPERIENCE : ctx.queryParam("experience");
    ExperienceRuntime rt = dev.scrying.experiences.Ids.isContentId(expId) ? server.runtime(expId) : null;
    if (rt == null) {
      ctx.closeSession(1008, "unknown experience");
      return;
    }
    var slot = hub.playerConnections().open(who);
    if (slot.isEmpty()) {
      ctx.closeSession(1008, "too many connections");
      return;
    }
    Session s;
    try {
      s = new Session(ctx, who, rt, slot.get());
    } catch (RuntimeException e) {
      slot.get().close();
      throw e;
    }
    sessions.put(ctx.sessionId(), s);
    s.open(ctx.queryParam("since_version"));
  }

  private void close(String sessionId) {
    Session s = sessions.remove(sessionId);
    if (s != null) {
      s.release();
    }
  }

  /** One socket: identity, outbox, event channel and subscription. */
  private final class Session implements RealtimeHub.LiveConnection {
    private final WsContext ctx;
    private final Identity who;
    private final ExperienceRuntime rt;
    private final String connectionId = UUID.randomUUID().toString();
    private final Outbox outbox;
    private final java.util.concurrent.Executor answers;
    private final ClientChannel channel;
    private final PlayerConnections.Slot slot;
    private final RateLimiter limiter = new RateLimiter(hub.limits());
    private volatile PlayerEvents.Subscription subscription;
    /** Set before this side starts a close: Jetty's isOpen() stays true until the close frame is out. */
    private volatile boolean closing;

    Session(WsContext ctx, Identity who, ExperienceRuntime rt, PlayerConnections.Slot slot) {
      this.ctx = ctx;
      this.who = who;
      this.rt = rt;
      this.slot = slot;
      this.answers = rt.engine().answers(hub.writers());
      this.outbox = new Outbox(hub.socketWriters(), this::write, OUTBOX_LIMIT, this::overflowed, this::writeFailed);
      this.channel = new ClientChannel(who.userId(), rt.eventLog(), new ClientChannel.Writer() {
        @Override
        public void event(WorldUpdateEvent e) {
          sendEvent(e);
        }

        @Override
        public void snapshot(ObjectNode aoi) {
          outbox.offerSnapshot(Json.write(aoi));
        }
      }, () -> Snapshots.areaOfInterest(rt.engine(), who.userId()));
    }

    @Override
    public String userId() {
      return who.userId();
    }

    @Override
    public String kind() {
      return "websocket";
    }

    void open(String sinceVersion) {
      // Listen before act: the subscription exists before anything can change for this player.
      subscription = hub.events().subscribe(rt.experience().id(), who.userId(), channel::deliver);
      hub.register(this);
      rt.engine().submit(Command.of(who.userId(), Commands.JOIN, null)).whenCompleteAsync((r, err) -> {
        long now = rt.engine().version();
        outbox.offer(Json.write(Messages.connected(connectionId, who.userId(), rt.experience().id(), now)));
        ResumePoint resume = ResumePoint.parse(sinceVersion, now);
        if (resume.refused()) {
          send(Messages.error(resume.errorCode(), resume.message()));
        }
        if (resume.version() != null) {
          channel.startFrom(resume.version());
        } else {
          channel.startWithSnapshot();
        }
      }, hub.writers());
    }

    void receive(String text) {
      if (!admitted()) {
        return;
      }
      ClientMessage m = ClientMessages.decode(text, who);
      if (m instanceof ClientMessage.Invalid bad) {
        send(Messages.error(bad.code(), bad.message()));
      } else if (m instanceof ClientMessage.Action a) {
        // An idle engine writes the answer itself as the command becomes durable (the writes never block,
        // and a hand-off cost more than the whole answer); a busy one leaves it to the writer threads.
        rt.engine().submit(a.command()).whenCompleteAsync((r, err) -> Outbox.writingHere(() -> answered(r, err, a.clientAction())),
            answers);
      } else if (m instanceof ClientMessage.Chat c) {
        chat(c.text());
      } else if (m instanceof ClientMessage.Location l) {
        location(l.lat(), l.lng());
      } else if (m instanceof ClientMessage.Ping p) {
        send(Messages.pong(p.clientTimestamp()));
      } else if (m instanceof ClientMessage.GetCommands) {
        send(Messages.commandsSchema(rt.experience(), who.isAdmin()));
      } else if (m instanceof ClientMessage.Resync) {
        channel.resync();
      }
    }

    void receiveBinary() {
      if (admitted()) {
        send(Messages.error("unsupported_frame", "send JSON text frames; binary frames are not part of the protocol"));
      }
    }

    /** Applies the message budget: over it the message is dropped with an error; far over it, the socket closes. */
    private boolean admitted() {
      if (closing || !ctx.session.isOpen()) {
        return false; // closing: what the client still sends is not answered
      }
      switch (limiter.admit()) {
        case ALLOWED:
          return true;
        case LIMITED:
          send(Messages.error("rate_limited", "too many messages; this one was dropped (limit "
              + hub.limits().messagesPerSecond() + "/s)"));
          return false;
        default:
          LOG.warn("closing {}'s socket {}: it kept sending past its message limit", who.userId(), connectionId);
          close(1008, "message rate limit exceeded");
          return false;
      }
    }

    private void chat(String text) {
      Command c = new Command(Commands.TEXT, Json.object().put("text", text), who.userId(), who.isAdmin(), null, null,
          text);
      rt.engine().submit(c).whenCompleteAsync((r, err) -> Outbox.writingHere(() -> answered(r, err, "say")), answers);
    }

    private void answered(CommandResult r, Throwable err, String clientAction) {
      if (err != null) {
        send(Messages.error("processing_error", "the command failed inside the server; nothing was changed"));
        return;
      }
      // The action's own delta goes first; the copy that arrives through NATS is then a duplicate.
      r.eventFor(who.userId()).ifPresent(channel::deliver);
      channel.inOrder(() -> send(Messages.actionResponse(r, clientAction)));
      String action = r.action();
      if (r.success() && r.stateChanged() && rt.experience().quest().isObject()
          && (action.equals("collect_item") || action.equals("give_item"))) {
        rt.engine().read(s -> Messages.questUpdate(rt.experience(), s.world(), s.player(who.userId()), r)).thenAccept(this::send);
      }
    }

    private void location(double lat, double lng) {
      var zone = Zones.at(rt.experience().worldTemplate(), lat, lng);
      if (zone.isEmpty()) {
        send(Messages.error("no_zone_nearby", "no zone of this experience contains that location"));
        return;
      }
      Command go = Command.of(who.userId(), "go", Json.object().put("destination", zone.get()));
      rt.engine().read(s -> s.player(who.userId()) == null ? ""
              : s.player(who.userId()).path("player").path("current_location").asText())
          .thenCompose(current -> current.equals(zone.get())
              ? CompletableFuture.completedFuture((CommandResult) null) : rt.engine().submit(go))
          .whenCompleteAsync((r, err) -> {
            var moved = r == null ? java.util.Optional.<WorldUpdateEvent>empty() : r.eventFor(who.userId());
            if (moved.isPresent()) {
              // A zone change replaces the view; the channel sends it as an area_of_interest too.
              channel.deliver(moved.get());
            } else {
              channel.resync();
            }
          }, hub.writers());
    }

    private void sendEvent(WorldUpdateEvent e) {
      hub.delivered(e);
      outbox.offer(hub.frameOf(e));
      boolean replaced = false;
      for (JsonNode c : e.changes()) {
        replaced |= "replace".equals(c.path("operation").asText());
        if (replaced) {
          // Unity knows no "replace": it also gets the new view as an area_of_interest of the same version.
          ObjectNode aoi = Json.object().put("type", "area_of_interest").put("timestamp", System.currentTimeMillis())
              .put("snapshot_version", e.snapshotVersion());
          aoi.setAll((ObjectNode) c.path("value"));
          outbox.offer(aoi.toString());
          break;
        }
      }
    }

    void send(ObjectNode message) {
      outbox.offer(message.toString());
    }

    private void write(String frame, Outbox.Done done) {
      ctx.session.sendText(frame, Callback.from(done::succeeded, done::failed));
    }

    private void overflowed() {
      LOG.warn("client {} ({}) is too slow; dropping its queue and resyncing it", who.userId(), connectionId);
      channel.resync();
    }

    private void writeFailed() {
      // A write fails once the session is closing (a 1008, a restart): closing it again would abort the
      // close handshake under way, and the client would see a reset instead of its close code.
      if (!closing && ctx.session.isOpen()) {
        close(1011, "write failed");
      }
    }

    /** Starts the close handshake once; later writes that fail because of it are expected, not new failures. */
    private void close(int code, String reason) {
      closing = true;
      ctx.closeSession(code, reason);
    }

    @Override
    public void heartbeat() {
      long pending = outbox.pendingMillis();
      if (pending > hub.limits().writeTimeoutMillis()) {
        // The client stopped reading long ago and its socket buffer is full: no close frame could get through.
        LOG.warn("dropping {}'s socket {}: one frame has waited {} ms to be written", who.userId(), connectionId, pending);
        closing = true;
        outbox.close();
        ctx.session.disconnect();
        return;
      }
      send(Messages.heartbeat(rt.engine().version()));
      channel.catchUp();
    }

    @Override
    public void cut(String reason) {
      close(CLOSE_CUT, reason);
    }

    @Override
    public void restarting() {
      close(CLOSE_RESTART, RESTART_REASON);
    }

    @Override
    public int queued() {
      return outbox.size();
    }

    void release() {
      PlayerEvents.Subscription sub = subscription;
      if (sub != null) {
        sub.close();
      }
      channel.close();
      outbox.close();
      hub.unregister(this);
      slot.close();
    }
  }
}
