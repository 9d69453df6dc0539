package dev.scrying.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.protocol.ClientMirror;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.realtime.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client mirror rebuilt from the frames a connection received, in order, with every delta that did
 * not apply cleanly (a gap or a stale duplicate) recorded as a problem. Immutable once built.
 */
public record MirrorReplay(ObjectNode view, long version, List<String> problems) {

  public static MirrorReplay of(List<JsonNode> frames) {
    ClientMirror mirror = new ClientMirror();
    List<String> problems = new ArrayList<>();
    for (JsonNode f : frames) {
      switch (f.path("type").asText()) {
        case "area_of_interest" -> mirror.applySnapshot(f);
        case "world_update" -> {
          ClientMirror.Outcome o = mirror.apply(f);
          if (o != ClientMirror.Outcome.APPLIED) {
            problems.add(o + " " + f.path("base_version") + "->" + f.path("snapshot_version") + " at " + mirror.version());
          }
        }
        default -> { }
      }
    }
    return new MirrorReplay(mirror.view(), mirror.version(), List.copyOf(problems));
  }

  /** The server's current view of {@code userId}, in the mirror's shape. */
  public static ObjectNode serverView(ExperienceEngine engine, String userId) throws Exception {
    ObjectNode aoi = Snapshots.areaOfInterest(engine, userId).get(10, TimeUnit.SECONDS);
    aoi.remove(List.of("type", "timestamp", "snapshot_version"));
    return aoi;
  }
}
