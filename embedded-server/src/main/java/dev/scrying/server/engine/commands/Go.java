package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code go}: to a spot or area of this zone, or to another zone (arriving at its first spot). */
public final class Go implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    String dest = ctx.command().field("destination");
    if (dest == null || dest.isBlank()) {
      return Outcome.fail("Where do you want to go? " + choices(ctx));
    }
    Optional<SpotRef> target = resolve(ctx, dest);
    if (target.isEmpty()) {
      return Outcome.fail("You can't go to '" + dest + "' from here. " + choices(ctx));
    }
    SpotRef to = target.get();
    if (to.equals(ctx.here())) {
      return Outcome.read("You are already at " + ctx.placeName(to) + ".", meta(ctx, to));
    }
    List<Mutation> m = new ArrayList<>();
    if (!to.zone().equals(ctx.zone())) {
      m.add(new Mutation.PlayerSet(ctx.userId(), "player.current_location", TextNode.valueOf(to.zone())));
      m.add(new Mutation.PlayerSet(ctx.userId(), "progress.visited_locations",
          visited(ctx, to.zone())));
    }
    if (!to.area().equals(ctx.area()) || !to.zone().equals(ctx.zone())) {
      m.add(new Mutation.PlayerSet(ctx.userId(), "player.current_area", TextNode.valueOf(to.area())));
    }
    m.add(new Mutation.PlayerSet(ctx.userId(), "player.current_spot", TextNode.valueOf(to.spot())));
    JsonNode place = dest.equals(to.zone()) ? ctx.world().path("locations").path(to.zone())
        : dest.equals(to.area()) ? ctx.world().path("locations").path(to.zone()).path("areas").path(to.area())
        : WorldQuery.spot(ctx.world(), to);
    String message = "You move to " + place.path("name").asText(dest) + ". " + place.path("description").asText("");
    return Outcome.change(message.strip(), meta(ctx, to), m);
  }

  private static JsonNode visited(CommandContext ctx, String zone) {
    var arr = ctx.view().path("progress").path("visited_locations").deepCopy();
    var out = Json.MAPPER.createArrayNode();
    Set<String> seen = new LinkedHashSet<>();
    arr.forEach(n -> seen.add(n.asText()));
    seen.add(zone);
    seen.forEach(out::add);
    return out;
  }

  static Optional<SpotRef> resolve(CommandContext ctx, String dest) {
    JsonNode world = ctx.world();
    if (world.path("locations").has(dest)) {
      return WorldQuery.spots(world, dest).stream().findFirst();
    }
    List<SpotRef> zoneSpots = WorldQuery.spots(world, ctx.zone());
    Optional<SpotRef> spot = zoneSpots.stream().filter(s -> s.spot().equals(dest)).findFirst();
    if (spot.isPresent()) {
      return spot;
    }
    return zoneSpots.stream().filter(s -> s.area().equals(dest)).findFirst();
  }

  private static String choices(CommandContext ctx) {
    List<String> names = new ArrayList<>();
    WorldQuery.spots(ctx.world(), ctx.zone()).forEach(s -> names.add(s.spot()));
    ctx.world().path("locations").fieldNames().forEachRemaining(z -> {
      if (!z.equals(ctx.zone())) {
        names.add(z);
      }
    });
    return "Places you can go: " + String.join(", ", names) + ".";
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode meta(CommandContext ctx, SpotRef to) {
    return Json.object().put("destination", to.spot()).put("location", to.zone()).put("area", to.area())
        .put("spot", to.spot()).put("zone_changed", !to.zone().equals(ctx.zone()));
  }
}
