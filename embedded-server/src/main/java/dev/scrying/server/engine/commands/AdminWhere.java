package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.ItemLocation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.WorldQuery;

/** {@code @where}: the admin's place, every item in the zone with its flags, and the areas. Read-only. */
public final class AdminWhere implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    JsonNode zone = ctx.world().path("locations").path(ctx.zone());
    StringBuilder text = new StringBuilder("Location: ").append(zone.path("name").asText()).append(" (")
        .append(ctx.zone()).append(")\nArea: ").append(ctx.area()).append("  Spot: ").append(ctx.spot()).append("\nItems:");
    var items = WorldQuery.itemsIn(ctx.world(), WorldQuery.spots(ctx.world(), ctx.zone()));
    for (ItemLocation l : items) {
      text.append("\n- ").append(l.instanceId()).append(" @ ").append(l.area()).append("/").append(l.spot())
          .append(" visible=").append(l.item().path("visible").asBoolean(true))
          .append(" collectible=").append(ctx.itemProperty(l.item(), "collectible").asBoolean(false));
    }
    text.append("\nAreas:");
    zone.path("areas").fieldNames().forEachRemaining(a ->
        text.append("\n- ").append(a).append(a.equals(ctx.area()) ? "  <- YOU ARE HERE" : ""));
    text.append("\nTry: @examine item <id>, @edit item <id> <property> <value>, @reset experience");
    var meta = Json.object().put("command_type", "admin_where").put("current_location", ctx.zone())
        .put("current_area", ctx.area()).put("current_spot", ctx.spot()).put("items_count", items.size())
        .put("admin_command", true);
    return Outcome.read(text.toString(), meta);
  }
}
