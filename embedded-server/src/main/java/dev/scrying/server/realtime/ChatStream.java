package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.ExperienceRuntime;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.Commands;
import dev.scrying.server.engine.Trace;
import dev.scrying.server.http.ApiError;
import dev.scrying.server.narrative.Narration;
import dev.scrying.server.narrative.NarrationListener;
import dev.scrying.server.narrative.NarrationRequest;
import dev.scrying.server.narrative.NarrationStats;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /api/v0.3/chat} with {@code stream:true}: a metadata frame with the conversation id,
 * then the message's {@code world_update} frames, then the narration as content frames, a timings
 * metadata frame and {@code done}. World updates are queued before narration starts, and one thread
 * writes the stream, so on every path a delta precedes the text it caused. World updates caused by
 * others while the stream is open are forwarded too; the subscription ends with the stream.
 */
public final class ChatStream {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChatStream.class);
  private static final long MAX_STREAM_MILLIS = 120_000;
  private final RealtimeHub hub;

  public ChatStream(RealtimeHub hub) {
    this.hub = hub;
  }

  public void handle(Context ctx, Identity who, ExperienceRuntime rt, ObjectNode body) throws Exception {
    if (!body.path("message").isTextual() || body.path("message").asText().isBlank()) {
      throw new ApiError(400, "missing_message", "'message' must be a non-empty string");
    }
    String message = body.path("message").asText().strip();
    String requestId = dev.scrying.server.http.RequestCommands.requestId(body);
    try (PlayerConnections.Slot slot = hub.playerConnections().openOrRefuse(who)) {
      stream(ctx, who, rt, body, message, requestId);
    }
  }

  private void stream(Context ctx, Identity who, ExperienceRuntime rt, ObjectNode body, String message,
      String requestId) throws Exception {
    long started = System.nanoTime();
    String conversation = conversationId(body);
    ctx.status(200).contentType("text/event-stream").header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    SseOutput out = new SseOutput(ctx.res().getOutputStream(), 10_000);
    AtomicReference<Narration> narration = new AtomicReference<>();
    Stream stream = new Stream(who, rt, out, started);
    PlayerEvents.Subscription sub = hub.events().subscribe(rt.experience().id(), who.userId(), stream.channel::deliver);
    hub.register(stream);
    try {
      out.offer(SseOutput.data(Json.write(Json.object().put("type", "metadata").put("conversation_id", conversation)
          .put("model", "scrying-narrator").put("timestamp", System.currentTimeMillis() / 1000))));
      // Joining makes this player a recipient of its zone's changes for as long as the stream is open. The
      // message is queued right behind it, without waiting: the engine runs both in order, and the channel
      // starts at the join's version on the engine thread, before the message's answer can reach it.
      rt.engine().submit(Command.of(who.userId(), Commands.JOIN, null))
          .whenComplete((joined, err) -> stream.channel.startFrom(joined != null ? joined.version() : rt.engine().version()));
      Command c = new Command(Commands.TEXT, Json.object().put("text", message), who.userId(), who.isAdmin(),
          requestId, null, message);
      // An idle engine queues the answer's world_update itself as the change becomes durable; the narration
      // always starts elsewhere, since a narrator may take its time to set up a request.
      rt.engine().submit(c).whenCompleteAsync((r, err) -> {
        try {
          stream.answered(r, err, narration, message);
        } catch (RuntimeException e) {
          // Thrown here it would vanish into the engine's future and leave the stream open until its timeout.
          LOG.warn("chat answer for {} failed: {}", who.userId(), e.toString());
          stream.finish(null, r);
        }
      }, rt.engine().answers(hub.writers()));
      out.pump(MAX_STREAM_MILLIS);
    } finally {
      stream.closed = true;
      sub.close();
      stream.channel.close();
      hub.unregister(stream);
      Narration n = narration.get();
      if (n != null) {
        n.cancel();
      }
      try {
        ctx.res().getOutputStream().flush();
      } catch (IOException ignored) {
        // the client is gone
      }
    }
  }

  private static String conversationId(ObjectNode body) {
    String given = body.path("conversation_id").asText("");
    if (given.matches("[A-Za-z0-9-]{8,64}") && !given.equals("new")) {
      return given;
    }
    return UUID.randomUUID().toString();
  }

  /** One open chat stream. */
  private final class Stream implements RealtimeHub.LiveConnection {
    final Identity who;
    final ExperienceRuntime rt;
    final SseOutput out;
    final long started;
    final ClientChannel channel;
    volatile long worldUpdateAt;
    volatile boolean closed;

    Stream(Identity who, ExperienceRuntime rt, SseOutput out, long started) {
      this.who = who;
      this.rt = rt;
      this.out = out;
      this.started = started;
      this.channel = new ClientChannel(who.userId(), rt.eventLog(), new ClientChannel.Writer() {
        @Override
        public void event(WorldUpdateEvent e) {
          if (worldUpdateAt == 0) {
            worldUpdateAt = System.nanoTime();
          }
          hub.delivered(e);
          out.offer(SseOutput.data(hub.frameOf(e)));
        }

        @Override
        public void snapshot(ObjectNode aoi) {
          out.offer(SseOutput.data(aoi.toString()));
        }
      }, () -> Snapshots.areaOfInterest(rt.engine(), who.userId()));
    }

    void answered(CommandResult r, Throwable err, AtomicReference<Narration> narration, String playerText) {
      if (err != null || r.errorCode() != null) {
        String code = err != null ? "processing_error" : r.errorCode();
        String msg = err != null ? "the command failed inside the server; nothing was changed" : r.message();
        out.offer(SseOutput.data(Json.write(errorFrame(code, msg))));
        finish(null, r);
        return;
      }
      r.eventFor(who.userId()).ifPresent(channel::deliver);
      String npc = r.command().path("npc_id").asText(r.command().path("target_npc_id").asText(null));
      NarrationRequest req = new NarrationRequest(rt.experience().id(), who.userId(), r.action(), r.success(), r.message(),
          npc, playerText, r.version());
      channel.inOrder(() -> hub.writers().execute(() -> started(narration, rt.narrator().narrate(req, new NarrationListener() {
        @Override
        public void onFirstToken() {
          r.trace().stamp("first_narrative", Trace.nowMicros(Clock.systemUTC()));
        }

        @Override
        public void onText(String chunk) {
          out.offer(SseOutput.data(Json.write(Json.object().put("type", "content").put("content", chunk))));
        }

        @Override
        public void onDone(NarrationStats stats) {
          finish(stats, r);
        }

        @Override
        public void onError(String code, String message) {
          out.offer(SseOutput.data(Json.write(errorFrame(code, message))));
          finish(null, r);
        }
      }))));
    }

    /** Keeps the narration so the stream's end can cancel it, or cancels it now if the stream already ended. */
    private void started(AtomicReference<Narration> narration, Narration n) {
      narration.set(n);
      if (closed) {
        n.cancel();
      }
    }

    void finish(NarrationStats stats, CommandResult r) {
      ObjectNode timings = Json.object().put("type", "metadata");
      long now = System.nanoTime();
      if (stats != null) {
        timings.put("time_to_first_chunk_ms", stats.timeToFirstTokenMs()).put("narration_ms", stats.totalMs());
      }
      if (worldUpdateAt != 0) {
        timings.put("world_update_ms", (worldUpdateAt - started) / 1_000_000.0);
      }
      timings.put("total_time_ms", (now - started) / 1_000_000.0);
      if (r != null) {
        timings.put("trace_id", r.trace().id()).put("version", r.version()).put("success", r.success())
            .put("message", r.message()).set("command", r.command());
        r.trace().stamp("done", Trace.nowMicros(Clock.systemUTC()));
      }
      out.endWith(SseOutput.data(Json.write(timings)), SseOutput.data("{\"type\":\"done\"}"));
    }

    private ObjectNode errorFrame(String code, String message) {
      ObjectNode e = Json.object().put("type", "error");
      e.putObject("error").put("code", code).put("message", message);
      return e;
    }

    @Override
    public String userId() {
      return who.userId();
    }

    @Override
    public String kind() {
      return "chat";
    }

    @Override
    public void heartbeat() {
      out.offer(": keep-alive\n\n");
    }

    @Override
    public void cut(String reason) {
      out.abort();
    }
  }

  static String defaultExperience() {
    return ExperienceLoader.DEFAULT_EXPERIENCE;
  }
}
