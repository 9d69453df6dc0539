package dev.scrying.scenarios.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.client.ActionResult;
import dev.scrying.scenarios.client.ServerException;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.format.FaultAction;
import dev.scrying.scenarios.format.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Performs a step's action over the wire and reports what came back as a {@link StepOutcome}. Server
 * refusals become unsuccessful outcomes; only a missing answer (connection lost, timeout) is a
 * "not answered" outcome. Runner thread only.
 */
final class StepActions {
  private final ServerHandle server;
  private final String experience;
  private final ScenarioPlayers players;
  private final StepGate gate;
  private final Waits waits;

  StepActions(ServerHandle server, String experience, ScenarioPlayers players, StepGate gate, Waits waits) {
    this.server = server;
    this.experience = experience;
    this.players = players;
    this.gate = gate;
    this.waits = waits;
  }

  StepOutcome perform(Step step, long previousStepStart) throws InterruptedException {
    Duration timeout = step.header().timeout();
    try {
      if (step instanceof Step.Command c) {
        return command(c, timeout);
      }
      if (step instanceof Step.Say s) {
        return say(s, timeout);
      }
      if (step instanceof Step.Chat c) {
        return StepOutcome.of(await(player(c).chat(c.message()), timeout));
      }
      if (step instanceof Step.Gps g) {
        return gps(g, timeout);
      }
      if (step instanceof Step.Reset r) {
        return reset(r);
      }
      if (step instanceof Step.Connect c) {
        players.connect(players.spec(c.header().player()));
        return StepOutcome.ok(c.header().player() + " connected", Json.object());
      }
      if (step instanceof Step.Wait w) {
        return waits.await(w.condition(), w.header().player(), previousStepStart, timeout);
      }
      if (step instanceof Step.Pause p) {
        return gate.pass(p.duration()) ? StepOutcome.ok("paused " + p.duration().toMillis() + " ms", Json.object())
            : StepOutcome.noAnswer("stopped", "the run was stopped during the pause");
      }
      if (step instanceof Step.Race r) {
        return race(r, timeout);
      }
      return fault(((Step.Fault) step).action(), timeout);
    } catch (ServerException e) {
      return e.status() == 0 ? StepOutcome.noAnswer(e.code(), e.getMessage()) : StepOutcome.refused(e);
    }
  }

  private SimulatedPlayer player(Step s) {
    return players.get(s.header().player());
  }

  private boolean overWebSocket(Step.Via via, SimulatedPlayer p) {
    return via == Step.Via.WEBSOCKET || (via == Step.Via.AUTO && p.options().webSocket());
  }

  private StepOutcome command(Step.Command c, Duration timeout) throws InterruptedException {
    SimulatedPlayer p = player(c);
    Map<String, Object> fields = fieldsOf(c.fields());
    CompletableFuture<ActionResult> r = overWebSocket(c.via(), p) ? p.act(c.action(), fields) : p.interact(c.action(), fields);
    return StepOutcome.of(await(r, timeout));
  }

  private StepOutcome say(Step.Say s, Duration timeout) throws InterruptedException {
    SimulatedPlayer p = player(s);
    return StepOutcome.of(await(overWebSocket(s.via(), p) ? p.say(s.text()) : p.interactText(s.text()), timeout));
  }

  /** Sends every racer's message before awaiting any answer; the response lists each racer's result. */
  private StepOutcome race(Step.Race r, Duration timeout) throws InterruptedException {
    List<CompletableFuture<StepOutcome>> pending = new ArrayList<>();
    for (Step.Racer racer : r.racers()) {
      pending.add(start(racer));
    }
    ObjectNode response = Json.object();
    var list = response.putArray("racers");
    int winners = 0;
    StringBuilder messages = new StringBuilder();
    for (int i = 0; i < pending.size(); i++) {
      StepOutcome o;
      try {
        o = await(pending.get(i), timeout);
      } catch (ServerException e) {
        o = e.status() == 0 ? StepOutcome.noAnswer(e.code(), e.getMessage()) : StepOutcome.refused(e);
      }
      String who = r.racers().get(i).player();
      winners += o.success() ? 1 : 0;
      list.addObject().put("player", who).put("success", o.success()).put("message", o.message())
          .put("answered", o.answered());
      messages.append(messages.length() == 0 ? "" : " | ").append(who).append(": ").append(o.message());
    }
    response.put("winners", winners);
    return new StepOutcome(true, winners > 0, messages.toString(), null, response, null, null);
  }

  private CompletableFuture<StepOutcome> start(Step.Racer racer) {
    SimulatedPlayer p = players.get(racer.player());
    return switch (racer.kind()) {
      // A chat stream has no success flag: a chat racer wins when its own command changed the world.
      case CHAT -> p.chat(racer.text()).thenApply(c -> {
        StepOutcome o = StepOutcome.of(c);
        return new StepOutcome(o.answered(), c.success() && c.changedWorld(), o.message(), o.errorCode(), o.response(),
            null, c);
      });
      case SAY -> (p.options().webSocket() ? p.say(racer.text()) : p.interactText(racer.text())).thenApply(StepOutcome::of);
      case COMMAND -> {
        Map<String, Object> fields = fieldsOf(racer.fields());
        yield (p.options().webSocket() ? p.act(racer.text(), fields) : p.interact(racer.text(), fields))
            .thenApply(StepOutcome::of);
      }
    };
  }

  private static Map<String, Object> fieldsOf(ObjectNode node) {
    Map<String, Object> fields = new LinkedHashMap<>();
    node.fields().forEachRemaining(f -> fields.put(f.getKey(), Json.MAPPER.convertValue(f.getValue(), Object.class)));
    return fields;
  }

  private StepOutcome gps(Step.Gps g, Duration timeout) throws InterruptedException {
    double lat = g.lat();
    double lng = g.lng();
    if (g.zone() != null) {
      JsonNode gps = server.get("/experience/" + experience + "/world").path("world").path("locations").path(g.zone())
          .path("gps");
      if (!gps.path("lat").isNumber()) {
        return StepOutcome.refused(new ServerException(404, "unknown_zone", "the world has no zone '" + g.zone() + "' with GPS"));
      }
      lat = gps.path("lat").asDouble();
      lng = gps.path("lng").asDouble();
    }
    JsonNode aoi = await(player(g).updateLocation(lat, lng), timeout);
    return StepOutcome.ok("in zone " + aoi.path("zone").path("id").asText(), aoi);
  }

  private StepOutcome reset(Step.Reset r) {
    ObjectNode body = Json.object().put("scope", r.scope()).put("confirm", true);
    if (r.target() != null) {
      body.put("target", r.target());
    }
    JsonNode reply = server.post("/admin/experience/" + experience + "/reset", body);
    return new StepOutcome(true, reply.path("success").asBoolean(), reply.path("narrative").asText(""), null, reply,
        null, null);
  }

  private StepOutcome fault(FaultAction f, Duration timeout) throws InterruptedException {
    if (f instanceof FaultAction.NatsStop || f instanceof FaultAction.NatsStart) {
      JsonNode status = server.post("/admin/faults/nats",
          Json.object().put("action", f instanceof FaultAction.NatsStop ? "stop" : "start"));
      return StepOutcome.ok(f.describe() + ": NATS " + status.path("nats").path("state").asText(), status);
    }
    if (f instanceof FaultAction.SlowNarrator s) {
      return StepOutcome.ok(f.describe(), server.post("/admin/faults/narrator", Json.object().put("slowdown", s.factor())));
    }
    if (f instanceof FaultAction.Cut c) {
      return cut(c, timeout);
    }
    if (f instanceof FaultAction.Disconnect d) {
      players.markDown(d.player());
      players.get(d.player()).disconnect();
      return StepOutcome.ok(f.describe(), Json.object());
    }
    String id = ((FaultAction.Reconnect) f).player();
    players.get(id).reconnect();
    players.markUp(id);
    return StepOutcome.ok(f.describe() + " at mirror v" + players.get(id).mirrorVersion(), Json.object());
  }

  /** The server cuts the player's connections; the step ends once the client has seen them close. */
  private StepOutcome cut(FaultAction.Cut c, Duration timeout) throws InterruptedException {
    SimulatedPlayer p = players.get(c.player());
    players.markDown(c.player());
    ObjectNode reply = (ObjectNode) server.post("/admin/faults/cut", Json.object().put("user_id", c.player()));
    if (p.options().webSocket()) {
      reply.put("close_code", await(p.closed(), timeout).code());
    }
    if (p.options().eventStream()) {
      await(p.eventStreamEnded(), timeout);
    }
    String what = c.describe() + ": " + reply.path("connections_cut").asInt() + " connection(s) cut"
        + (reply.has("close_code") ? ", closed with " + reply.path("close_code").asInt() : "");
    if (c.reconnectAfter()) {
      p.reconnect();
      players.markUp(c.player());
      what += ", resumed";
    }
    return StepOutcome.ok(what, reply);
  }

  private static <T> T await(CompletableFuture<T> f, Duration timeout) throws InterruptedException {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(false);
      throw new ServerException(0, ServerException.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ServerException se) {
        throw se;
      }
      throw new ServerException(0, ServerException.CONNECTION_LOST, String.valueOf(e.getCause()), e.getCause());
    }
  }
}
