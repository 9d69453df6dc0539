package dev.scrying.scenarios.format;

import static dev.scrying.scenarios.format.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The players a scenario declares, and which of them have joined at the step being read, so that a
 * step naming a player who is unknown, or who joins later and has not connected yet, fails with its
 * line. One use per document; not thread-safe.
 */
final class PlayerRoster {
  private final LocatedDocument doc;
  private final Map<String, PlayerSpec> players = new LinkedHashMap<>();
  private final Set<String> joined = new HashSet<>();

  private PlayerRoster(LocatedDocument doc) {
    this.doc = doc;
  }

  /** Reads {@code /players}. */
  static PlayerRoster read(LocatedDocument doc) throws ScenarioFormatException {
    PlayerRoster roster = new PlayerRoster(doc);
    roster.readPlayers(doc.root().path("players"));
    return roster;
  }

  private void readPlayers(JsonNode list) throws ScenarioFormatException {
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String ptr = child("/players", i);
      String id = p.path("id").asText();
      if (id.equals("all")) {
        throw doc.error(child(ptr, "id"), "'all' is reserved (it means every player); choose another id");
      }
      if (players.containsKey(id)) {
        throw doc.error(child(ptr, "id"), "player '" + id + "' is declared twice");
      }
      Set<ConnectionKind> kinds = EnumSet.noneOf(ConnectionKind.class);
      JsonNode c = p.path("connection");
      if (c.isMissingNode()) {
        kinds.add(ConnectionKind.WEBSOCKET);
      } else if (c.isArray()) {
        c.forEach(k -> kinds.add(ConnectionKind.byKey(k.asText())));
      } else {
        kinds.add(ConnectionKind.byKey(c.asText()));
      }
      if (kinds.contains(ConnectionKind.CHAT) && kinds.size() > 1) {
        throw doc.error(child(ptr, "connection"), "'chat' means no persistent connection; it cannot be combined");
      }
      boolean later = p.path("joins").asText("start").equals("later");
      players.put(id, new PlayerSpec(id, kinds, p.path("role").asText("player").equals("admin"), later, doc.line(ptr)));
      if (!later) {
        joined.add(id);
      }
    }
  }

  PlayerSpec player(String id, String ptr) throws ScenarioFormatException {
    PlayerSpec p = players.get(id);
    if (p == null) {
      throw doc.error(ptr, "unknown player '" + id + "'; declared players: " + String.join(", ", players.keySet()));
    }
    return p;
  }

  PlayerSpec joinedPlayer(String id, String ptr) throws ScenarioFormatException {
    PlayerSpec p = player(id, ptr);
    if (!joined.contains(id)) {
      throw doc.error(ptr, "player '" + id + "' joins later and has not connected yet at this step (add a 'connect: "
          + id + "' step before)");
    }
    return p;
  }

  /** Marks a {@code joins: later} player as connected from here on; false if it already was. */
  boolean join(String id) {
    return joined.add(id);
  }

  String first() {
    return players.keySet().iterator().next();
  }

  PlayerSpec spec(String id) {
    return players.get(id);
  }

  List<PlayerSpec> all() {
    return List.copyOf(players.values());
  }
}
