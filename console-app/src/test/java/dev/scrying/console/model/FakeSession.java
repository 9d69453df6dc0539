package dev.scrying.console.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A server session whose version the test moves by hand; counts polls and world reads. */
final class FakeSession implements ServerSession {
  volatile long version = 3;
  final AtomicInteger versionCalls = new AtomicInteger();
  final AtomicInteger worldReads = new AtomicInteger();
  final AtomicInteger failNextReads = new AtomicInteger();
  final AtomicBoolean closed = new AtomicBoolean();
  final AtomicInteger closeCount = new AtomicInteger();

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:8765";
  }

  @Override
  public String experienceId() {
    return "wylding-woods";
  }

  @Override
  public String dataDir() {
    return "/tmp/scrying-data";
  }

  @Override
  public long version() {
    versionCalls.incrementAndGet();
    return version;
  }

  @Override
  public CompletableFuture<WorldSnapshot> world() {
    worldReads.incrementAndGet();
    long v = version;
    if (failNextReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return CompletableFuture.failedFuture(new IllegalStateException("engine busy"));
    }
    return CompletableFuture.supplyAsync(() -> new WorldSnapshot(v, "{\"version\": " + v + "}"));
  }

  @Override
  public void close() {
    closed.set(true);
    closeCount.incrementAndGet();
  }
}
