package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's view of its NATS link, as {@code /admin/status} reports it. {@code mode} is managed,
 * external or in_process; {@code subscriptions} is -1 when the server cannot count them.
 */
public record NatsStatus(String mode, String state, String url, boolean jetStream, boolean degraded, String detail,
    String summary, long subscriptions) {

  public static final NatsStatus UNKNOWN =
      new NatsStatus("unknown", "unknown", null, false, true, "no status yet", "NATS status unknown", -1);

  static NatsStatus fromJson(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return UNKNOWN;
    }
    return new NatsStatus(n.path("mode").asText("unknown"), n.path("state").asText("unknown"),
        n.hasNonNull("url") ? n.path("url").asText() : null, n.path("jetstream").asBoolean(false),
        n.path("degraded").asBoolean(true), n.path("detail").asText(""), n.path("summary").asText(""),
        n.path("subscriptions").asLong(-1));
  }

  /** True when this server owns its nats-server, so the console can stop and start it. */
  public boolean managed() {
    return mode.equals("managed");
  }

  /** True when there is no NATS at all and updates travel in-process only. */
  public boolean inProcess() {
    return mode.equals("in_process");
  }

  public boolean connected() {
    return state.equals("connected");
  }
}
