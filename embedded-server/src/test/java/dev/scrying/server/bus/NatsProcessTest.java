package dev.scrying.server.bus;

import static dev.scrying.server.bus.NatsTesting.binaryOrSkip;
import static dev.scrying.server.bus.NatsTesting.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsProcessTest {
  @TempDir Path data;

  @Test
  void startsAcceptsClientsStopsAndRestartsOnTheSamePortLeavingNothingBehind() throws Exception {
    Path binary = binaryOrSkip();
    ProcessHandle first;
    ProcessHandle last;
    try (NatsProcess nats = NatsProcess.start(binary, data)) {
      assertThat(nats.isRunning()).isTrue();
      assertThat(nats.url()).isEqualTo("nats://127.0.0.1:" + nats.port());
      assertThat(nats.monitorUrl()).isEqualTo("http://127.0.0.1:" + nats.monitorPort());
      first = nats.processHandle().orElseThrow();

      try (Connection c = Nats.connect(nats.url())) {
        assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        assertThat(c.getServerInfo().isJetStreamAvailable()).isTrue();
      }
      assertThat(nats.logFile()).isEqualTo(data.resolve("nats").resolve("nats-server.log"));
      eventually().until(() -> Files.readString(nats.logFile()).contains("Server is ready"));
      assertThat(Files.readString(nats.configFile()))
          .contains("listen: \"127.0.0.1:" + nats.port() + "\"")
          .contains("http: \"127.0.0.1:" + nats.monitorPort() + "\"")
          .contains("store_dir: \"" + data.resolve("nats").resolve("jetstream").toAbsolutePath() + "\"");
      assertThat(new NatsMonitor(nats.monitorUrl()).healthy()).isTrue();

      int port = nats.port();
      nats.stop();
      assertThat(nats.isRunning()).isFalse();
      assertThat(first.isAlive()).isFalse();
      assertThat(new NatsMonitor(nats.monitorUrl()).healthy()).isFalse();
      assertThatThrownBy(() -> Nats.connect(nats.url()).close()).isInstanceOf(IOException.class);
      nats.stop(); // harmless when already stopped

      nats.start();
      assertThat(nats.port()).isEqualTo(port);
      ProcessHandle second = nats.processHandle().orElseThrow();
      assertThat(second.pid()).isNotEqualTo(first.pid());
      try (Connection c = Nats.connect("nats://127.0.0.1:" + port)) {
        assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
      }

      nats.restart();
      ProcessHandle third = nats.processHandle().orElseThrow();
      assertThat(second.isAlive()).isFalse();
      assertThat(third.isAlive()).isTrue();
      last = third;
    }
    assertThat(last.isAlive()).isFalse();
    assertThat(ProcessHandle.current().children().filter(h -> h.info().command().orElse("").endsWith("nats-server")))
        .isEmpty();
  }

  @Test
  void stoppedProcessCanBeCreatedFirstAndStartedLater() throws Exception {
    Path binary = binaryOrSkip();
    try (NatsProcess nats = NatsProcess.create(binary, data, 0, 0)) {
      assertThat(nats.isRunning()).isFalse();
      assertThatThrownBy(() -> Nats.connect(nats.url()).close()).isInstanceOf(IOException.class);
      nats.start();
      try (Connection c = Nats.connect(nats.url())) {
        assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
      }
    }
  }

  @Test
  void aSecondProcessOnTheSameDataFolderIsRefusedWhileTheFirstRuns() throws Exception {
    Path binary = binaryOrSkip();
    try (NatsProcess first = NatsProcess.start(binary, data);
         NatsProcess second = NatsProcess.create(binary, data, 0, 0)) {
      assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining("owns");
      assertThat(first.isRunning()).isTrue();
    }
  }

  @Test
  void anOrphanFromAKilledRunIsStoppedOnTheNextStart() throws Exception {
    Path binary = binaryOrSkip();
    long orphanPid;
    try (NatsProcess earlier = NatsProcess.create(binary, data, 0, 0)) {
      earlier.start();
      earlier.stop();
      // Launch the same config through a shell that exits at once, so the server's parent is gone,
      // as after kill -9 of the console.
      Process sh = new ProcessBuilder("sh", "-c",
          "'" + binary + "' -c '" + earlier.configFile() + "' >/dev/null 2>&1 & echo $!").start();
      orphanPid = Long.parseLong(new String(sh.getInputStream().readAllBytes()).trim());
      sh.waitFor();
    }
    ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();
    try {
      eventually().until(() -> Files.exists(data.resolve("nats").resolve("nats-server.pid"))
          && Files.readString(data.resolve("nats").resolve("nats-server.pid")).trim().equals(Long.toString(orphanPid)));
      try (NatsProcess next = NatsProcess.start(binary, data)) {
        assertThat(next.isRunning()).isTrue();
        eventually().until(() -> !orphan.isAlive());
      }
    } finally {
      orphan.destroyForcibly();
    }
  }

  @Test
  void exitDuringStartUpIsReportedWithTheLog() throws Exception {
    Path fake = data.resolve("fake-nats-server");
    Files.writeString(fake, "#!/bin/sh\necho 'nats: configuration is broken' >&2\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    try (NatsProcess nats = NatsProcess.create(fake, data, 0, 0)) {
      assertThatThrownBy(nats::start).isInstanceOf(IOException.class)
          .hasMessageContaining("exited with code 3")
          .hasMessageContaining("configuration is broken");
      assertThat(nats.isRunning()).isFalse();
    }
  }

  @Test
  void findBinaryPrefersTheConfiguredPathAndFallsBackWhenItIsUnusable() throws Exception {
    Path fake = data.resolve("my-nats-server");
    Files.writeString(fake, "#!/bin/sh\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    assertThat(NatsProcess.findBinary(Optional.of(fake))).contains(fake);

    Optional<Path> fallback = NatsProcess.findBinary(Optional.of(data.resolve("missing")));
    assertThat(fallback).isEqualTo(NatsProcess.findBinary(Optional.empty()));
    fallback.ifPresent(p -> assertThat(Files.isExecutable(p)).isTrue());
  }

  @Test
  void configQuotesPathsWithSpacesQuotesAndBackslashes() {
    assertThat(NatsProcess.quote(Path.of("/tmp/a b/c\"d")))
        .isEqualTo("\"/tmp/a b/c\\\"d\"");
  }
}
