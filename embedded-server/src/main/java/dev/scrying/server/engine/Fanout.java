package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.protocol.Changes;
import dev.scrying.experiences.protocol.PlayerProjection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one command's mutations into the wire changes each player can see (area of interest: their
 * own state, their zone, the global state). {@link #capture} runs before the mutations are applied
 * and {@link #changes} after; both on the writer thread.
 */
public final class Fanout {
  private static final Set<String> PROJECTED_PLAYER_FIELDS =
      Set.of("current_area", "current_spot", "stats", "status_effects", "quests");

  private Fanout() {}

  /** What the changes need to know about the state before the command, for the players it touches. */
  public record Before(Map<String, String> zoneOf, Map<String, ObjectNode> presence, Map<String, Boolean> visible) {}

  public static Before capture(GameState s, List<Mutation> mutations) {
    Map<String, String> zoneOf = new HashMap<>();
    Map<String, ObjectNode> presence = new HashMap<>();
    Map<String, Boolean> visible = new HashMap<>();
    for (Mutation m : mutations) {
      String user = touchedPlayer(m);
      if (user != null && s.player(user) != null) {
        zoneOf.putIfAbsent(user, s.zoneOf(user));
        presence.putIfAbsent(user, PlayerProjection.presenceOf(s.player(user)));
      }
      if (m instanceof Mutation.ItemRemoved r) {
        visible.put(r.instanceId(), itemVisible(s, r.zone(), r.area(), r.spot(), r.instanceId()));
      } else if (m instanceof Mutation.ItemSet r) {
        visible.putIfAbsent(r.instanceId(), itemVisible(s, r.zone(), r.area(), r.spot(), r.instanceId()));
      }
    }
    return new Before(zoneOf, presence, visible);
  }

  /**
   * Per recipient, in a stable order, the changes of this command; recipients with none are absent.
   * Costs are proportional to the zones the command touches, not to the number of players.
   */
  public static Map<String, ArrayNode> changes(Experience e, Before b, GameState after, List<Mutation> mutations) {
    String bootstrapZone = e.bootstrap().path("zone").asText();
    Map<String, ArrayNode> out = new LinkedHashMap<>();
    Set<String> replaced = replacedViews(b, after, mutations, bootstrapZone);
    for (String r : replaced) {
      out.computeIfAbsent(r, k -> Json.MAPPER.createArrayNode())
          .add(Changes.viewReplaced(PlayerProjection.project(e, after.world(), after.zoneViews(r), r)));
    }
    Set<String> touchedPlayers = new LinkedHashSet<>();
    Set<String> touchedNpcs = new LinkedHashSet<>();
    Map<String, JsonNode> globals = new LinkedHashMap<>();
    for (Mutation m : mutations) {
      itemChanges(e, b, after, m, replaced, out);
      if (m instanceof Mutation.PlayerSet p) {
        touchedPlayers.add(p.userId());
        if (!replaced.contains(p.userId()) && isProjected(p.path())) {
          add(out, p.userId(), Changes.valueSet(p.path(), p.value()));
        }
      } else if (m instanceof Mutation.PlayerCreated p) {
        touchedPlayers.add(p.userId());
      } else if (m instanceof Mutation.WorldSet w) {
        if (w.path().startsWith("global_state.")) {
          globals.put(w.path(), w.value());
        } else if (w.path().startsWith("npcs.")) {
          touchedNpcs.add(w.path().split("\\.")[1]);
        }
      } else if (m instanceof Mutation.NpcReceived n) {
        touchedNpcs.add(n.npcId());
      }
    }
    if (!globals.isEmpty()) {
      for (String r : after.players().keySet()) {
        if (!replaced.contains(r)) {
          globals.forEach((path, v) -> add(out, r, Changes.valueSet(path, v)));
        }
      }
    }
    presenceChanges(b, after, touchedPlayers, replaced, out);
    npcChanges(after, touchedNpcs, replaced, out);
    // Zone-mates usually see the same changes: one shared array each is journalled and encoded once.
    Map<ArrayNode, ArrayNode> canonical = new HashMap<>();
    out.replaceAll((recipient, list) -> canonical.computeIfAbsent(list, x -> x));
    return out;
  }

  private static String touchedPlayer(Mutation m) {
    if (m instanceof Mutation.PlayerCreated p) {
      return p.userId();
    }
    if (m instanceof Mutation.PlayerSet p) {
      return p.userId();
    }
    return null;
  }

  private static Set<String> replacedViews(Before b, GameState after, List<Mutation> mutations, String bootstrapZone) {
    if (mutations.stream().anyMatch(m -> m instanceof Mutation.WorldReplaced)) {
      return new LinkedHashSet<>(after.players().keySet());
    }
    Set<String> replaced = new LinkedHashSet<>();
    for (Mutation m : mutations) {
      String id = touchedPlayer(m);
      if (id == null || after.player(id) == null) {
        continue;
      }
      boolean recreated = m instanceof Mutation.PlayerCreated && b.zoneOf().containsKey(id);
      boolean moved = !after.zoneOf(id).equals(b.zoneOf().getOrDefault(id, bootstrapZone));
      if (recreated || moved) {
        replaced.add(id);
      }
    }
    return replaced;
  }

  private static void itemChanges(Experience e, Before b, GameState after, Mutation m, Set<String> replaced,
      Map<String, ArrayNode> out) {
    // One change node per mutation, shared by every zone-mate: changes are never mutated once made.
    if (m instanceof Mutation.ItemRemoved r && b.visible().getOrDefault(r.instanceId(), false)) {
      ObjectNode change = Changes.itemRemoved(r.zone(), r.area(), r.spot(), r.instanceId());
      inZone(after, r.zone(), replaced).forEach(p -> add(out, p, change));
    } else if (m instanceof Mutation.ItemPlaced r && PlayerProjection.isVisible(r.item())) {
      ObjectNode change = Changes.itemAdded(r.zone(), r.area(), r.spot(), PlayerProjection.mergeItem(e, r.item()));
      inZone(after, r.zone(), replaced).forEach(p -> add(out, p, change));
    } else if (m instanceof Mutation.ItemSet r) {
      boolean was = b.visible().getOrDefault(r.instanceId(), false);
      JsonNode item = WorldQuery.find(after.world(), List.of(new SpotRef(r.zone(), r.area(), r.spot())), r.instanceId())
          .map(l -> (JsonNode) l.item()).orElse(null);
      boolean now = item != null && PlayerProjection.isVisible(item);
      ObjectNode change = was && now ? Changes.itemUpdated(r.zone(), r.area(), r.spot(), PlayerProjection.mergeItem(e, item))
          : now ? Changes.itemAdded(r.zone(), r.area(), r.spot(), PlayerProjection.mergeItem(e, item))
          : was ? Changes.itemRemoved(r.zone(), r.area(), r.spot(), r.instanceId()) : null;
      if (change != null) {
        inZone(after, r.zone(), replaced).forEach(p -> add(out, p, change));
      }
    } else if (m instanceof Mutation.InventoryRemoved r && !replaced.contains(r.userId())) {
      add(out, r.userId(), Changes.inventoryRemoved(r.instanceId()));
    } else if (m instanceof Mutation.InventoryAdded r && !replaced.contains(r.userId())) {
      add(out, r.userId(), Changes.inventoryAdded(PlayerProjection.mergeItem(e, r.item())));
    }
  }

  private static void presenceChanges(Before b, GameState after, Set<String> touched, Set<String> replaced,
      Map<String, ArrayNode> out) {
    for (String u : touched) {
      String before = b.zoneOf().get(u);
      String now = after.zoneOf(u);
      ObjectNode presenceBefore = b.presence().get(u);
      ObjectNode presenceAfter = after.player(u) == null ? null : PlayerProjection.presenceOf(after.player(u));
      Set<String> audience = new java.util.TreeSet<>(after.playersIn(now));
      if (before != null) {
        audience.addAll(after.playersIn(before));
      }
      for (String r : audience) {
        if (r.equals(u) || replaced.contains(r)) {
          continue;
        }
        String zone = after.zoneOf(r);
        JsonNode seenBefore = before != null && before.equals(zone) ? presenceBefore : null;
        JsonNode seenAfter = zone.equals(now) ? presenceAfter : null;
        if (!Objects.equals(seenBefore, seenAfter)) {
          add(out, r, Changes.valueSet("players." + u, seenAfter));
        }
      }
    }
  }

  private static void npcChanges(GameState after, Set<String> npcs, Set<String> replaced, Map<String, ArrayNode> out) {
    for (String npc : npcs) {
      WorldQuery.npcSpot(after.world(), npc).ifPresent(at -> {
        ObjectNode merged = PlayerProjection.mergeNpc(npc, after.world().path("npcs").path(npc));
        inZone(after, at.zone(), replaced).forEach(p -> add(out, p, Changes.npcUpdated(at.area(), at.spot(), merged)));
      });
    }
  }

  private static List<String> inZone(GameState after, String zone, Set<String> replaced) {
    return after.playersIn(zone).stream().filter(p -> !replaced.contains(p)).toList();
  }

  private static boolean isProjected(String path) {
    String[] parts = path.split("\\.");
    return parts.length >= 2 && parts[0].equals("player") && PROJECTED_PLAYER_FIELDS.contains(parts[1]);
  }

  private static boolean itemVisible(GameState s, String zone, String area, String spot, String id) {
    return WorldQuery.find(s.world(), List.of(new SpotRef(zone, area, spot)), id)
        .map(l -> PlayerProjection.isVisible(l.item())).orElse(false);
  }

  private static void add(Map<String, ArrayNode> out, String recipient, ObjectNode change) {
    out.computeIfAbsent(recipient, k -> Json.MAPPER.createArrayNode()).add(change);
  }
}
