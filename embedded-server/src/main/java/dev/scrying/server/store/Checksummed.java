package dev.scrying.server.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The journal's line format for a whole file: {@code <crc32 hex> <bytes>\n}. A snapshot is sealed this way
 * so that any damage (truncation, a flipped bit that still parses, bytes from elsewhere) is detected
 * before a byte of it is believed. Stateless.
 */
final class Checksummed {
  private Checksummed() {}

  static byte[] seal(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content);
    String hex = Long.toHexString(crc.getValue());
    byte[] head = ("00000000".substring(hex.length()) + hex + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(head, head.length + content.length + 1);
    System.arraycopy(content, 0, out, head.length, content.length);
    out[out.length - 1] = '\n';
    return out;
  }

  /** The sealed content; throws {@link IllegalArgumentException} saying why when the file is not intact. */
  static byte[] open(byte[] file) {
    if (file.length == 0) {
      throw new IllegalArgumentException("empty file");
    }
    if (file.length < 10 || file[8] != ' ') {
      throw new IllegalArgumentException("no checksum (written by an older version, or damaged)");
    }
    if (file[file.length - 1] != '\n') {
      throw new IllegalArgumentException("truncated (no final newline)");
    }
    long expected;
    try {
      expected = Long.parseLong(new String(file, 0, 8, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("no checksum (written by an older version, or damaged)");
    }
    CRC32 crc = new CRC32();
    crc.update(file, 9, file.length - 10);
    if (crc.getValue() != expected) {
      throw new IllegalArgumentException("checksum mismatch");
    }
    return Arrays.copyOfRange(file, 9, file.length - 1);
  }
}
