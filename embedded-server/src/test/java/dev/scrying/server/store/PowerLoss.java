package dev.scrying.server.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * LazyFS's model without LazyFS: after the server's JVM is SIGKILLed, make one experience folder look as a
 * power loss at that moment could leave it. Whatever no completed fsync covered (per the {@link SyncLog})
 * is dropped: an append-only file is cut back to its last synced length (in some rounds keeping a random
 * prefix of the unsynced tail, as a partial write-back would); a whole-file replacement whose folder was
 * not forced afterwards goes back to the last durable content; a file whose name was never made durable
 * disappears. Not modelled: {@code .git/} (JGit does not fsync by default), folders themselves, and
 * write-back out of order (a hole before later data). One instance per folder, across every round, from
 * the test thread.
 */
final class PowerLoss {
  /** What one power loss changed. */
  record Effect(long unsyncedBytes, long bytesDropped, int filesReverted, int filesDeleted) {}

  private final Path folder;
  private final Path syncLog;
  private final Random random;
  private final Map<Path, Long> syncedLength = new HashMap<>();
  private final Set<Path> named = new HashSet<>();
  private final Map<Path, byte[]> content = new HashMap<>();
  long bytesDropped;
  /** Power losses that found journal bytes no fsync covered (some rounds then keep part of them). */
  int lossesWithUnsyncedBytes;
  /** fsyncs the server reported: zero would mean the model was never fed and dropped everything blindly. */
  int syncsRecorded;
  int filesReverted;
  int filesDeleted;

  PowerLoss(Path folder, Path syncLog, Random random) {
    this.folder = folder.toAbsolutePath();
    this.syncLog = syncLog.toAbsolutePath();
    this.random = random;
  }

  /** Drops what was not durable when the server died; call only once its JVM has exited. */
  Effect apply() throws IOException {
    readLog();
    long dropped = 0;
    long unsynced = 0;
    int reverted = 0;
    int deleted = 0;
    boolean keepPartialTail = random.nextBoolean();
    for (Path f : files()) {
      if (content.containsKey(f)) {
        if (!Arrays.equals(Files.readAllBytes(f), content.get(f))) {
          Files.write(f, content.get(f));
          reverted++;
        }
      } else if (named.contains(f)) {
        long size = Files.size(f);
        long durable = Math.min(size, syncedLength.getOrDefault(f, 0L));
        unsynced += size - durable;
        long keep = keepPartialTail ? durable + random.nextLong(size - durable + 1) : durable;
        if (keep < size) {
          try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(keep);
          }
          dropped += size - keep;
        }
        // After the reboot whatever is on the disk is durable, even a torn tail the server will cut off.
        syncedLength.put(f, keep);
      } else {
        dropped += Files.size(f);
        Files.delete(f);
        deleted++;
      }
    }
    for (Map.Entry<Path, byte[]> c : content.entrySet()) {
      if (!Files.exists(c.getKey())) {
        Files.write(c.getKey(), c.getValue());
        reverted++;
      }
    }
    Files.deleteIfExists(syncLog);
    Path copies = SyncLog.copiesOf(syncLog);
    if (Files.isDirectory(copies)) {
      try (Stream<Path> s = Files.list(copies)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
    }
    bytesDropped += dropped;
    lossesWithUnsyncedBytes += unsynced > 0 ? 1 : 0;
    filesReverted += reverted;
    filesDeleted += deleted;
    return new Effect(unsynced, dropped, reverted, deleted);
  }

  private void readLog() throws IOException {
    if (!Files.exists(syncLog)) {
      return;
    }
    String text = new String(Files.readAllBytes(syncLog), StandardCharsets.UTF_8);
    // A line without its newline was being written when the kill came: its fsync was not reported.
    int end = text.lastIndexOf('\n');
    for (String line : text.substring(0, end + 1).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] p = line.split(" ", 3);
      syncsRecorded++;
      switch (p[0]) {
        case "synced" -> syncedLength.put(Path.of(p[2]), Long.parseLong(p[1]));
        case "created" -> named.add(Path.of(p[1]));
        case "replaced" -> content.put(Path.of(p[2]), Files.readAllBytes(SyncLog.copiesOf(syncLog).resolve(p[1])));
        default -> throw new IllegalStateException("unknown sync log line: " + line);
      }
    }
  }

  /** The files the storage layer writes: everything in the folder but Git's and the lock and ignore files. */
  private List<Path> files() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(folder.resolve(".git")))
          .filter(p -> !p.equals(folder.resolve("scrying.lock")) && !p.equals(folder.resolve(".gitignore")))
          .toList();
    }
  }
}
