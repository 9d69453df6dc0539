package dev.scrying.scenarios.bench;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client side of RFC 6455 framing: frames out are masked, frames in must not be, and a fragmented
 * message is joined before it is handed on. One instance per connection, used only by the thread that
 * reads it; a frame that breaks the protocol throws {@link ProtocolException} and the connection ends.
 */
final class WsFrames {
  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;
  /** Far above any frame the server sends (a full area_of_interest is a few kilobytes). */
  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** Receives whole messages in arrival order. */
  interface Sink {
    void text(String message);

    /** A ping, pong or close frame, which may arrive between the fragments of a message. */
    void control(int opcode, byte[] payload);
  }

  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buf = new byte[4096];
  private int start;
  private int end;
  private byte[] message;
  private int messageLength;
  private int messageOpcode = -1;

  /** One masked frame with FIN set, ready to write. */
  static ByteBuffer masked(int opcode, byte[] payload) {
    int n = payload.length;
    int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
    ByteBuffer out = ByteBuffer.allocate(header + 4 + n);
    out.put((byte) (0x80 | opcode));
    if (n < 126) {
      out.put((byte) (0x80 | n));
    } else if (n <= 0xFFFF) {
      out.put((byte) (0x80 | 126)).putShort((short) n);
    } else {
      out.put((byte) (0x80 | 127)).putLong(n);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    out.put(mask);
    for (int i = 0; i < n; i++) {
      out.put((byte) (payload[i] ^ mask[i & 3]));
    }
    return out.flip();
  }

  /** A close frame's payload: the status code, then the reason as UTF-8 (cut to fit a control frame). */
  static byte[] closePayload(int code, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[2 + Math.min(text.length, 123)];
    out[0] = (byte) (code >> 8);
    out[1] = (byte) code;
    System.arraycopy(text, 0, out, 2, out.length - 2);
    return out;
  }

  /** Consumes everything readable in {@code in}; whole messages go to {@code sink}, a partial frame waits for more. */
  void feed(ByteBuffer in, Sink sink) throws ProtocolException {
    append(in);
    while (true) {
      int available = end - start;
      if (available < 2) {
        break;
      }
      int b0 = buf[start] & 0xFF;
      int b1 = buf[start + 1] & 0xFF;
      if ((b1 & 0x80) != 0) {
        throw new ProtocolException("the server masked a frame");
      }
      if ((b0 & 0x70) != 0) {
        throw new ProtocolException("reserved bits set without an extension");
      }
      int len7 = b1 & 0x7F;
      int header = len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
      if (available < header) {
        break;
      }
      long length = len7 == 126 ? ((buf[start + 2] & 0xFF) << 8) | (buf[start + 3] & 0xFF)
          : len7 == 127 ? ByteBuffer.wrap(buf, start + 2, 8).getLong() : len7;
      if (length < 0 || length > MAX_MESSAGE_BYTES) {
        throw new ProtocolException("frame of " + length + " bytes is over the limit");
      }
      if (available < header + length) {
        break;
      }
      frame((b0 & 0x80) != 0, b0 & 0x0F, start + header, (int) length, sink);
      start += header + (int) length;
    }
    if (start == end) {
      start = 0;
      end = 0;
    }
  }

  private void append(ByteBuffer in) {
    int n = in.remaining();
    if (end + n > buf.length) {
      // Slide the partial frame to the front first; grow only if it still does not fit.
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
      if (end + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + n));
      }
    }
    in.get(buf, end, n);
    end += n;
  }

  private void frame(boolean fin, int opcode, int offset, int length, Sink sink) throws ProtocolException {
    if (opcode >= CLOSE) {
      if (!fin || length > 125) {
        throw new ProtocolException("control frame fragmented or over 125 bytes");
      }
      if (opcode != CLOSE && opcode != PING && opcode != PONG) {
        throw new ProtocolException("unknown control opcode " + opcode);
      }
      sink.control(opcode, Arrays.copyOfRange(buf, offset, offset + length));
      return;
    }
    if (opcode == CONTINUATION) {
      if (messageOpcode < 0) {
        throw new ProtocolException("continuation frame without a message to continue");
      }
    } else if (opcode == TEXT || opcode == BINARY) {
      if (messageOpcode >= 0) {
        throw new ProtocolException("new message before the last one's final fragment");
      }
      if (fin) {
        deliver(opcode, buf, offset, length, sink);
        return;
      }
      messageOpcode = opcode;
      messageLength = 0;
    } else {
      throw new ProtocolException("unknown data opcode " + opcode);
    }
    if (messageLength + length > MAX_MESSAGE_BYTES) {
      throw new ProtocolException("fragmented message over the limit");
    }
    if (message == null || message.length < messageLength + length) {
      message = Arrays.copyOf(message == null ? new byte[0] : message, Math.max(4096, 2 * (messageLength + length)));
    }
    System.arraycopy(buf, offset, message, messageLength, length);
    messageLength += length;
    if (fin) {
      int whole = messageOpcode;
      messageOpcode = -1;
      deliver(whole, message, 0, messageLength, sink);
    }
  }

  private void deliver(int opcode, byte[] bytes, int offset, int length, Sink sink) throws ProtocolException {
    if (opcode == BINARY) {
      sink.control(BINARY, Arrays.copyOfRange(bytes, offset, offset + length));
      return;
    }
    try {
      CharBuffer text = utf8.reset().decode(ByteBuffer.wrap(bytes, offset, length));
      sink.text(text.toString());
    } catch (CharacterCodingException e) {
      throw new ProtocolException("text message is not valid UTF-8");
    }
  }
}
