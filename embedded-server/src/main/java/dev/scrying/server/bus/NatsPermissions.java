package dev.scrying.server.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Ids;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what on the managed nats-server. The server's own user publishes and subscribes to
 * everything; each player's user may subscribe only to its own {@code world.updates.user.{id}} and
 * publish nothing, so a guest can never read another guest's stream or inject events. The observer
 * (handed only to an admin identity) reads every player's stream and publishes only latency probes.
 * Passwords are
 * generated once and kept owner-only in {@code <data>/nats/users.json}; {@link NatsProcess} renders
 * {@link #authorizationBlock()} into its config. Thread-safe. A file that cannot be read is replaced
 * (players then ask for new credentials); one that cannot be written fails the nats-server start.
 */
public final class NatsPermissions {
  public static final String SERVER_USER = "scrying-server";
  /** The operator's read-only view of every stream, for the console and the bench; it may publish only probes. */
  public static final String OBSERVER_USER = "scrying-observer";
  /** Subjects the observer may publish and subscribe to for latency probes; nobody else listens there. */
  public static final String PROBE_SUBJECTS = "scrying.probe.>";
  private static final String PLAYER_PREFIX = "player-";
  private static final Logger LOG = LoggerFactory.getLogger(NatsPermissions.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Map<String, String> passwords = new LinkedHashMap<>(); // NATS user -> password, guarded by this

  /** Credentials for a player, and whether they were made just now (the server must then reload). */
  public record Grant(NatsCredentials credentials, boolean created) {}

  /** More player users than the nats-server config should carry; anyone with a token could ask for one. */
  public static final class TooManyUsers extends IOException {
    TooManyUsers(int limit) {
      super("this nats-server already has " + limit + " player users; ask the operator to remove unused ones");
    }
  }

  /** At most this many player users (a demo has tens; dev mode lets anyone mint tokens). */
  public static final int DEFAULT_MAX_PLAYERS = 5_000;

  private final int maxPlayers;

  /** Permissions kept in {@code natsDir}/users.json; reads the file if it is there, writes nothing yet. */
  public NatsPermissions(Path natsDir) {
    this(natsDir, DEFAULT_MAX_PLAYERS);
  }

  /** The same, with at most {@code maxPlayers} player users. */
  public NatsPermissions(Path natsDir, int maxPlayers) {
    this.maxPlayers = maxPlayers;
    this.file = natsDir.resolve("users.json");
    load();
    passwords.computeIfAbsent(SERVER_USER, u -> newPassword());
    passwords.computeIfAbsent(OBSERVER_USER, u -> newPassword());
  }

  public synchronized NatsCredentials server() {
    return new NatsCredentials(SERVER_USER, passwords.get(SERVER_USER));
  }

  /** The observer's credentials; they exist from the first config on, so handing them out needs no reload. */
  public synchronized NatsCredentials observer() {
    return new NatsCredentials(OBSERVER_USER, passwords.get(OBSERVER_USER));
  }

  /** The player's credentials, made (and saved) on first use. */
  public synchronized Grant player(String userId) throws IOException {
    String user = PLAYER_PREFIX + Ids.requireUserId(userId);
    String existing = passwords.get(user);
    if (existing != null) {
      return new Grant(new NatsCredentials(user, existing), false);
    }
    if (passwords.size() - 2 >= maxPlayers) { // the server's and the observer's users are not players
      throw new TooManyUsers(maxPlayers);
    }
    String password = newPassword();
    passwords.put(user, password);
    try {
      save();
    } catch (IOException e) {
      passwords.remove(user);
      throw e;
    }
    return new Grant(new NatsCredentials(user, password), true);
  }

  /** Writes users.json (owner-only) so that credentials survive restarts. */
  public synchronized void save() throws IOException {
    ObjectNode users = Json.object();
    passwords.forEach(users::put);
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, Json.pretty(Json.object().set("users", users)).getBytes(StandardCharsets.UTF_8));
    ownerOnly(tmp);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The nats-server {@code authorization} block for every known user. */
  public synchronized String authorizationBlock() {
    StringBuilder b = new StringBuilder("authorization {\n  users = [\n");
    passwords.forEach((user, password) -> {
      b.append("    { user: \"").append(user).append("\", password: \"").append(password).append("\", permissions: ");
      if (user.equals(SERVER_USER)) {
        b.append("{ publish: \">\", subscribe: \">\" } }\n");
      } else if (user.equals(OBSERVER_USER)) {
        b.append("{ publish: { allow: \"").append(PROBE_SUBJECTS).append("\" }, subscribe: { allow: [\"")
            .append(Subjects.ALL_WORLD_UPDATES).append("\", \"").append(PROBE_SUBJECTS).append("\"] } } }\n");
      } else {
        String subject = Subjects.worldUpdates(user.substring(PLAYER_PREFIX.length()));
        b.append("{ publish: { deny: \">\" }, subscribe: { allow: \"").append(subject)
            .append("\" } } }\n");
      }
    });
    return b.append("  ]\n}\n").toString();
  }

  static void ownerOnly(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system; the data folder's own permissions apply.
    }
  }

  private void load() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      JsonNode users = Json.parse(Files.readAllBytes(file)).path("users");
      users.fields().forEachRemaining(e -> {
        if (isKnownUser(e.getKey()) && e.getValue().isTextual() && e.getValue().asText().matches("[A-Za-z0-9_-]{16,}")) {
          passwords.put(e.getKey(), e.getValue().asText());
        }
      });
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("cannot read NATS users from {} ({}); issuing new credentials", file, e.getMessage());
    }
  }

  private static boolean isKnownUser(String user) {
    return user.equals(SERVER_USER) || user.equals(OBSERVER_USER) || (user.startsWith(PLAYER_PREFIX) && Ids.isUserId(user.substring(PLAYER_PREFIX.length())));
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
