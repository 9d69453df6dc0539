package dev.scrying.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * Records, in the server's child JVM, what each completed fsync made durable: one line per event
 * ({@code synced <length> <file>}, {@code created <file>}, {@code replaced <copy> <file>}, the replaced
 * content kept in a numbered copy beside the log), and holds each journal batch a moment between its write
 * and its fsync so kills land there. {@link PowerLoss} reads the log after the SIGKILL. Called from the
 * writer and snapshot threads; the recording methods are synchronized.
 */
public final class SyncLog implements StorageFaults {
  /**
   * How long each journal batch waits between its write and its fsync. Without it the window is a few
   * microseconds and most kills land elsewhere; with it most power losses find unsynced bytes to drop.
   */
  private static final long JOURNAL_SYNC_DELAY_NANOS = 10_000_000;
  private final FileChannel log;
  private final Path copies;
  private int copied;

  public SyncLog(Path file) throws IOException {
    this.log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    this.copies = copiesOf(file);
    Files.createDirectories(copies);
  }

  static Path copiesOf(Path log) {
    return log.resolveSibling(log.getFileName() + ".d");
  }

  @Override
  public void beforeSync(String what) {
    if (what.equals("journal")) {
      LockSupport.parkNanos(JOURNAL_SYNC_DELAY_NANOS);
    }
  }

  @Override
  public synchronized void synced(Path file, long length) {
    line("synced " + length + " " + file.toAbsolutePath());
  }

  @Override
  public synchronized void created(Path file) {
    line("created " + file.toAbsolutePath());
  }

  @Override
  public synchronized void replaced(Path target, byte[] bytes) {
    String copy = Integer.toString(copied++);
    try {
      // The copy is complete before the line that names it, so a kill between the two leaves an unused copy.
      Files.write(copies.resolve(copy), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    line("replaced " + copy + " " + target.toAbsolutePath());
  }

  /**
   * One write per line and no fsync: only the process dies in the test, so whatever reached the page cache
   * is there for the reader; forcing the log would only slow the server down.
   */
  private void line(String text) {
    ByteBuffer buf = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (buf.hasRemaining()) {
        log.write(buf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
