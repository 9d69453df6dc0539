package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.PlayerProjection;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldQuery;

/** {@code look}: where the player is, what is within reach and who is nearby. Read-only. */
public final class Look implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    JsonNode zone = ctx.world().path("locations").path(ctx.zone());
    JsonNode area = zone.path("areas").path(ctx.area());
    StringBuilder text = new StringBuilder();
    text.append(zone.path("name").asText(ctx.zone())).append(" - ").append(area.path("name").asText(ctx.area()))
        .append(" (").append(ctx.placeName(ctx.here())).append(")\n").append(area.path("description").asText(""));
    var items = Json.MAPPER.createArrayNode();
    for (SpotRef ref : ctx.reach()) {
      JsonNode spot = WorldQuery.spot(ctx.world(), ref);
      StringBuilder line = new StringBuilder();
      for (JsonNode item : spot.path("items")) {
        if (PlayerProjection.isVisible(item)) {
          line.append(line.length() == 0 ? "" : ", ").append(ctx.itemName(item));
          items.add(item.path("instance_id").asText());
        }
      }
      String npc = spot.path("npc").asText(null);
      if (npc != null) {
        line.append(line.length() == 0 ? "" : ", ").append(ctx.npcName(npc));
      }
      if (line.length() > 0) {
        text.append("\n- ").append(spot.path("name").asText(ref.spot())).append(": ").append(line);
      }
    }
    var meta = Json.object().put("location", ctx.zone()).put("area", ctx.area()).put("spot", ctx.spot());
    meta.set("visible_items", items);
    return Outcome.read(text.toString(), meta);
  }
}
