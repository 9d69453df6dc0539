package dev.scrying.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records, in the server's child JVM, what each completed fsync made durable: one line per event
 * ({@code synced <length> <file>}, {@code created <file>}, {@code replaced <copy> <file>}, the replaced
 * content kept in a numbered copy beside the log). {@link PowerLoss} reads it after the SIGKILL. Called from
 * the writer and snapshot threads, so every method is synchronized.
 */
public final class SyncLog implements StorageFaults {
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
