package dev.scrying.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client on a plain socket with a small receive buffer, that reads only when told to: the
 * slow consumer. Frames are parsed by hand (RFC 6455: unmasked from the server, masked to it). Used
 * from one test thread.
 */
public final class RawWebSocket implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private volatile int closeCode = -1;

  public RawWebSocket(int port, String token) throws IOException {
    socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(30_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    out.write(("GET /ws/experience?experience=wylding-woods&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
        + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String head = readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("no WebSocket upgrade: " + head.lines().findFirst().orElse(""));
    }
  }

  /** The next text message as JSON, or null once the server closed. Skips pings and pongs. */
  public JsonNode next() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      long len = b1 & 0x7f;
      if (len == 126) {
        len = in.readUnsignedShort();
      } else if (len == 127) {
        len = in.readLong();
      }
      byte[] payload = new byte[Math.toIntExact(len)];
      in.readFully(payload);
      int opcode = b0 & 0x0f;
      if (opcode == 8) {
        closeCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        return null;
      }
      if (opcode == 9 || opcode == 10) {
        continue;
      }
      message.write(payload);
      if ((b0 & 0x80) != 0) {
        return Json.parse(message.toString(StandardCharsets.UTF_8));
      }
    }
  }

  /** The code of the server's close frame, or -1 before one arrived. */
  public int closeCode() {
    return closeCode;
  }

  public void send(String text) throws IOException {
    sendText(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A text frame with exactly these bytes, valid UTF-8 or not. */
  public void sendText(byte[] payload) throws IOException {
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    }
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  private String readHead() throws IOException {
    StringBuilder b = new StringBuilder();
    while (!b.toString().endsWith("\r\n\r\n")) {
      b.append((char) in.readUnsignedByte());
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
