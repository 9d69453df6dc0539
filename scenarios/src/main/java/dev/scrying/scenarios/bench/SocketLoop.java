package dev.scrying.scenarios.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One selector thread that reads many bench WebSockets and finishes the writes they could not finish at
 * once. A thousand sockets on two of these cost the bench a few wake-ups per burst of frames, where a
 * reader thread per socket cost one per frame, on the same two cores as the server it measures. Listeners
 * run on this thread and must not block; {@link #close} ends the thread and every socket on it.
 */
final class SocketLoop implements AutoCloseable {
  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
  private volatile boolean open = true;

  SocketLoop(String name) {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts reading {@code socket}; frames that came with its handshake are fed first. */
  void register(LeanWebSocket socket) {
    run(() -> {
      try {
        socket.attach(socket.channel().register(selector, SelectionKey.OP_READ, socket));
        socket.handshakeLeftovers();
      } catch (IOException e) {
        socket.failed(e);
      }
    });
  }

  /** Runs {@code task} on the loop thread (at once if called there). */
  void run(Runnable task) {
    if (Thread.currentThread() == thread) {
      task.run();
      return;
    }
    tasks.add(task);
    selector.wakeup();
  }

  private void run() {
    try {
      while (open) {
        selector.select();
        for (Runnable t; (t = tasks.poll()) != null; ) {
          t.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          LeanWebSocket socket = (LeanWebSocket) key.attachment();
          if (!key.isValid()) {
            continue;
          }
          if (key.isWritable()) {
            socket.writable();
          }
          if (key.isValid() && key.isReadable()) {
            socket.readable(readBuffer);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (open) {
        System.err.println("bench socket loop " + thread.getName() + " stopped: " + e);
      }
    } finally {
      for (SelectionKey key : selector.keys()) {
        ((LeanWebSocket) key.attachment()).failed(new IOException("bench socket loop closed"));
      }
    }
  }

  @Override
  public void close() {
    open = false;
    selector.wakeup();
    try {
      thread.join(5_000);
      selector.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // closing: nothing is left to tell
    }
  }
}
