package dev.scrying.scenarios.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A bench player's WebSocket: an RFC 6455 client on a non-blocking channel read by a {@link SocketLoop}.
 * {@link #send} may be called from any thread and writes at once, so an action leaves on the bench's
 * scheduler thread without waking another; the listener runs on the loop thread. Pings are answered,
 * a close is answered and ends the socket, and a broken frame or connection ends it with close 1002/1006.
 */
final class LeanWebSocket implements WsFrames.Sink {
  /** What a bench client hears; called on the socket's loop thread, so it must not block. */
  interface Listener {
    void onText(String text);

    /** The protocol's messages are JSON text; a binary one is the server's mistake and is only counted. */
    void onBinary(int bytes);

    /** Once, when the socket has ended for any reason; 1006 when no close frame was exchanged. */
    void onClosed(int code, String reason);
  }

  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private enum State { OPEN, CLOSING, CLOSED }

  private final SocketChannel channel;
  private final SocketLoop loop;
  private final Listener listener;
  private final WsFrames frames = new WsFrames();
  private final ArrayDeque<ByteBuffer> unwritten = new ArrayDeque<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private ByteBuffer afterHandshake;
  private SelectionKey key;
  private volatile State state = State.OPEN; // written under the lock, read by the loop without it

  private LeanWebSocket(SocketChannel channel, SocketLoop loop, Listener listener, ByteBuffer afterHandshake) {
    this.channel = channel;
    this.loop = loop;
    this.listener = listener;
    this.afterHandshake = afterHandshake;
  }

  /**
   * Connects and upgrades {@code ws://} {@code uri} on the calling thread (within {@code timeout}), then
   * hands the socket to {@code loop}. A refused upgrade throws with the server's status line.
   */
  static LeanWebSocket open(URI uri, SocketLoop loop, Listener listener, Duration timeout) throws IOException {
    if (!"ws".equals(uri.getScheme())) {
      throw new IllegalArgumentException("only ws:// is supported by the bench client: " + uri);
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    SocketChannel ch = SocketChannel.open();
    try {
      ch.socket().connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
      ch.socket().setTcpNoDelay(true);
      ch.socket().setSoTimeout((int) timeout.toMillis());
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String request = "GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
          + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
      ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) {
        ch.write(out);
      }
      ByteBuffer rest = upgrade(ch.socket().getInputStream(), key);
      ch.configureBlocking(false);
      LeanWebSocket socket = new LeanWebSocket(ch, loop, listener, rest);
      loop.register(socket);
      return socket;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Reads the upgrade response; returns the bytes after its blank line (the server's first frames). */
  private static ByteBuffer upgrade(InputStream in, String key) throws IOException {
    byte[] head = new byte[8192];
    int n = 0;
    int end;
    while ((end = headerEnd(head, n)) < 0) {
      if (n == head.length) {
        throw new ProtocolException("upgrade response headers over 8 KB");
      }
      int r = in.read(head, n, head.length - n);
      if (r < 0) {
        throw new ProtocolException("connection closed during the WebSocket upgrade");
      }
      n += r;
    }
    String[] lines = new String(head, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    if (!lines[0].matches("HTTP/1\\.1 101( .*)?")) {
      throw new ProtocolException("WebSocket upgrade refused: " + lines[0]);
    }
    String accept = null;
    boolean upgraded = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        if (name.equals("sec-websocket-accept")) {
          accept = value;
        } else if (name.equals("upgrade")) {
          upgraded = value.equalsIgnoreCase("websocket");
        }
      }
    }
    if (!upgraded || !expectedAccept(key).equals(accept)) {
      throw new ProtocolException("WebSocket upgrade answered without a valid Upgrade or Sec-WebSocket-Accept");
    }
    return ByteBuffer.wrap(head, end + 4, n - end - 4);
  }

  private static int headerEnd(byte[] b, int n) {
    for (int i = 3; i < n; i++) {
      if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
        return i - 3;
      }
    }
    return -1;
  }

  static String expectedAccept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** Sends one text message; from any thread. Dropped once the socket is closing. */
  void send(String text) {
    write(WsFrames.masked(WsFrames.TEXT, text.getBytes(StandardCharsets.UTF_8)), false);
  }

  /** Starts the closing handshake; {@link #closed()} completes when the server has answered or the socket ended. */
  void close(int code, String reason) {
    write(WsFrames.masked(WsFrames.CLOSE, WsFrames.closePayload(code, reason)), true);
  }

  /** Completes with the close code once the socket has ended. */
  CompletableFuture<Integer> closed() {
    return closed;
  }

  SocketChannel channel() {
    return channel;
  }

  void attach(SelectionKey key) {
    this.key = key;
  }

  private void write(ByteBuffer frame, boolean closing) {
    synchronized (this) {
      if (state != State.OPEN) {
        return;
      }
      if (closing) {
        state = State.CLOSING;
      }
      try {
        if (unwritten.isEmpty()) {
          channel.write(frame);
          if (!frame.hasRemaining()) {
            return;
          }
        }
        unwritten.add(frame);
        if (unwritten.size() == 1) {
          // The loop registered the key before it runs this, since it runs its tasks in order.
          loop.run(() -> key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE));
        }
        return;
      } catch (IOException e) {
        // Ended on the loop, outside the lock: the listener must not run while a sender holds it.
        loop.run(() -> failed(e));
      }
    }
  }

  /** On the loop thread: the socket can take more bytes. */
  void writable() {
    try {
      synchronized (this) {
        while (!unwritten.isEmpty()) {
          channel.write(unwritten.peek());
          if (unwritten.peek().hasRemaining()) {
            return;
          }
          unwritten.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  /** On the loop thread, once registered: the frames that arrived in the same read as the upgrade response. */
  void handshakeLeftovers() {
    ByteBuffer early = afterHandshake;
    afterHandshake = null;
    try {
      frames.feed(early, this);
    } catch (ProtocolException e) {
      broken(e);
    }
  }

  /** On the loop thread: reads until the channel has nothing more. */
  void readable(ByteBuffer buffer) {
    try {
      while (state != State.CLOSED) {
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
          ended(1006, "connection closed without a close frame");
          return;
        }
        buffer.flip();
        frames.feed(buffer, this);
        if (buffer.limit() < buffer.capacity()) {
          return;
        }
      }
    } catch (ProtocolException e) {
      broken(e);
    } catch (IOException e) {
      failed(e);
    }
  }

  private void broken(ProtocolException e) {
    write(WsFrames.masked(WsFrames.CLOSE, WsFrames.closePayload(1002, e.getMessage())), true);
    ended(1002, e.getMessage());
  }

  @Override
  public void text(String message) {
    listener.onText(message);
  }

  @Override
  public void control(int opcode, byte[] payload) {
    switch (opcode) {
      case WsFrames.PING -> write(WsFrames.masked(WsFrames.PONG, payload), false);
      case WsFrames.CLOSE -> {
        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        // Echo the server's close unless this side closed first; either way the exchange is done.
        write(WsFrames.masked(WsFrames.CLOSE, payload.length >= 2 ? WsFrames.closePayload(code, "") : new byte[0]), true);
        ended(code, reason);
      }
      case WsFrames.BINARY -> listener.onBinary(payload.length);
      default -> { } // a pong: this client sends no pings
    }
  }

  /** On the loop thread: the connection broke. */
  void failed(IOException e) {
    ended(1006, String.valueOf(e.getMessage()));
  }

  private void ended(int code, String reason) {
    synchronized (this) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // already ended; the close code below is what matters
    }
    listener.onClosed(code, reason);
    closed.complete(code);
  }
}
