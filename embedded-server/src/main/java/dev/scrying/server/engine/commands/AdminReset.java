package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.PlayerViews;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.ItemLocation;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldHistory;
import dev.scrying.server.engine.WorldQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code @reset experience|world|player <id>|commit <sha> [CONFIRM]}. Without CONFIRM it only previews.
 * Every reset is a new version (never backwards): {@code experience} restores the template world and
 * gives every known player a fresh view; {@code world} restores the world but keeps players, removing
 * from it what players still hold so nothing exists twice; {@code player} gives one player a fresh view
 * and puts what they held back where the template had it; {@code commit} restores a Git commit.
 */
public final class AdminReset implements CommandHandler {
  private static final String USAGE = "Usage: @reset experience|world|player <id>|commit <sha> [CONFIRM]";

  @Override
  public Outcome handle(CommandContext ctx) {
    List<String> a = new ArrayList<>(AdminArgs.of(ctx.command()));
    boolean confirm = !a.isEmpty() && a.get(a.size() - 1).equals("CONFIRM");
    if (confirm) {
      a.remove(a.size() - 1);
    }
    if (a.isEmpty()) {
      return Outcome.fail(USAGE);
    }
    String scope = a.get(0);
    boolean takesId = scope.equals("player") || scope.equals("commit");
    if (!List.of("experience", "world", "player", "commit").contains(scope)) {
      return Outcome.fail("Unknown reset scope '" + scope + "'. " + USAGE);
    }
    if (a.size() != (takesId ? 2 : 1)) {
      return Outcome.fail(USAGE);
    }
    String target = takesId ? a.get(1) : null;
    if (scope.equals("player") && ctx.state().player(target) == null) {
      return Outcome.fail("No player '" + target + "' in this experience.");
    }
    Optional<WorldHistory.RecordedState> recorded = Optional.empty();
    if (scope.equals("commit")) {
      recorded = ctx.history().at(target);
      if (recorded.isEmpty()) {
        return Outcome.fail("No commit '" + target + "' in the world history.");
      }
    }
    ObjectNode meta = Json.object().put("command_type", confirm ? "reset" : "reset-preview").put("scope", scope)
        .put("player_count", ctx.state().players().size()).put("admin_command", true)
        .put("version_before", ctx.state().version());
    if (target != null) {
      meta.put("target", target);
    }
    if (!confirm) {
      meta.put("requires_confirm", true);
      return Outcome.fail(preview(ctx, scope, target) + " Repeat with CONFIRM to proceed: @reset "
          + String.join(" ", a) + " CONFIRM", meta);
    }
    List<Mutation> m = switch (scope) {
      case "experience" -> resetExperience(ctx);
      case "world" -> resetWorld(ctx);
      case "player" -> resetPlayer(ctx, target);
      default -> resetToCommit(ctx, recorded.get());
    };
    return Outcome.change("Reset complete (" + scope + (target == null ? "" : " " + target)
        + "). Quest progress and items are back to " + (scope.equals("commit") ? "commit " + target : "the start") + ".",
        meta, m);
  }

  private static String preview(CommandContext ctx, String scope, String target) {
    return switch (scope) {
      case "experience" -> "This restores the world to its template and clears all "
          + ctx.state().players().size() + " player views (inventories, places, quest progress).";
      case "world" -> "This restores the world to its template; players keep their places and inventories.";
      case "player" -> "This clears player " + target + "'s view and returns what they hold to its place.";
      default -> "This restores the world and player views recorded at commit " + target + ".";
    };
  }

  private static List<Mutation> resetExperience(CommandContext ctx) {
    List<Mutation> m = new ArrayList<>();
    m.add(new Mutation.WorldReplaced(ctx.experience().freshWorld()));
    for (String id : ctx.state().players().keySet()) {
      m.add(new Mutation.PlayerCreated(id, PlayerViews.fresh(ctx.experience(), id, ctx.now())));
    }
    return m;
  }

  private static List<Mutation> resetWorld(CommandContext ctx) {
    ObjectNode world = ctx.experience().freshWorld();
    Set<String> held = new HashSet<>();
    ctx.state().players().values().forEach(v -> v.path("player").path("inventory")
        .forEach(i -> held.add(i.path("instance_id").asText())));
    for (ItemLocation l : WorldQuery.itemsIn(world, WorldQuery.allSpots(world))) {
      if (held.contains(l.instanceId())) {
        var items = (com.fasterxml.jackson.databind.node.ArrayNode) WorldQuery.spot(world,
            new SpotRef(l.zone(), l.area(), l.spot())).path("items");
        for (int i = items.size() - 1; i >= 0; i--) {
          if (items.get(i).path("instance_id").asText().equals(l.instanceId())) {
            items.remove(i);
          }
        }
      }
    }
    return List.of(new Mutation.WorldReplaced(world));
  }

  private static List<Mutation> resetPlayer(CommandContext ctx, String userId) {
    List<Mutation> m = new ArrayList<>();
    JsonNode template = ctx.experience().worldTemplate();
    for (JsonNode item : ctx.state().player(userId).path("player").path("inventory")) {
      String id = item.path("instance_id").asText();
      Optional<SpotRef> home = WorldQuery.templateLocation(template, id);
      if (home.isPresent() && WorldQuery.findAnywhere(ctx.world(), id).isEmpty()
          && !WorldQuery.spot(ctx.world(), home.get()).isMissingNode()) {
        SpotRef h = home.get();
        m.add(new Mutation.ItemPlaced(h.zone(), h.area(), h.spot(),
            WorldQuery.find(template, List.of(h), id).get().item().deepCopy()));
      }
    }
    m.add(new Mutation.PlayerCreated(userId, PlayerViews.fresh(ctx.experience(), userId, ctx.now())));
    return m;
  }

  private static List<Mutation> resetToCommit(CommandContext ctx, WorldHistory.RecordedState rec) {
    List<Mutation> m = new ArrayList<>();
    m.add(new Mutation.WorldReplaced(rec.world().deepCopy()));
    Map<String, ObjectNode> then = rec.players();
    for (String id : ctx.state().players().keySet()) {
      ObjectNode view = then.containsKey(id) ? then.get(id).deepCopy() : PlayerViews.fresh(ctx.experience(), id, ctx.now());
      m.add(new Mutation.PlayerCreated(id, view));
    }
    then.forEach((id, view) -> {
      if (ctx.state().player(id) == null) {
        m.add(new Mutation.PlayerCreated(id, view.deepCopy()));
      }
    });
    return m;
  }
}
