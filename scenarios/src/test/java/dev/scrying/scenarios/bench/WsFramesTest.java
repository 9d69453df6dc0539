package dev.scrying.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WsFramesTest {
  /** What a sink heard, in order: "text:…" or "control:<opcode>:<payload>". */
  private final List<String> heard = new ArrayList<>();
  private final WsFrames.Sink sink = new WsFrames.Sink() {
    @Override
    public void text(String message) {
      heard.add("text:" + message);
    }

    @Override
    public void control(int opcode, byte[] payload) {
      heard.add("control:" + opcode + ":" + new String(payload, StandardCharsets.UTF_8));
    }
  };

  /** An unmasked frame, as a server sends it. */
  private static byte[] serverFrame(boolean fin, int opcode, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    int n = payload.length;
    if (n < 126) {
      out.write(n);
    } else if (n <= 0xFFFF) {
      out.write(126);
      out.write(n >> 8);
      out.write(n);
    } else {
      out.write(127);
      out.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void aMessageSplitAtEveryByteBoundaryArrivesWhole() throws Exception {
    byte[] two = concat(serverFrame(true, WsFrames.TEXT, text("{\"type\":\"pong\"}")),
        serverFrame(true, WsFrames.TEXT, text("snow ❄ flake")));
    for (int cut = 0; cut <= two.length; cut++) {
      heard.clear();
      WsFrames frames = new WsFrames();
      frames.feed(ByteBuffer.wrap(two, 0, cut), sink);
      frames.feed(ByteBuffer.wrap(two, cut, two.length - cut), sink);
      assertThat(heard).as("cut at %d", cut).containsExactly("text:{\"type\":\"pong\"}", "text:snow ❄ flake");
    }
    heard.clear();
    WsFrames oneByOne = new WsFrames();
    for (byte b : two) {
      oneByOne.feed(ByteBuffer.wrap(new byte[] {b}), sink);
    }
    assertThat(heard).containsExactly("text:{\"type\":\"pong\"}", "text:snow ❄ flake");
  }

  @Test
  void sixteenAndSixtyFourBitLengthsAreRead() throws Exception {
    String medium = "m".repeat(300);
    String large = "L".repeat(70_000);
    new WsFrames().feed(ByteBuffer.wrap(concat(serverFrame(true, WsFrames.TEXT, text(medium)),
        serverFrame(true, WsFrames.TEXT, text(large)))), sink);
    assertThat(heard).containsExactly("text:" + medium, "text:" + large);
  }

  @Test
  void fragmentsAreJoinedAndAControlFrameBetweenThemIsHandedOnFirst() throws Exception {
    byte[] wire = concat(serverFrame(false, WsFrames.TEXT, text("wor")), serverFrame(true, WsFrames.PING, text("hb")),
        serverFrame(false, WsFrames.CONTINUATION, text("ld_up")), serverFrame(true, WsFrames.CONTINUATION, text("date")));
    new WsFrames().feed(ByteBuffer.wrap(wire), sink);
    assertThat(heard).containsExactly("control:9:hb", "text:world_update");
  }

  @Test
  void framesThatBreakTheProtocolAreRefused() {
    byte[] masked = WsFrames.masked(WsFrames.TEXT, text("hi")).array();
    assertThatThrownBy(() -> new WsFrames().feed(ByteBuffer.wrap(masked), sink))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("masked");
    assertThatThrownBy(() -> new WsFrames().feed(ByteBuffer.wrap(serverFrame(true, WsFrames.CONTINUATION, text("x"))), sink))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("continuation");
    assertThatThrownBy(() -> new WsFrames().feed(ByteBuffer.wrap(serverFrame(true, WsFrames.TEXT, new byte[] {(byte) 0xC3})), sink))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> new WsFrames().feed(ByteBuffer.wrap(serverFrame(false, WsFrames.PING, text("p"))), sink))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("control frame");
    assertThat(heard).isEmpty();
  }

  @Test
  void clientFramesAreMaskedAndCarryTheirLength() {
    for (int n : new int[] {0, 125, 126, 65_535, 65_536}) {
      byte[] payload = "p".repeat(n).getBytes(StandardCharsets.US_ASCII);
      ByteBuffer f = WsFrames.masked(WsFrames.TEXT, payload);
      assertThat(f.get(0) & 0xFF).isEqualTo(0x80 | WsFrames.TEXT);
      assertThat(f.get(1) & 0x80).as("mask bit").isEqualTo(0x80);
      int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
      long length = n < 126 ? f.get(1) & 0x7F : n <= 0xFFFF ? f.getShort(2) & 0xFFFF : f.getLong(2);
      assertThat(length).isEqualTo(n);
      assertThat(f.remaining()).isEqualTo(header + 4 + n);
      byte[] unmasked = new byte[n];
      for (int i = 0; i < n; i++) {
        unmasked[i] = (byte) (f.get(header + 4 + i) ^ f.get(header + (i & 3)));
      }
      assertThat(unmasked).isEqualTo(payload);
    }
    byte[] close = WsFrames.closePayload(1000, "bench done");
    assertThat(((close[0] & 0xFF) << 8) | (close[1] & 0xFF)).isEqualTo(1000);
    assertThat(new String(close, 2, close.length - 2, StandardCharsets.UTF_8)).isEqualTo("bench done");
  }

  @Test
  void theAcceptKeyIsTheOneFromTheRfc() {
    // RFC 6455, section 1.3.
    assertThat(LeanWebSocket.expectedAccept("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }
}
