package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reading of {@code GET /admin/status} for the console's experience: URL, NATS, connections,
 * the durable version, the commands waiting to be journalled, how far the Git history lags behind,
 * and the world updates waiting to be published. Immutable.
 */
public record ServerStatus(String url, long uptimeMillis, NatsStatus nats, Connections connections, long version,
    long gitVersion, long gitLag, int journalQueue, long publishBacklog) {

  /** Parses the status document; the experience's numbers are -1 if it is missing. */
  public static ServerStatus fromJson(JsonNode n, String experienceId) {
    JsonNode exp = n.path("experiences").path(experienceId);
    return new ServerStatus(n.path("url").asText(""), n.path("uptime_ms").asLong(), NatsStatus.fromJson(n.path("nats")),
        Connections.fromJson(n.path("connections")), exp.path("version").asLong(-1), exp.path("git_version").asLong(-1),
        exp.path("git_lag").asLong(-1), exp.path("journal_queue").asInt(0), n.path("publish_backlog").asLong(0));
  }
}
