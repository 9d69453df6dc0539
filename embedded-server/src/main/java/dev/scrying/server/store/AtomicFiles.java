package dev.scrying.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Crash-safe whole-file writes: temp file, fsync, atomic rename, fsync of the folder. */
public final class AtomicFiles {
  /** Read once: a constant the JIT folds away; only a negative-control child JVM turns it off. */
  private static final boolean FSYNC = Protection.FSYNC.isOn();

  private AtomicFiles() {}

  public static void write(Path target, byte[] bytes, StorageFaults faults) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    faults.beforeWrite(target.getFileName().toString());
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      faults.beforeSync(target.getFileName().toString());
      if (FSYNC) {
        ch.force(true);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    // Until the folder is forced, a power loss may undo the rename and leave the previous content.
    if (syncDirectory(target.getParent())) {
      faults.replaced(target, bytes);
    }
  }

  /** Forces a folder's entries (new names, renames) to disk; false if that did not happen. */
  static boolean syncDirectory(Path dir) {
    if (!FSYNC) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
      return true;
    } catch (IOException ignored) {
      // Some file systems cannot fsync a directory; the rename is still atomic there.
      return false;
    }
  }
}
