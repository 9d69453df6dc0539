package dev.scrying.console;

import dev.scrying.server.ServerMain;
import java.io.PrintStream;
import javafx.application.Application;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The single entry point ({@code ./scrying}). Not a JavaFX {@code Application} subclass, so it runs
 * from a plain class path and can choose between the console window and the headless server. Exit
 * codes: 0 done, 1 the server failed, 2 bad arguments.
 */
public final class ScryingMain {
  static final String USAGE = """
      Usage: scrying [COMMAND]

      Scrying: the operator console and embedded game server for Wylding Woods.

      Commands:
        (none)     Open the console with the embedded server. Without a display
                   (no DISPLAY or WAYLAND_DISPLAY), or if the window cannot open,
                   run the server headless instead.
        console    Open the console with the embedded server (needs a display).
        connect URL [--token TOKEN]
                   Open the console attached to a Scrying server elsewhere, e.g.
                   the one serving iPads: scrying connect http://192.168.1.20:8765.
                   Needs an admin token unless that server runs in dev mode
                   (--token, or SCRYING_ADMIN_TOKEN; serve writes one to
                   <data>/admin.token).
        serve      Run the server headless until Ctrl+C. Options:
                     --port N       port (default 8765; 0 = any free port)
                     --host H       address to bind (default 127.0.0.1; 0.0.0.0 for the LAN)
                     --data DIR     state folder (default ~/.scrying/data)
                     --content DIR  folder of experiences (default: bundled Wylding Woods)
                     --no-dev       disable POST /dev/token
        console-bench [SECONDS] [EVENTS_PER_SECOND]
                   Flood the console's live stream (default 60 s at 5000/s) and
                   report FX pulse gaps, delivered events/s and heap.
        run FILE... [--report DIR] [--url URL]
                   Run scenario files headless (see docs/SCENARIOS.md; via ./scrying).
        bench [--knee] [--smoke] [--url URL]
                   Latency and scale benchmark of the server (see bench/README.md; via ./scrying).
        test       Run every module's tests (handled by the ./scrying wrapper: mvn verify).
        --help     Show this help.
      """;

  private ScryingMain() {}

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    LaunchPlan plan = LaunchPlan.of(args, System.getenv(), System.getProperty("java.awt.headless"));
    switch (plan.mode()) {
      case CONSOLE -> {
        String failure = openConsole(plan.consoleArgs());
        if (failure != null) {
          System.out.println("Could not open the console window (" + failure + "): running the server headless.");
          serve(plan);
        }
      }
      case CONSOLE_ONLY, CONNECT -> {
        String failure = openConsole(plan.consoleArgs());
        if (failure != null) {
          exit(1, System.err, "scrying: could not open the console window: " + failure);
        }
      }
      case BENCH -> bench(plan);
      case SERVE -> serve(plan);
      case SERVE_NO_DISPLAY -> {
        System.out.println("No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the server"
            + " headless. Use 'scrying console' on a machine with a display for the window.");
        serve(plan);
      }
      case HELP -> System.out.print(USAGE);
      case USAGE_ERROR -> exit(2, System.err, "scrying: " + plan.error() + "\n\n" + USAGE);
    }
  }

  /** Runs the console until its window closes; returns why it could not open, or null. */
  private static String openConsole(java.util.List<String> args) {
    EarlyStart early = EarlyStart.begin(args);
    ConsoleApp.early = early;
    try {
      Application.launch(ConsoleApp.class, args.toArray(String[]::new));
      return null;
    } catch (RuntimeException e) {
      early.abandon();
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? root.toString() : root.getMessage();
      // JavaFX 21 on Linux needs GTK 3, which minimal Debian installs lack.
      return why.contains("GTK") ? why + " Install it with: apt-get install libgtk-3-0" : why;
    }
  }

  private static void bench(LaunchPlan plan) {
    try {
      dev.scrying.console.bench.ConsoleBench.main(plan.consoleArgs().toArray(String[]::new));
    } catch (RuntimeException e) {
      exit(1, System.err, "scrying console-bench: could not open the window (" + rootMessage(e) + "). It needs a display;"
          + " without one run it under Xvfb: Xvfb :99 -screen 0 1600x1000x24 & DISPLAY=:99 ./scrying console-bench");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  private static void serve(LaunchPlan plan) {
    try {
      ServerMain.main(plan.serverArgs().toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      exit(2, System.err, "scrying serve: " + e.getMessage());
    } catch (Exception e) {
      exit(1, System.err, "scrying serve: the server could not start: " + e);
    }
  }

  private static void exit(int code, PrintStream out, String message) {
    out.println(message);
    System.exit(code);
  }
}
