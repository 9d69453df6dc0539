package dev.scrying.console;

import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.players.PlayerCard;
import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.scenarios.client.ConnectionState;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The launcher's training run for the class-data-sharing archive that makes the console start fast:
 * runs what a console start runs (embedded server, managed NATS, the view models, two simulated
 * players) without a window, in a throw-away data folder, then loads the window's classes (JavaFX,
 * AtlantaFX, Ikonli, the console's views) without initialising them. The JVM records every class
 * loaded ({@code -XX:DumpLoadedClassList}); nothing here touches the operator's data. Exits 0 on
 * success, 1 when the run did not finish (the launcher then simply starts without an archive).
 */
public final class StartupTraining {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> WINDOW_JARS = List.of("javafx-base", "javafx-graphics", "javafx-controls",
      "atlantafx", "ikonli", "console-app");

  private StartupTraining() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("scrying-training");
    ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "training-ui"));
    int exit = 1;
    try {
      exit = consoleStart(data, new UiDispatch(uiThread)) ? 0 : 1;
      loadWindowClasses();
    } finally {
      uiThread.shutdownNow();
      deleteTree(data);
    }
    System.exit(exit);
  }

  private static boolean consoleStart(Path data, UiDispatch ui) throws InterruptedException {
    MainViewModel model = new MainViewModel(
        () -> new EmbeddedSession(ScryingServer.start(ServerConfig.local(data))), ui, Duration.ofMillis(200),
        ConsoleApp.STARTING_PLAYERS);
    CountDownLatch connected = new CountDownLatch(1);
    ui.post(() -> model.players().cards().observe(cards -> {
      if (allOpen(cards)) {
        connected.countDown();
      }
    }));
    try {
      model.start();
      return connected.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      model.close();
    }
  }

  private static boolean allOpen(List<PlayerCard> cards) {
    return cards.size() == ConsoleApp.STARTING_PLAYERS.size()
        && cards.stream().allMatch(c -> c.connection() == ConnectionState.OPEN);
  }

  /** Loads, without initialising, every class of the jars the window draws with. */
  private static void loadWindowClasses() {
    ClassLoader loader = StartupTraining.class.getClassLoader();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (!name.endsWith(".jar") || WINDOW_JARS.stream().noneMatch(name::startsWith)) {
        continue;
      }
      try (JarFile file = new JarFile(jar.toFile())) {
        file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class") && !n.contains("module-info"))
            .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
            .forEach(c -> load(c, loader));
      } catch (IOException e) {
        System.err.println("training: cannot read " + jar + ": " + e.getMessage());
      }
    }
  }

  private static void load(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError ignored) {
      // Platform-specific or optional classes (other toolkits, missing optional libraries) stay out.
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
