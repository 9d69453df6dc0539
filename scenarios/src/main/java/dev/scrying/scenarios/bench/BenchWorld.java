package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a generated experience ("bench-world") with many zones, one item per player, for the scale
 * run: content is data, so the real server loads it like any other experience. Zone of player p is
 * {@code p % zones}; its item sits on a spot of that zone.
 */
final class BenchWorld {
  static final String ID = "bench-world";
  private static final int SPOTS = 20;

  private BenchWorld() {}

  static String zoneOf(int player, int zones) {
    return String.format("z%02d", player % zones);
  }

  static String itemOf(int player) {
    return "token_" + player;
  }

  /** Creates {@code root}/bench-world and returns {@code root} (the content folder to serve). */
  static Path write(Path root, int players, int zones) throws IOException {
    Path dir = root.resolve(ID);
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("game-logic"));
    ObjectNode config = Json.object().put("id", ID).put("name", "Bench World").put("version", "1.0.0")
        .put("state_model", "shared");
    config.putObject("bootstrap").put("zone", zoneOf(0, zones)).put("area", "hall").put("spot", "s0")
        .put("health", 100).put("max_health", 100).putArray("inventory");
    write(dir.resolve("experience.json"), config);
    write(dir.resolve("world.template.json"), world(players, zones));
    ObjectNode templates = Json.object();
    ObjectNode token = templates.putObject("token").put("semantic_name", "Bench Token")
        .put("description", "A token that exists to be picked up and put down.").put("type", "collectible")
        .put("collectible", true).put("droppable", true).put("consumable", false);
    token.putArray("aliases").add("token");
    write(dir.resolve("templates/items.json"), templates);
    ObjectNode narrative = Json.object();
    narrative.putObject("npcs");
    ObjectNode outcomes = narrative.putObject("outcomes");
    for (String c : List.of("go", "collect_item", "drop_item", "failure")) {
      outcomes.putArray(c).add("Done.");
    }
    write(dir.resolve("narrative.json"), narrative);
    doc(dir, "go", "[go, walk]", "[destination]", "Move somewhere.");
    doc(dir, "collect_item", "[take, collect]", "[instance_id]", "Pick something up.");
    doc(dir, "drop_item", "[drop, put down]", "[instance_id]", "Put something down.");
    return root;
  }

  private static ObjectNode world(int players, int zones) {
    ObjectNode world = Json.object();
    ObjectNode locations = world.putObject("locations");
    for (int z = 0; z < zones; z++) {
      ObjectNode zone = locations.putObject(String.format("z%02d", z)).put("name", "Zone " + z)
          .put("description", "A bench zone.").put("radius_m", 50);
      zone.putObject("gps").put("lat", 10.0 + z * 0.01).put("lng", 20.0);
      ObjectNode spots = zone.putObject("areas").putObject("hall").put("name", "Hall").put("description", "A hall.")
          .putObject("spots");
      for (int s = 0; s < SPOTS; s++) {
        spots.putObject("s" + s).put("name", "Spot " + s).put("description", "A spot.").putArray("items");
      }
    }
    for (int p = 0; p < players; p++) {
      ObjectNode spot = (ObjectNode) locations.path(zoneOf(p, zones)).path("areas").path("hall").path("spots")
          .path("s" + ((p / zones) % SPOTS));
      spot.withArray("items").addObject().put("instance_id", itemOf(p)).put("template_id", "token")
          .put("type", "collectible").put("collectible", true).put("visible", true);
    }
    world.putObject("npcs");
    world.putObject("global_state").put("tokens_moved", 0);
    world.putObject("metadata").put("_version", 1).put("version", "1.0.0");
    return world;
  }

  private static void doc(Path dir, String command, String aliases, String fields, String summary) throws IOException {
    Files.writeString(dir.resolve("game-logic/" + command + ".md"), "---\ncommand: " + command + "\naliases: " + aliases
        + "\nrequires_admin: false\nfields: " + fields + "\nsummary: " + summary + "\n---\n" + summary + "\n");
  }

  private static void write(Path file, ObjectNode node) throws IOException {
    Files.writeString(file, Json.pretty(node));
  }
}
