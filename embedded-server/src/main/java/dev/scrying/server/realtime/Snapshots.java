package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.PlayerProjection;
import dev.scrying.server.engine.ExperienceEngine;
import java.util.concurrent.CompletableFuture;

/** Fresh {@code area_of_interest} snapshots, read on the writer thread so they match a durable version. */
public final class Snapshots {
  private Snapshots() {}

  public static CompletableFuture<ObjectNode> areaOfInterest(ExperienceEngine engine, String userId) {
    return engine.read(s -> {
      ObjectNode out = Json.object().put("type", "area_of_interest").put("timestamp", System.currentTimeMillis())
          .put("snapshot_version", s.version());
      out.setAll(PlayerProjection.project(engine.experience(), s.world(), s.zoneViews(userId), userId));
      return out;
    });
  }
}
