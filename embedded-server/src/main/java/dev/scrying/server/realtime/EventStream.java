package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.ExperienceRuntime;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Commands;
import dev.scrying.server.engine.Command;
import io.javalin.http.Context;

/**
 * {@code GET /experience/{exp}/events}: a player's persistent SSE stream for clients that are not
 * chatting. A snapshot first (or, with {@code Last-Event-ID}, exactly the missed events), then every
 * event; {@code id:} is the version. Keep-alive comments every heartbeat; a client too slow for its
 * queue gets a fresh snapshot instead of an ever-growing backlog. When the server stops, the stream
 * ends cleanly after a {@code retry:} field with a random delay, so browser {@code EventSource}s that
 * reconnect on their own do not all come back in the same instant.
 */
public final class EventStream {
  private static final int QUEUE = 2_000;
  /** The spread of the {@code retry:} delays a restarting server hands out (milliseconds). */
  static final long RETRY_MIN_MILLIS = 1_000;
  static final long RETRY_MAX_MILLIS = 8_000;
  private final RealtimeHub hub;

  public EventStream(RealtimeHub hub) {
    this.hub = hub;
  }

  public void handle(Context ctx, Identity who, ExperienceRuntime rt, Long lastEventId) throws Exception {
    if (hub.stopping()) {
      throw new dev.scrying.server.http.ApiError(503, "server_restarting", "the server is restarting; try again shortly");
    }
    try (PlayerConnections.Slot slot = hub.playerConnections().openOrRefuse(who)) {
      stream(ctx, who, rt, lastEventId);
    }
  }

  private void stream(Context ctx, Identity who, ExperienceRuntime rt, Long lastEventId) throws Exception {
    ctx.status(200).contentType("text/event-stream").header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    SseOutput out = new SseOutput(ctx.res().getOutputStream(), QUEUE);
    Stream stream = new Stream(who, out, rt);
    PlayerEvents.Subscription sub = hub.events().subscribe(rt.experience().id(), who.userId(), stream.channel::deliver);
    hub.register(stream);
    try {
      out.offer(": connected\n\n");
      rt.engine().submit(Command.of(who.userId(), Commands.JOIN, null)).get();
      ResumePoint resume = lastEventId == null ? ResumePoint.fresh() : ResumePoint.of(lastEventId, rt.engine().version());
      if (resume.refused()) {
        out.offer(SseOutput.event("error", Json.write(Json.object().put("type", "error")
            .put("code", resume.errorCode()).put("message", resume.message()))));
      }
      if (resume.version() != null) {
        stream.channel.startFrom(resume.version());
      } else {
        stream.channel.startWithSnapshot();
      }
      if (out.pump(Long.MAX_VALUE / 4)) {
        out.complete();
      }
    } finally {
      sub.close();
      stream.channel.close();
      hub.unregister(stream);
    }
  }

  private final class Stream implements RealtimeHub.LiveConnection {
    final Identity who;
    final SseOutput out;
    final ClientChannel channel;

    Stream(Identity who, SseOutput out, ExperienceRuntime rt) {
      this.who = who;
      this.out = out;
      this.channel = new ClientChannel(who.userId(), rt.eventLog(), new ClientChannel.Writer() {
        @Override
        public void event(WorldUpdateEvent e) {
          write(SseOutput.event(e.snapshotVersion(), "world_update", hub.frameOf(e)));
        }

        @Override
        public void snapshot(ObjectNode aoi) {
          write(SseOutput.event(aoi.path("snapshot_version").asLong(), "area_of_interest", aoi.toString()));
        }
      }, () -> Snapshots.areaOfInterest(rt.engine(), who.userId()));
    }

    private void write(String frame) {
      // Refused because the queue is full: start over from a snapshot. Refused because the stream ended
      // (a restart): nothing more to send.
      if (!out.offer(frame) && out.clearIfOpen()) {
        channel.resync();
      }
    }

    @Override
    public String userId() {
      return who.userId();
    }

    @Override
    public String kind() {
      return "events";
    }

    @Override
    public void heartbeat() {
      out.offer(": keep-alive\n\n");
      channel.catchUp();
    }

    @Override
    public void cut(String reason) {
      out.abort();
    }

    @Override
    public void restarting() {
      out.finish(SseOutput.restart(java.util.concurrent.ThreadLocalRandom.current()
          .nextLong(RETRY_MIN_MILLIS, RETRY_MAX_MILLIS + 1)));
    }
  }
}
