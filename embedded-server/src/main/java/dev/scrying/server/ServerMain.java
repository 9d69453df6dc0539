package dev.scrying.server;

import dev.scrying.server.auth.Identity;
import dev.scrying.server.store.StorageFaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: runs the server headless until interrupted, printing its URLs. Options:
 * {@code --port N} (default 8765, 0 = any free port), {@code --host H} (default 127.0.0.1; 0.0.0.0 for the
 * LAN), {@code --data DIR}, {@code --content DIR}, {@code --no-dev} (no dev tokens), {@code --nats URL}
 * (an external server or cluster), {@code --no-nats} (in-process delivery), {@code --nats-server PATH},
 * {@code --no-nats-mirror} (no JetStream copy of the world updates; see {@link NatsConfig}).
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    serve(parse(args), StorageFaults.NONE);
  }

  /** Runs until the JVM is told to stop; a test main passes its own {@link StorageFaults} to observe the disk. */
  static void serve(ServerConfig config, StorageFaults faults) throws Exception {
    ScryingServer server = ScryingServer.start(config, Clock.systemUTC(), faults);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "shutdown"));
    printBanner(server);
    stopped.await();
  }

  static void printBanner(ScryingServer server) throws IOException {
    System.out.println("Scrying server listening on " + server.baseUrl());
    System.out.println("  health:    " + server.baseUrl() + "/health");
    System.out.println("  interact:  POST " + server.baseUrl() + "/experience/interact");
    System.out.println("  websocket: " + server.baseUrl().replace("http", "ws") + "/ws/experience?token=...&experience=wylding-woods");
    System.out.println("  data:      " + server.config().dataDir());
    System.out.println("  nats:      " + server.bus().status().summary());
    if (server.config().devMode()) {
      Path tokenFile = server.config().dataDir().resolve("admin.token");
      Files.writeString(tokenFile, server.tokens().issue("operator", Identity.Role.ADMIN, Duration.ofDays(7)));
      System.out.println("  dev tokens: POST " + server.baseUrl() + "/dev/token {\"user_id\":\"alice\"}");
      System.out.println("  admin token written to " + tokenFile);
    }
    System.out.println("READY " + server.port());
    System.out.flush();
  }

  static ServerConfig parse(String[] args) {
    ServerConfig c = new ServerConfig("127.0.0.1", 8765, ServerConfig.defaultDataDir(), null, true, null);
    boolean mirror = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "serve" -> { }
        case "--port" -> c = c.withPort(Integer.parseInt(value(args, ++i, a)));
        case "--host" -> c = c.withHost(value(args, ++i, a));
        case "--data" -> c = c.withDataDir(Path.of(value(args, ++i, a)));
        case "--content" -> c = c.withContentDir(Path.of(value(args, ++i, a)));
        case "--no-dev" -> c = c.withDevMode(false);
        case "--nats" -> c = c.withNats(NatsConfig.external(value(args, ++i, a)));
        case "--no-nats" -> c = c.withNats(NatsConfig.off());
        case "--nats-server" -> c = c.withNats(NatsConfig.managed(Path.of(value(args, ++i, a))));
        case "--no-nats-mirror" -> mirror = false;
        default -> throw new IllegalArgumentException("unknown option '" + a
            + "'; options: --port --host --data --content --no-dev --nats URL --no-nats --nats-server PATH --no-nats-mirror");
      }
    }
    if (!mirror) {
      c = c.withNats(c.nats().withoutMirror());
    }
    return c;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
