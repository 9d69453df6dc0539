package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code inventory}: lists what the player carries, grouped by template. Read-only. */
public final class Inventory implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    JsonNode inventory = ctx.player().path("inventory");
    var meta = Json.object().put("item_count", inventory.size());
    if (inventory.isEmpty()) {
      meta.put("unique_items", 0).putArray("items");
      return Outcome.read("Your inventory is empty.", meta);
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (JsonNode item : inventory) {
      String t = item.path("template_id").asText();
      counts.merge(t, 1, Integer::sum);
      names.putIfAbsent(t, ctx.itemName(item));
    }
    StringBuilder text = new StringBuilder("You are carrying:");
    var items = meta.put("unique_items", counts.size()).putArray("items");
    counts.forEach((t, n) -> {
      text.append("\n- ").append(names.get(t)).append(" x").append(n);
      items.addObject().put("template_id", t).put("count", n).put("name", names.get(t));
    });
    JsonNode stats = ctx.player().path("stats");
    text.append("\nHealth: ").append(stats.path("health").asInt()).append("/")
        .append(stats.path("max_health").asInt()).append(" HP");
    return Outcome.read(text.toString(), meta);
  }
}
