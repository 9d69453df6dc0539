package dev.scrying.server.store;

import dev.scrying.experiences.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal: one line per entry, {@code <crc32 hex> <json>}. {@link #append} returns only
 * after the bytes are forced to disk; a failed append is cut back off so the file never keeps half a
 * batch. Used by one writer thread.
 */
public final class Journal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  private final Path file;
  private final FileChannel channel;
  private final StorageFaults faults;
  private final boolean fsync = Protection.FSYNC.isOn();

  public Journal(Path file, StorageFaults faults) throws IOException {
    this.file = file;
    this.faults = faults;
    boolean created = !Files.exists(file);
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    channel.position(channel.size());
    // A new file's name is durable only once its folder is forced: without this, a power loss after the
    // first acknowledged append could leave no journal.log at all, however often the file itself was forced.
    if (created && AtomicFiles.syncDirectory(file.getParent())) {
      faults.created(file);
    }
  }

  /** Reads every entry; drops a torn or corrupt last line (never acknowledged), refuses corruption before it. */
  public static List<JournalEntry> read(Path file) throws IOException {
    List<JournalEntry> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    byte[] bytes = Files.readAllBytes(file);
    int start = 0;
    int lineNo = 0;
    while (start < bytes.length) {
      lineNo++;
      int end = indexOf(bytes, (byte) '\n', start);
      boolean last = end < 0 || end == bytes.length - 1;
      JournalEntry entry = end < 0 ? null : decode(bytes, start, end);
      if (entry == null) {
        if (last) {
          LOG.warn("journal {}: dropping a torn last entry at byte {} ({} bytes); it was never acknowledged",
              file, start, bytes.length - start);
          if (Protection.TORN_TAIL_REPAIR.isOn()) {
            truncate(file, start);
          }
          return out;
        }
        throw new StoreException("journal " + file + " line " + lineNo + " is corrupt and valid entries follow it; "
            + "refusing to start rather than lose them. Restore the file from a backup or move it aside to start "
            + "from the last snapshot.");
      }
      out.add(entry);
      start = end + 1;
    }
    return out;
  }

  /** Reads the complete, valid entries without repairing anything: safe while the writer appends. */
  public static List<JournalEntry> readQuietly(Path file) throws IOException {
    List<JournalEntry> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    byte[] bytes = Files.readAllBytes(file);
    int start = 0;
    while (start < bytes.length) {
      int end = indexOf(bytes, (byte) '\n', start);
      if (end < 0) {
        break;
      }
      JournalEntry e = decode(bytes, start, end);
      if (e != null) {
        out.add(e);
      }
      start = end + 1;
    }
    return out;
  }

  public void append(List<JournalEntry> entries) throws IOException {
    long before = channel.size();
    try {
      faults.beforeWrite("journal");
      StringBuilder text = new StringBuilder();
      for (JournalEntry e : entries) {
        text.append(encode(e));
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      faults.beforeSync("journal");
      if (fsync) {
        channel.force(false);
        faults.synced(file, before + bytes.length);
      }
    } catch (IOException | RuntimeException e) {
      try {
        channel.truncate(before);
        channel.position(before);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  public long size() throws IOException {
    return channel.size();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  static String encode(JournalEntry e) {
    String json = Json.write(e);
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    String hex = Long.toHexString(crc.getValue());
    return "00000000".substring(hex.length()) + hex + " " + json + "\n";
  }

  private static JournalEntry decode(byte[] bytes, int start, int end) {
    if (end - start < 10 || bytes[start + 8] != ' ') {
      return null;
    }
    try {
      long expected = Long.parseLong(new String(bytes, start, 8, StandardCharsets.US_ASCII), 16);
      CRC32 crc = new CRC32();
      crc.update(bytes, start + 9, end - start - 9);
      if (crc.getValue() != expected) {
        return null;
      }
      JournalEntry e = Json.MAPPER.readValue(bytes, start + 9, end - start - 9, JournalEntry.class);
      return isComplete(e) ? e : null;
    } catch (NumberFormatException | IOException e) {
      return null;
    }
  }

  /** A line whose checksum matches but that lacks what replay and reconnects read is corrupt, not an entry. */
  private static boolean isComplete(JournalEntry e) {
    return e != null && e.version() > 0 && e.actor() != null && e.command() != null && e.result() != null
        && e.mutations().stream().allMatch(java.util.Objects::nonNull)
        && e.recipients().stream().allMatch(r -> r != null && r.userId() != null
            && r.changesRef() >= 0 && r.changesRef() < e.changeSets().size());
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
      ch.force(true);
    }
  }
}
