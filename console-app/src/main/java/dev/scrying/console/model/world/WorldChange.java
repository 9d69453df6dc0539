package dev.scrying.console.model.world;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One observed change of the world: from one version the console read to the next, what caused it
 * (the actions in between, as far as the console knows them) and the differences. The documents are
 * the console's own copies; never change them.
 */
public record WorldChange(long fromVersion, long toVersion, long atMillis, String cause, JsonNode before,
    JsonNode after, List<PathChange> changes) {

  public WorldChange {
    changes = List.copyOf(changes);
  }

  /** "v11 → v12" or "v11 → v14" when several actions landed between two reads. */
  public String versions() {
    return "v" + fromVersion + " → v" + toVersion;
  }
}
