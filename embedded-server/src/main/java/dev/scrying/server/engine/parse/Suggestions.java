package dev.scrying.server.engine.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.protocol.PlayerProjection;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldQuery;
import java.util.ArrayList;
import java.util.List;

/** "What is possible here": the helpful part of every answer to text that could not be run. */
final class Suggestions {
  private Suggestions() {}

  static String here(CommandContext ctx) {
    List<String> items = new ArrayList<>();
    List<String> people = new ArrayList<>();
    List<String> places = new ArrayList<>();
    for (SpotRef ref : ctx.reach()) {
      JsonNode spot = WorldQuery.spot(ctx.world(), ref);
      places.add(spot.path("name").asText(ref.spot()));
      spot.path("items").forEach(i -> {
        if (PlayerProjection.isVisible(i)) {
          items.add(ctx.itemName(i));
        }
      });
      if (spot.hasNonNull("npc")) {
        people.add(ctx.npcName(spot.path("npc").asText()));
      }
    }
    StringBuilder s = new StringBuilder("You can: take <item>, examine <item>, give <item> to <someone>, go to <place>, "
        + "talk to <someone>, inventory, look around, help.");
    if (!items.isEmpty()) {
      s.append(" Within reach: ").append(String.join(", ", items)).append('.');
    }
    if (!people.isEmpty()) {
      s.append(" Nearby: ").append(String.join(", ", people)).append('.');
    }
    s.append(" Places: ").append(String.join(", ", places)).append('.');
    return s.toString();
  }

  static String people(CommandContext ctx) {
    List<String> people = new ArrayList<>();
    for (SpotRef ref : ctx.reach()) {
      JsonNode spot = WorldQuery.spot(ctx.world(), ref);
      if (spot.hasNonNull("npc")) {
        people.add(ctx.npcName(spot.path("npc").asText()));
      }
    }
    return people.isEmpty() ? "There is no one nearby." : "Nearby: " + String.join(", ", people) + ".";
  }

  static String carried(CommandContext ctx) {
    List<String> items = new ArrayList<>();
    ctx.player().path("inventory").forEach(i -> items.add(ctx.itemName(i)));
    return items.isEmpty() ? "Your inventory is empty." : "You are carrying: " + String.join(", ", items) + ".";
  }
}
