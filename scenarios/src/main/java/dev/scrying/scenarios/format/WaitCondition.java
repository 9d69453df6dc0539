package dev.scrying.scenarios.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.scenarios.client.Transport;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a {@code wait} step waits for (until the step's timeout). Immutable. */
public sealed interface WaitCondition {
  String describe();

  /**
   * The step's player received a frame of {@code type} (on {@code transport} if set) whose paths equal
   * the {@code where} values, since the previous step started (so an event that arrived while that
   * step ran counts).
   */
  record ForEvent(String type, @Nullable Transport transport, Map<String, JsonNode> where) implements WaitCondition {
    public ForEvent {
      where = Map.copyOf(where);
    }

    public String describe() {
      return "event " + type + (where.isEmpty() ? "" : " where " + where);
    }
  }

  /** A world or player state check holds. */
  record ForState(Expectation.State check) implements WaitCondition {
    public String describe() {
      return check.describe();
    }
  }

  /** A path in {@code GET /admin/status} satisfies a check (e.g. {@code nats.state equals connected}). */
  record ForStatus(String path, ValueCheck check) implements WaitCondition {
    public String describe() {
      return "status " + path + " " + check.describe();
    }
  }

  /** The selected players' mirrors equal the server's views. */
  record ForConvergence(PlayerSelection players) implements WaitCondition {
    public String describe() {
      return "mirrors of " + players.describe() + " to match the server";
    }
  }
}
