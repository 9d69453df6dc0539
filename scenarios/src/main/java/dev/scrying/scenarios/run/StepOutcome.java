package dev.scrying.scenarios.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.client.ActionResult;
import dev.scrying.scenarios.client.ChatResult;
import dev.scrying.scenarios.client.ServerException;
import org.jspecify.annotations.Nullable;

/**
 * What a step's action came back with, in one shape for every step kind: whether the server answered
 * at all, whether the step succeeded, the player-facing text, the error code, and the response JSON
 * that {@code response:} checks read. Immutable.
 */
record StepOutcome(boolean answered, boolean success, String message, @Nullable String errorCode, JsonNode response,
    @Nullable ActionResult action, @Nullable ChatResult chat) {

  static StepOutcome ok(String message, JsonNode response) {
    return new StepOutcome(true, true, message, null, response, null, null);
  }

  static StepOutcome of(ActionResult r) {
    return new StepOutcome(true, r.success(), r.message(), r.errorCode(), r.response(), r, null);
  }

  static StepOutcome of(ChatResult r) {
    JsonNode timings = r.frames().stream().filter(f -> f.type().equals("metadata") && f.json().has("trace_id"))
        .reduce((a, b) -> b).map(f -> f.json()).orElse(Json.object());
    return new StepOutcome(true, r.success(), r.text(), r.errorCode(), timings, null, r);
  }

  /** The server refused (an HTTP error): answered, not successful. */
  static StepOutcome refused(ServerException e) {
    return new StepOutcome(true, false, e.getMessage(), e.code(), Json.object().put("status", e.status())
        .put("code", e.code()).put("message", e.getMessage()), null, null);
  }

  /** No answer at all (connection lost, timeout). */
  static StepOutcome noAnswer(String code, String why) {
    return new StepOutcome(false, false, why, code, Json.object().put("code", code).put("message", why), null, null);
  }

  /** A condition that did not become true in time (wait steps). */
  static StepOutcome notMet(String why) {
    return new StepOutcome(true, false, why, "timeout", Json.object(), null, null);
  }
}
