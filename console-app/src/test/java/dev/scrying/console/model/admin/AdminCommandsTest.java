package dev.scrying.console.model.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.FakeSession;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiLoop;
import org.junit.jupiter.api.Test;

class AdminCommandsTest {
  private final UiLoop ui = new UiLoop();
  private final FakeSession session = new FakeSession();
  private final Notices notices = new Notices(ui.dispatch());
  private final AdminCommands admin = new AdminCommands(ui.dispatch(), notices);

  @Test
  void readingCommandsNeedNoConfirmationAnythingElseDoes() {
    assertThat(AdminCommands.needsConfirmation("@examine item bottle_joy")).isFalse();
    assertThat(AdminCommands.needsConfirmation("  @WHERE alice")).isFalse();
    assertThat(AdminCommands.needsConfirmation("@edit item bottle_joy visible false")).isTrue();
    assertThat(AdminCommands.needsConfirmation("@reset experience")).isTrue();
  }

  @Test
  void runsOnTheServerAndReportsTheAnswer() {
    admin.attach(session);
    var reply = admin.run("@edit item bottle_joy visible false");
    ui.until(reply::isDone);
    assertThat(session.calls).containsExactly("command @edit item bottle_joy visible false");
    assertThat(admin.lastAnswer().get()).isEqualTo("ok");
  }

  @Test
  void notACommandIsExplained() {
    admin.attach(session);
    admin.run("take the bottle");
    ui.until(() -> !notices.recent().isEmpty());
    assertThat(notices.recent().get(0).title()).isEqualTo("'take the bottle' is not an admin command.");
    assertThat(session.calls).isEmpty();
  }
}
