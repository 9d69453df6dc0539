package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where an item instance lies in the world. */
public record ItemLocation(String zone, String area, String spot, ObjectNode item) {
  public String instanceId() {
    return item.path("instance_id").asText();
  }
}
