package dev.scrying.scenarios.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One step of a scenario; each kind is a record. Immutable. */
public sealed interface Step {
  StepHeader header();

  /** The key the file used: command, say, chat, gps, reset, connect, wait, pause, fault or race. */
  String kind();

  /** How a command or free text reaches the server. */
  enum Via { AUTO, WEBSOCKET, HTTP }

  /** A structured command ({@code collect_item} with {@code instance_id}), like the Unity client's buttons. */
  record Command(StepHeader header, String action, ObjectNode fields, Via via) implements Step {
    public String kind() {
      return "command";
    }
  }

  /** Free text sent as an action ({@code "take the joy bottle"}); the server parses it. */
  record Say(StepHeader header, String text, Via via) implements Step {
    public String kind() {
      return "say";
    }
  }

  /** A natural-language chat message over {@code POST /api/v0.3/chat} (SSE). */
  record Chat(StepHeader header, String message) implements Step {
    public String kind() {
      return "chat";
    }
  }

  /** A GPS update ({@code update_location}) at coordinates, or at a zone's coordinates. */
  record Gps(StepHeader header, @Nullable String zone, double lat, double lng) implements Step {
    public String kind() {
      return "gps";
    }
  }

  /** An admin reset ({@code POST /admin/experience/{exp}/reset} with CONFIRM). */
  record Reset(StepHeader header, String scope, @Nullable String target) implements Step {
    public String kind() {
      return "reset";
    }
  }

  /** A player declared with {@code joins: later} connects now. */
  record Connect(StepHeader header) implements Step {
    public String kind() {
      return "connect";
    }
  }

  /** Waits for an event or a condition, failing at the step's timeout. */
  record Wait(StepHeader header, WaitCondition condition) implements Step {
    public String kind() {
      return "wait";
    }
  }

  /** Lets time pass (e.g. for a guest to wander); nothing is checked. */
  record Pause(StepHeader header, Duration duration) implements Step {
    public String kind() {
      return "pause";
    }
  }

  /**
   * Several players act at the same moment (every message is sent before any answer is awaited), to
   * rehearse races such as two guests reaching for one bottle.
   */
  record Race(StepHeader header, java.util.List<Racer> racers) implements Step {
    public Race {
      racers = java.util.List.copyOf(racers);
    }

    public String kind() {
      return "race";
    }
  }

  /** One player's part in a {@link Race}: a structured command, free text, or a chat message. */
  record Racer(String player, Kind kind, String text, ObjectNode fields) {
    /** What the racer sends. */
    public enum Kind { COMMAND, SAY, CHAT }
  }

  /** Injects a failure. */
  record Fault(StepHeader header, FaultAction action) implements Step {
    public String kind() {
      return "fault";
    }
  }
}
