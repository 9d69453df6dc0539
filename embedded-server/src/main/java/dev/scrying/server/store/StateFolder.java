package dev.scrying.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;
import dev.scrying.server.engine.GameState;
import dev.scrying.server.engine.Mutation;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One experience's state folder: {@code journal.log} (source of truth), {@code snapshot.json} (a
 * recovery shortcut), {@code world.json} and {@code players/*.json} (readable copies that Git
 * versions) and the Git history. Holds an OS file lock so two servers can never share a folder. The
 * journal is written by the engine's writer thread; snapshots and commits by the snapshot thread.
 */
public final class StateFolder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StateFolder.class);
  private static final String GITIGNORE = "journal.log\nsnapshot.json\n*.tmp\nscrying.lock\n";

  private final Path dir;
  private final StorageFaults faults;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private Journal journal;
  private final GitHistory git;

  public StateFolder(Path dir, StorageFaults faults) throws IOException {
    this.dir = dir;
    this.faults = faults;
    Files.createDirectories(dir.resolve("players"));
    // New folders' names are durable only once their parents are forced; cheap, and only at start.
    AtomicFiles.syncDirectory(dir);
    AtomicFiles.syncDirectory(dir.getParent());
    this.lockChannel = FileChannel.open(dir.resolve("scrying.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock acquired;
    try {
      acquired = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      acquired = null;
    }
    if (acquired == null) {
      lockChannel.close();
      throw new StoreException("state folder " + dir + " is in use by another Scrying server; stop it or use --data");
    }
    this.lock = acquired;
    if (!Files.exists(dir.resolve(".gitignore"))) {
      Files.writeString(dir.resolve(".gitignore"), GITIGNORE, StandardCharsets.UTF_8);
    }
    this.git = new GitHistory(dir);
  }

  public Path dir() {
    return dir;
  }

  public GitHistory history() {
    return git;
  }

  /**
   * A snapshot's JSON. Versions before the checksum wrote plain JSON (it starts with '{', a sealed one
   * with hex digits); such a snapshot is believed if it parses and has the shape of a state, as it was
   * then, because its journal may no longer reach back to the template. The next snapshot is sealed.
   */
  private static byte[] unseal(byte[] file, Path snapshot) {
    if (file.length > 0 && file[0] == '{') {
      LOG.info("snapshot {} was written before snapshots carried a checksum; using it, the next one is sealed", snapshot);
      return file;
    }
    return Checksummed.open(file);
  }

  /**
   * Rebuilds the state: the snapshot plus the journal after it, or the template plus the whole journal when
   * the snapshot is missing or damaged (checksum, parse or shape). A snapshot newer than the journal's last
   * entry is refused: acknowledged entries would be missing from the journal. (An empty journal is allowed:
   * that is how an operator starts from the snapshot after moving a damaged journal aside.)
   */
  public Recovered recover(Experience experience) throws IOException {
    List<JournalEntry> entries = Journal.read(dir.resolve("journal.log"));
    JsonNode template = experience.freshWorld();
    long templateVersion = template.path("metadata").path("_version").asLong(1);
    GameState state = null;
    boolean snapshotRecovered = false;
    Path snapshot = dir.resolve("snapshot.json");
    if (Files.exists(snapshot)) {
      try {
        JsonNode node = Json.parse(unseal(Files.readAllBytes(snapshot), snapshot));
        String problem = shapeProblem(node);
        if (problem != null) {
          throw new IllegalArgumentException(problem);
        }
        state = GameState.fromJson(node);
      } catch (IllegalArgumentException e) {
        LOG.warn("snapshot {} is corrupt ({}); rebuilding from the template and the whole journal", snapshot, e.getMessage());
        snapshotRecovered = true;
      }
    }
    long journalEnd = entries.isEmpty() ? Long.MAX_VALUE : entries.get(entries.size() - 1).version();
    if (state != null && state.version() > journalEnd) {
      throw new StoreException("snapshot " + snapshot + " is at version " + state.version() + " but journal "
          + dir.resolve("journal.log") + " ends at version " + journalEnd + ": acknowledged changes are missing from "
          + "the journal; refusing to start. Restore journal.log from a backup, or move snapshot.json aside to start "
          + "from the journal alone (losing versions " + (journalEnd + 1) + " to " + state.version() + ").");
    }
    if (state == null) {
      state = new GameState(experience.freshWorld(), templateVersion);
    }
    long snapshotVersion = state.version();
    for (JournalEntry e : entries) {
      if (e.version() <= snapshotVersion) {
        continue;
      }
      if (e.version() != state.version() + 1) {
        throw new StoreException("journal " + dir.resolve("journal.log") + " jumps from version " + state.version()
            + " to " + e.version() + "; the snapshot and journal do not belong together. Move snapshot.json aside "
            + "to rebuild from the whole journal.");
      }
      for (Mutation m : e.mutations()) {
        state.apply(m);
      }
      state.restoreVersion(e.version());
    }
    if (journal == null) {
      journal = new Journal(dir.resolve("journal.log"), faults);
    }
    return new Recovered(state, entries, snapshotVersion, snapshotRecovered);
  }

  /** Appends and forces to disk; on failure nothing of the batch stays in the file. */
  public void append(List<JournalEntry> entries) throws IOException {
    journal.append(entries);
  }

  /** Every journal entry, for replaying events to a client that reconnects. */
  public List<JournalEntry> readJournal() throws IOException {
    return Journal.readQuietly(dir.resolve("journal.log"));
  }

  /** Writes the readable copies Git versions: the world (when given) and the changed player views. */
  public void writeReadable(byte[] worldJson, Map<String, byte[]> changedPlayers) throws IOException {
    if (worldJson != null) {
      AtomicFiles.write(dir.resolve("world.json"), worldJson, faults);
    }
    for (Map.Entry<String, byte[]> p : changedPlayers.entrySet()) {
      AtomicFiles.write(DataPaths.child(dir.resolve("players"), p.getKey() + ".json"), p.getValue(), faults);
    }
  }

  /** Writes the recovery snapshot (state + version) crash-safely, sealed with a checksum. */
  public void writeSnapshot(byte[] snapshotJson) throws IOException {
    AtomicFiles.write(dir.resolve("snapshot.json"), Checksummed.seal(snapshotJson), faults);
  }

  /**
   * What the engine needs of a snapshot, checked before a byte of it is used: a checksum only proves the
   * file is what was written, not that what was written (or hand-edited and resealed) is a state.
   */
  static String shapeProblem(JsonNode node) {
    if (!node.path("version").isIntegralNumber() || node.path("version").asLong() < 1) {
      return "version is not a positive integer";
    }
    JsonNode world = node.path("world");
    if (!world.isObject()) {
      return "world is not an object";
    }
    for (String part : List.of("locations", "npcs", "global_state", "metadata")) {
      if (!world.path(part).isObject()) {
        return "world." + part + " is not an object";
      }
    }
    JsonNode players = node.path("players");
    if (!players.isMissingNode() && !players.isObject()) {
      return "players is not an object";
    }
    for (JsonNode p : players) {
      if (!p.isObject()) {
        return "a player is not an object";
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    try {
      if (journal != null) {
        journal.close();
      }
      git.close();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }
}
