package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole mutable state of one experience: the world, every player's view and the version. Owned
 * by the experience's single writer thread; nothing else may touch it (readers get copies).
 */
public final class GameState {
  private ObjectNode world;
  private final Map<String, ObjectNode> players = new TreeMap<>();
  /** Who is in which zone, kept in step with the views so fan-out never scans every player. */
  private final Map<String, java.util.SortedSet<String>> playersByZone = new java.util.HashMap<>();
  private long version;
  private final java.util.Set<String> dirtyPlayers = new java.util.HashSet<>();
  private boolean worldDirty = true;
  private boolean drainedOnce;

  public GameState(ObjectNode world, long version) {
    this.world = world;
    this.version = version;
  }

  public ObjectNode world() {
    return world;
  }

  public Map<String, ObjectNode> players() {
    return Collections.unmodifiableMap(players);
  }

  public ObjectNode player(String userId) {
    return players.get(userId);
  }

  public long version() {
    return version;
  }

  void setVersion(long version) {
    this.version = version;
    world.with("metadata").put("_version", version);
  }

  /** Sets the version during recovery, when replaying a journal entry. */
  public void restoreVersion(long version) {
    setVersion(version);
  }

  public void putPlayer(String userId, ObjectNode view) {
    setPlayer(userId, view);
  }

  /** The players whose current zone is {@code zone}, in id order. */
  public java.util.SortedSet<String> playersIn(String zone) {
    java.util.SortedSet<String> in = playersByZone.get(zone);
    return in == null ? java.util.Collections.emptySortedSet() : java.util.Collections.unmodifiableSortedSet(in);
  }

  /**
   * The views a projection of {@code userId} needs: its own and those of the players in its zone.
   * Projecting from this instead of every player keeps a snapshot's cost independent of the crowd.
   */
  public Map<String, ObjectNode> zoneViews(String userId) {
    Map<String, ObjectNode> out = new TreeMap<>();
    ObjectNode self = players.get(userId);
    if (self != null) {
      out.put(userId, self);
    }
    String zone = self != null ? zoneOf(userId) : null;
    if (zone != null) {
      playersIn(zone).forEach(id -> out.put(id, players.get(id)));
    }
    return out;
  }

  /** The zone a player is in, or null for an unknown player. */
  public String zoneOf(String userId) {
    ObjectNode view = players.get(userId);
    return view == null ? null : view.path("player").path("current_location").asText();
  }

  private void setPlayer(String userId, ObjectNode view) {
    ObjectNode old = players.put(userId, view);
    if (old != null) {
      unindex(userId, old.path("player").path("current_location").asText());
    }
    index(userId, view.path("player").path("current_location").asText());
  }

  private void index(String userId, String zone) {
    playersByZone.computeIfAbsent(zone, z -> new java.util.TreeSet<>()).add(userId);
  }

  private void unindex(String userId, String zone) {
    java.util.SortedSet<String> in = playersByZone.get(zone);
    if (in != null) {
      in.remove(userId);
    }
  }

  /** Applies one mutation. Throws {@link IllegalStateException} if it does not fit the state. */
  public void apply(Mutation m) {
    markDirty(m);
    if (m instanceof Mutation.PlayerCreated p) {
      setPlayer(p.userId(), p.view().deepCopy());
    } else if (m instanceof Mutation.PlayerSet p) {
      String zoneBefore = zoneOf(p.userId());
      setPath(requirePlayer(p.userId()), p.path(), p.value());
      String zoneAfter = zoneOf(p.userId());
      if (!zoneAfter.equals(zoneBefore)) {
        unindex(p.userId(), zoneBefore);
        index(p.userId(), zoneAfter);
      }
    } else if (m instanceof Mutation.ItemRemoved r) {
      removeByInstance(spotItems(r.zone(), r.area(), r.spot()), r.instanceId());
    } else if (m instanceof Mutation.ItemPlaced r) {
      spotItems(r.zone(), r.area(), r.spot()).add(r.item().deepCopy());
    } else if (m instanceof Mutation.ItemSet r) {
      setPath(findInstance(spotItems(r.zone(), r.area(), r.spot()), r.instanceId()), r.path(), r.value());
    } else if (m instanceof Mutation.InventoryRemoved r) {
      removeByInstance(inventory(r.userId()), r.instanceId());
    } else if (m instanceof Mutation.InventoryAdded r) {
      inventory(r.userId()).add(r.item().deepCopy());
    } else if (m instanceof Mutation.WorldSet r) {
      setPath(world, r.path(), r.value());
    } else if (m instanceof Mutation.NpcReceived r) {
      npc(r.npcId()).withArray("inventory").add(r.item().deepCopy());
    } else if (m instanceof Mutation.WorldReplaced r) {
      long keep = version;
      world = r.world().deepCopy();
      setVersion(keep);
    }
  }

  private void markDirty(Mutation m) {
    if (m instanceof Mutation.PlayerCreated p) {
      dirtyPlayers.add(p.userId());
    } else if (m instanceof Mutation.PlayerSet p) {
      dirtyPlayers.add(p.userId());
    } else if (m instanceof Mutation.InventoryRemoved r) {
      dirtyPlayers.add(r.userId());
    } else if (m instanceof Mutation.InventoryAdded r) {
      dirtyPlayers.add(r.userId());
    } else {
      worldDirty = true;
    }
  }

  /** The players changed since the last call, and whether the world did; resets both. */
  public Changed drainChanged() {
    if (!drainedOnce) {
      // The first snapshot after start-up writes everything, so the readable files match the state.
      drainedOnce = true;
      dirtyPlayers.addAll(players.keySet());
      worldDirty = true;
    }
    Changed c = new Changed(worldDirty, java.util.Set.copyOf(dirtyPlayers));
    dirtyPlayers.clear();
    worldDirty = false;
    return c;
  }

  /** What changed since the last snapshot, so the snapshot thread writes only that. */
  public record Changed(boolean world, java.util.Set<String> players) {}

  /** A deep copy, for snapshots and for readers on other threads. */
  public GameState copy() {
    GameState copy = new GameState(world.deepCopy(), version);
    players.forEach((id, view) -> copy.setPlayer(id, view.deepCopy()));
    return copy;
  }

  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("version", version);
    out.set("world", world);
    ObjectNode ps = out.putObject("players");
    players.forEach(ps::set);
    return out;
  }

  public static GameState fromJson(JsonNode node) {
    GameState s = new GameState((ObjectNode) node.path("world").deepCopy(), node.path("version").asLong());
    node.path("players").fields().forEachRemaining(e -> s.setPlayer(e.getKey(), (ObjectNode) e.getValue().deepCopy()));
    return s;
  }

  private ObjectNode requirePlayer(String userId) {
    ObjectNode p = players.get(userId);
    if (p == null) {
      throw new IllegalStateException("no player " + userId);
    }
    return p;
  }

  private ArrayNode inventory(String userId) {
    return requirePlayer(userId).with("player").withArray("inventory");
  }

  private ObjectNode npc(String npcId) {
    JsonNode npc = world.path("npcs").path(npcId);
    if (!(npc instanceof ObjectNode o)) {
      throw new IllegalStateException("no NPC " + npcId);
    }
    return o;
  }

  ArrayNode spotItems(String zone, String area, String spot) {
    JsonNode s = world.path("locations").path(zone).path("areas").path(area).path("spots").path(spot);
    if (!(s instanceof ObjectNode o)) {
      throw new IllegalStateException("no spot " + zone + "/" + area + "/" + spot);
    }
    return o.withArray("items");
  }

  private static ObjectNode findInstance(ArrayNode items, String instanceId) {
    for (JsonNode item : items) {
      if (item.path("instance_id").asText().equals(instanceId)) {
        return (ObjectNode) item;
      }
    }
    throw new IllegalStateException("no item " + instanceId);
  }

  private static void removeByInstance(ArrayNode items, String instanceId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path("instance_id").asText().equals(instanceId)) {
        items.remove(i);
        return;
      }
    }
    throw new IllegalStateException("no item " + instanceId);
  }

  static void setPath(ObjectNode root, String dotted, JsonNode value) {
    String[] parts = dotted.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.with(parts[i]);
    }
    if (value == null || value.isNull()) {
      node.remove(parts[parts.length - 1]);
    } else {
      node.set(parts[parts.length - 1], value.deepCopy());
    }
  }
}
