package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A player's mirror next to the server's view of that player ({@code GET /experience/{exp}/view}),
 * without the envelope fields ({@code type}, {@code timestamp}, {@code snapshot_version}), and the
 * first differences as readable {@code path: mirror=… server=…} lines. Immutable.
 */
public record MirrorComparison(boolean matches, List<String> differences, JsonNode mirror, JsonNode server,
    long mirrorVersion) {

  public MirrorComparison {
    differences = List.copyOf(differences);
  }
}
