package dev.scrying.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.scrying.console.ui.FxDispatch;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering rules the compiler cannot see: JavaFX stays in the console, and inside it out of the models. */
class ArchitectureTest {
  private static JavaClasses all;

  @BeforeAll
  static void importClasses() {
    // Everything under dev.scrying on the test class path: this module plus the experiences,
    // embedded-server and scenarios jars (or target/classes in a reactor build).
    all = new ClassFileImporter().importPackages("dev.scrying");
  }

  @Test
  void importSeesEveryModule() {
    // Guards against a vacuous pass if the class path ever stops carrying the other modules.
    assertThat(all.contain("dev.scrying.server.ScryingServer")).isTrue();
    assertThat(all.contain("dev.scrying.experiences.Json")).isTrue();
    assertThat(all.contain("dev.scrying.console.ScryingMain")).isTrue();
  }

  @Test
  void javafxOnlyInsideTheConsole() {
    noClasses().that().resideOutsideOfPackage("dev.scrying.console..")
        .should().dependOnClassesThat().resideInAPackage("javafx..")
        .because("only console-app may use JavaFX; the server and scenarios run headless")
        .check(all);
  }

  @Test
  void viewModelsAreToolkitFree() {
    noClasses().that().resideInAPackage("dev.scrying.console.model..")
        .should().dependOnClassesThat().resideInAPackage("javafx..")
        .because("view models are plain Java, unit-tested without the FX toolkit")
        .check(all);
  }

  @Test
  void sessionsAreToolkitFree() {
    noClasses().that().resideInAPackage("dev.scrying.console.session..")
        .should().dependOnClassesThat().resideInAPackage("javafx..")
        .because("server sessions run on network threads and are tested without the FX toolkit")
        .check(all);
  }

  @Test
  void onlyFxDispatchCallsRunLater() {
    JavaClasses main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.scrying");
    noClasses().that().doNotHaveFullyQualifiedName(FxDispatch.class.getName())
        .should().callMethod(Platform.class, "runLater", Runnable.class)
        .because("background updates reach the UI through the one coalescing UiDispatch")
        .check(main);
  }
}
