package dev.scrying.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.LaunchPlan.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPlanTest {
  private static final Map<String, String> X11 = Map.of("DISPLAY", ":0");
  private static final Map<String, String> NONE = Map.of();

  @Test
  void noArgumentsOpensTheConsoleWhenThereIsADisplay() {
    LaunchPlan plan = LaunchPlan.of(new String[0], X11, null);
    assertThat(plan.mode()).isEqualTo(Mode.CONSOLE);
    assertThat(plan.serverArgs()).as("the fallback if the window cannot open").containsExactly("serve");
    assertThat(LaunchPlan.of(new String[0], Map.of("WAYLAND_DISPLAY", "wayland-0"), null).mode())
        .isEqualTo(Mode.CONSOLE);
  }

  @Test
  void noArgumentsServesHeadlessWithoutADisplay() {
    LaunchPlan plan = LaunchPlan.of(new String[0], NONE, null);
    assertThat(plan.mode()).isEqualTo(Mode.SERVE_NO_DISPLAY);
    assertThat(plan.serverArgs()).containsExactly("serve");
    assertThat(LaunchPlan.of(new String[0], Map.of("DISPLAY", " "), null).mode()).isEqualTo(Mode.SERVE_NO_DISPLAY);
  }

  @Test
  void awtHeadlessWinsOverADisplay() {
    assertThat(LaunchPlan.of(new String[0], X11, "true").mode()).isEqualTo(Mode.SERVE_NO_DISPLAY);
    assertThat(LaunchPlan.of(new String[0], X11, "false").mode()).isEqualTo(Mode.CONSOLE);
  }

  @Test
  void serveHandsEveryArgumentToTheServer() {
    LaunchPlan plan = LaunchPlan.of(new String[] {"serve", "--port", "0"}, X11, null);
    assertThat(plan.mode()).isEqualTo(Mode.SERVE);
    assertThat(plan.serverArgs()).containsExactly("serve", "--port", "0");
  }

  @Test
  void consoleIsForcedEvenWithoutADisplay() {
    assertThat(LaunchPlan.of(new String[] {"console"}, NONE, null).mode()).isEqualTo(Mode.CONSOLE_ONLY);
  }

  @Test
  void helpAndMistakes() {
    assertThat(LaunchPlan.of(new String[] {"--help"}, NONE, null).mode()).isEqualTo(Mode.HELP);
    assertThat(LaunchPlan.of(new String[] {"-h"}, NONE, null).mode()).isEqualTo(Mode.HELP);
    LaunchPlan typo = LaunchPlan.of(new String[] {"serv"}, NONE, null);
    assertThat(typo.mode()).isEqualTo(Mode.USAGE_ERROR);
    assertThat(typo.error()).contains("'serv'");
    assertThat(LaunchPlan.of(new String[] {"console", "--port", "1"}, X11, null).mode()).isEqualTo(Mode.USAGE_ERROR);
  }

  @Test
  void connectAttachesTheWindowToAnotherServer() {
    LaunchPlan plan = LaunchPlan.of(new String[] {"connect", "http://10.0.0.2:8765", "--token", "t0k"}, X11, null);
    assertThat(plan.mode()).isEqualTo(Mode.CONNECT);
    assertThat(plan.consoleArgs()).containsExactly("--connect", "http://10.0.0.2:8765", "--token", "t0k");
    assertThat(LaunchPlan.of(new String[] {"connect"}, X11, null).error()).contains("needs the server's address");
    assertThat(LaunchPlan.of(new String[] {"connect", "h:1", "--port"}, X11, null).mode()).isEqualTo(Mode.USAGE_ERROR);
  }

  @Test
  void benchPassesItsNumbersOn() {
    LaunchPlan plan = LaunchPlan.of(new String[] {"console-bench", "10", "2000"}, X11, null);
    assertThat(plan.mode()).isEqualTo(Mode.BENCH);
    assertThat(plan.consoleArgs()).containsExactly("10", "2000");
    assertThat(LaunchPlan.of(new String[] {"console-bench"}, X11, null).consoleArgs()).isEmpty();
    assertThat(LaunchPlan.of(new String[] {"console-bench", "ten"}, X11, null).error()).contains("positive numbers");
  }

  @Test
  void usageListsEveryCommand() {
    assertThat(ScryingMain.USAGE).contains("serve", "console", "connect URL", "console-bench", "--help");
  }
}
