package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The world and every player view as one Git commit recorded them. */
public record RecordedWorld(String commit, JsonNode world, Map<String, JsonNode> players) {
  public RecordedWorld {
    players = Map.copyOf(players);
  }
}
