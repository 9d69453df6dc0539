package dev.scrying.console.model.players;

import dev.scrying.scenarios.client.ConnectionState;
import java.util.List;

/**
 * What the Players panel shows for one simulated player, all read from its client mirror: connection,
 * place, mirror version, inventory, the mirror-versus-server check and version-chain problems.
 */
public record PlayerCard(String userId, ConnectionState connection, String zone, String place, long version,
    List<String> inventory, MirrorCheck check, int chainProblems) {

  public PlayerCard {
    inventory = List.copyOf(inventory);
  }

  public static PlayerCard connecting(String userId) {
    return new PlayerCard(userId, ConnectionState.CONNECTING, "", "", -1, List.of(), MirrorCheck.UNKNOWN, 0);
  }

  public PlayerCard withCheck(MirrorCheck c) {
    return new PlayerCard(userId, connection, zone, place, version, inventory, c, chainProblems);
  }

  public PlayerCard withConnection(ConnectionState s) {
    return new PlayerCard(userId, s, zone, place, version, inventory, check, chainProblems);
  }
}
