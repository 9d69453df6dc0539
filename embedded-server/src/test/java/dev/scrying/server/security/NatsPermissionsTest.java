package dev.scrying.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.bus.BusStatus;
import dev.scrying.server.bus.NatsProcess;
import dev.scrying.server.http.TestClient;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G12 with real jnats connections to the managed nats-server: a player's credentials read its own
 * subject and nothing else (another player's, {@code world.updates.>}, {@code world.updates.user.*},
 * {@code >}, JetStream), publish nothing, and the server's own bus keeps working.
 */
class NatsPermissionsTest {
  @TempDir Path data;
  ScryingServer server;

  /** Server errors a client connection was sent (permission violations arrive here). */
  static final class Errors implements ErrorListener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void errorOccurred(Connection conn, String error) {
      seen.add(error);
    }
  }

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(NatsProcess.findBinary(Optional.empty()).isPresent(), "nats-server is not installed");
    server = ScryingServer.start(ServerConfig.local(data));
    await().atMost(Duration.ofSeconds(15)).until(() -> server.bus().status().state() == BusStatus.State.CONNECTED);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  String token(String user) {
    return server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1));
  }

  JsonNode credentials(String user) {
    TestClient.Reply r = TestClient.raw(server.baseUrl(), "POST", "/nats/credentials", "{}", token(user));
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return r.body();
  }

  static Connection connect(JsonNode creds, Errors errors) throws Exception {
    return Nats.connect(new Options.Builder().server(creds.path("url").asText())
        .userInfo(creds.path("user").asText(), creds.path("password").asText())
        .errorListener(errors).noReconnect().build());
  }

  void act(String user, String item) {
    TestClient c = new TestClient(server.baseUrl(), token(user));
    assertThat(c.act("collect_item", "instance_id", item).success()).isTrue();
  }

  @Test
  void aPlayerReadsOnlyItsOwnSubjectAndPublishesNothing() throws Exception {
    JsonNode alice = credentials("alice");
    assertThat(alice.path("subject").asText()).isEqualTo("world.updates.user.alice");
    assertThat(credentials("alice")).as("stable across calls").isEqualTo(alice);
    Errors errors = new Errors();
    try (Connection conn = connect(alice, errors);
         Connection operator = operator()) {
      Subscription own = conn.subscribe("world.updates.user.alice");
      List<Subscription> forbidden = List.of(conn.subscribe("world.updates.user.bob"), conn.subscribe("world.updates.>"),
          conn.subscribe("world.updates.user.*"), conn.subscribe(">"), conn.subscribe("$JS.API.>"));
      conn.flush(Duration.ofSeconds(2));
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(errors.seen)
          .filteredOn(e -> e.contains("Permissions Violation for Subscription")).hasSize(forbidden.size()));
      Subscription bobWatch = operator.subscribe("world.updates.user.bob");
      operator.flush(Duration.ofSeconds(2));

      act("bob", "bottle_joy");
      assertThat(bobWatch.nextMessage(Duration.ofSeconds(10))).as("the server published bob's event").isNotNull();
      act("alice", "bottle_energy");
      Message mine = own.nextMessage(Duration.ofSeconds(10));
      assertThat(mine).as("alice receives her own events").isNotNull();
      assertThat(Json.parse(mine.getData()).path("user_id").asText()).isEqualTo("alice");
      conn.flush(Duration.ofSeconds(2));
      for (Subscription s : forbidden) {
        assertThat(s.nextMessage(Duration.ofMillis(50))).as(s.getSubject()).isNull();
      }

      conn.publish("world.updates.user.bob", "{\"type\":\"world_update\",\"forged\":true}".getBytes());
      conn.publish("world.updates.user.alice", "forged".getBytes());
      conn.flush(Duration.ofSeconds(2));
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(errors.seen)
          .filteredOn(e -> e.contains("Permissions Violation for Publish")).hasSize(2));
      // Bob is alice's zone-mate, so his subject carries her collect too; none of it may be forged.
      for (Message m = bobWatch.nextMessage(Duration.ofMillis(200)); m != null; m = bobWatch.nextMessage(Duration.ofMillis(200))) {
        assertThat(new String(m.getData())).as("nothing forged reached bob's subject").doesNotContain("forged");
      }
      assertThatThrownBy(() -> conn.jetStreamManagement().getStreamNames()).as("no JetStream API").isNotNull();
      System.out.printf("RELIABILITY nats-permissions forbidden_subscriptions=%d violations=%d forbidden_publishes=2 "
          + "violations=%d leaked=0 own_events_received=1%n", forbidden.size(),
          errors.seen.stream().filter(e -> e.contains("Subscription")).count(),
          errors.seen.stream().filter(e -> e.contains("Publish")).count());
    }
    assertThat(server.bus().status().state()).as("the server's own user still works").isEqualTo(BusStatus.State.CONNECTED);
  }

  @Test
  void anAdminObservesEveryPlayerAndMayPublishOnlyProbes() throws Exception {
    String admin = server.tokens().issue("operator", Identity.Role.ADMIN, Duration.ofHours(1));
    TestClient.Reply r = TestClient.raw(server.baseUrl(), "POST", "/nats/credentials", "{}", admin);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    assertThat(r.body().path("subject").asText()).isEqualTo("world.updates.>");
    assertThat(r.body().path("probe_subjects").asText()).isEqualTo("scrying.probe.>");
    assertThat(credentials("alice").has("probe_subjects")).as("players get no probe subjects").isFalse();
    Errors errors = new Errors();
    try (Connection conn = connect(r.body(), errors)) {
      Subscription all = conn.subscribe("world.updates.>");
      Subscription probes = conn.subscribe("scrying.probe.latency");
      Subscription forbidden = conn.subscribe("$JS.API.>");
      conn.flush(Duration.ofSeconds(2));
      act("bob", "bottle_joy");
      Message seen = all.nextMessage(Duration.ofSeconds(10));
      assertThat(seen).as("the observer sees bob's stream").isNotNull();
      assertThat(seen.getSubject()).isEqualTo("world.updates.user.bob");

      conn.publish("scrying.probe.latency", "ping".getBytes());
      assertThat(probes.nextMessage(Duration.ofSeconds(5))).as("a probe goes round").isNotNull();
      conn.publish("world.updates.user.bob", "{\"forged\":true}".getBytes());
      conn.flush(Duration.ofSeconds(2));
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        assertThat(errors.seen).filteredOn(e -> e.contains("Permissions Violation for Publish")).hasSize(1);
        assertThat(errors.seen).filteredOn(e -> e.contains("Permissions Violation for Subscription")).hasSize(1);
      });
      for (Message m = all.nextMessage(Duration.ofMillis(200)); m != null; m = all.nextMessage(Duration.ofMillis(200))) {
        assertThat(new String(m.getData())).as("the observer cannot forge").doesNotContain("forged");
      }
      assertThat(forbidden.nextMessage(Duration.ofMillis(50))).isNull();
    }
  }

  @Test
  void strangersAndWrongPasswordsCannotConnect() throws Exception {
    JsonNode alice = credentials("alice");
    String url = alice.path("url").asText();
    assertThatThrownBy(() -> Nats.connect(new Options.Builder().server(url).noReconnect().build()))
        .hasMessageContaining("Authorization Violation");
    assertThatThrownBy(() -> Nats.connect(new Options.Builder().server(url).userInfo(alice.path("user").asText(), "guess")
        .noReconnect().build())).hasMessageContaining("Authorization Violation");
    Path users = data.resolve("nats").resolve("users.json");
    assertThat(Files.getPosixFilePermissions(users)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(data.resolve("nats").resolve("nats-server.conf")))
        .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
  }

  @Test
  void credentialsSurviveARestartOfTheServer() throws Exception {
    JsonNode alice = credentials("alice");
    server.close();
    server = ScryingServer.start(ServerConfig.local(data));
    await().atMost(Duration.ofSeconds(15)).until(() -> server.bus().status().state() == BusStatus.State.CONNECTED);
    JsonNode again = credentials("alice");
    assertThat(again.path("password")).isEqualTo(alice.path("password"));
    Errors errors = new Errors();
    try (Connection conn = connect(again, errors)) {
      Subscription own = conn.subscribe("world.updates.user.alice");
      conn.flush(Duration.ofSeconds(2));
      act("alice", "bottle_joy");
      assertThat(own.nextMessage(Duration.ofSeconds(10))).isNotNull();
      assertThat(errors.seen).isEmpty();
    }
  }

  @Test
  void withoutAManagedServerThereAreNoCredentialsToGive() throws Exception {
    server.close();
    server = ScryingServer.start(ServerConfig.local(data.resolve("off")).withNats(NatsConfig.off()));
    TestClient.Reply r = TestClient.raw(server.baseUrl(), "POST", "/nats/credentials", "{}", token("alice"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorCode()).isEqualTo("nats_not_managed");
    assertThat(TestClient.raw(server.baseUrl(), "POST", "/nats/credentials", "{}", null).status()).isEqualTo(401);
  }

  private Connection operator() throws Exception {
    var p = server.bus().process().orElseThrow();
    var creds = p.permissions().orElseThrow().server();
    return Nats.connect(new Options.Builder().server(p.url()).userInfo(creds.user(), creds.password()).noReconnect().build());
  }
}
