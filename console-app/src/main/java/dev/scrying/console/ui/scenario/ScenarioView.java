package dev.scrying.console.ui.scenario;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.Tone;
import dev.scrying.console.model.scenario.CheckRow;
import dev.scrying.console.model.scenario.ScenarioFile;
import dev.scrying.console.model.scenario.ScenarioViewModel;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.Dialogs;
import dev.scrying.console.ui.PageHeader;
import dev.scrying.console.ui.PanelView;
import dev.scrying.scenarios.run.RunState;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Scenarios panel: scenario files on the left; the selected one's steps with run controls and
 * verdicts, and every check as it is decided. Scenarios that reset the world or inject faults need
 * confirmation before they run against the live server. FX thread.
 */
public final class ScenarioView extends BorderPane implements PanelView {
  private final ScenarioViewModel model;
  private final Dialogs dialogs;
  private final SplitPane split;

  public ScenarioView(ScenarioViewModel model, Dialogs dialogs) {
    this.model = model;
    this.dialogs = dialogs;
    getStyleClass().add("panel");
    Button folder = Controls.button("scenarioFolder", "Folder…", Material2AL.FOLDER_OPEN);
    folder.setOnAction(e -> chooseFolder());
    Button refresh = Controls.iconButton("scenarioRefresh", Material2MZ.REFRESH, "Read the folder again");
    refresh.setOnAction(e -> model.refresh());
    setTop(new PageHeader(Page.SCENARIOS, folder, refresh));
    split = new SplitPane(files(), run());
    split.setId("scenarioSplit");
    split.setDividerPositions(0.28);
    setCenter(split);
  }

  private Node files() {
    ListView<ScenarioFile> list = new ListView<>();
    list.setId("scenarioFiles");
    list.getStyleClass().add(Styles.DENSE);
    list.setCellFactory(l -> new FileCell());
    model.files().observe(f -> list.getItems().setAll(f));
    model.selected().observe(f -> {
      if (f != null && list.getSelectionModel().getSelectedItem() != f) {
        list.getSelectionModel().select(f);
      }
    });
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && now != model.selected().get()) {
        model.select(now);
      }
    });
    Label where = new Label();
    where.getStyleClass().add(Styles.TEXT_MUTED);
    where.setWrapText(true);
    model.folder().observe(p -> where.setText("In " + p));
    list.setPlaceholder(Controls.muted("No *.yaml scenarios in this folder."));
    VBox box = new VBox(8, Controls.caption("Scenario files"), list, where);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.getStyleClass().add("pane-left");
    return box;
  }

  private Node run() {
    Label title = new Label();
    title.getStyleClass().add(Styles.TITLE_4);
    title.setId("scenarioTitle");
    Label description = new Label();
    description.setWrapText(true);
    description.getStyleClass().add(Styles.TEXT_MUTED);
    model.selected().observe(f -> {
      title.setText(f == null ? "No scenario" : f.name());
      description.setText(f == null ? "" : f.description());
    });
    Label state = new Label();
    state.setId("scenarioState");
    state.getStyleClass().add("chip");
    model.state().observe(s -> {
      state.setText(s == null ? "not run" : s.name().toLowerCase(Locale.ROOT));
      Controls.tone(state, s == RunState.FINISHED ? Tone.GOOD : s == RunState.STOPPED ? Tone.WARNING : Tone.NEUTRAL);
    });
    Label summary = Controls.bound("scenarioSummary", model.summary(), Styles.TEXT_MUTED);
    summary.setWrapText(true);
    StepTable steps = new StepTable();
    model.steps().observe(s -> steps.getItems().setAll(s));
    ListView<CheckRow> checks = new ListView<>();
    checks.setId("scenarioChecks");
    checks.getStyleClass().add(Styles.DENSE);
    checks.setCellFactory(l -> new CheckCell());
    checks.setPlaceholder(Controls.muted("Each check appears here as the run decides it."));
    model.checks().observe(c -> {
      checks.getItems().setAll(c);
      if (!c.isEmpty()) {
        checks.scrollTo(c.size() - 1);
      }
    });
    SplitPane results = new SplitPane(steps, checks);
    results.setOrientation(javafx.geometry.Orientation.VERTICAL);
    results.setDividerPositions(0.62);
    VBox box = new VBox(10, Controls.row(10, title, state), description, controls(), summary, results);
    VBox.setVgrow(results, Priority.ALWAYS);
    box.getStyleClass().add("pane-right");
    return box;
  }

  private Node controls() {
    Button run = Controls.button("scenarioRun", "Run", Material2MZ.PLAY_ARROW, Styles.ACCENT);
    run.setOnAction(e -> confirmThen(model::run));
    Button step = Controls.button("scenarioStep", "Step", Material2MZ.SKIP_NEXT);
    step.setOnAction(e -> confirmThen(model::step));
    Button pause = Controls.button("scenarioPause", "Pause", Material2MZ.PAUSE);
    pause.setOnAction(e -> model.pause());
    Button resume = Controls.button("scenarioResume", "Resume", Material2AL.FAST_FORWARD);
    resume.setOnAction(e -> model.resume());
    Button stop = Controls.button("scenarioStop", "Stop", Material2MZ.STOP, Styles.DANGER);
    stop.setOnAction(e -> model.stop());
    model.state().observe(s -> {
      boolean live = s == RunState.RUNNING || s == RunState.PAUSED;
      run.setDisable(s == RunState.RUNNING);
      pause.setDisable(s != RunState.RUNNING);
      resume.setDisable(s != RunState.PAUSED);
      stop.setDisable(!live);
    });
    return Controls.row(8, run, step, pause, resume, stop);
  }

  /** A scenario that resets the world or injects faults runs only after the operator says yes. */
  private void confirmThen(Runnable action) {
    RunState s = model.state().get();
    List<String> risky = model.riskySteps();
    if (risky.isEmpty() || s == RunState.PAUSED || s == RunState.RUNNING) {
      action.run();
      return;
    }
    String body = "This scenario acts on the live server: " + String.join(", ", risky) + ". Everyone connected,"
        + " including real guests, sees what it does.";
    dialogs.confirm("Run “" + model.selected().get().name() + "” here?", body, "Run it", true).thenAccept(yes -> {
      if (yes) {
        action.run();
      }
    });
  }

  private void chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Scenario folder");
    File current = model.folder().get().toFile();
    if (current.isDirectory()) {
      chooser.setInitialDirectory(current);
    }
    File dir = chooser.showDialog(getScene().getWindow());
    if (dir != null) {
      model.showFolder(dir.toPath());
    }
  }

  @Override
  public Node root() {
    return this;
  }

  @Override
  public void shown() {
    if (model.files().get().isEmpty()) {
      model.refresh();
    }
  }

  @Override
  public Map<String, SplitPane> splits() {
    return Map.of("main", split);
  }

  private static final class FileCell extends ListCell<ScenarioFile> {
    @Override
    protected void updateItem(ScenarioFile f, boolean empty) {
      super.updateItem(f, empty);
      if (empty || f == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(f.name());
      Label detail = Controls.muted(f.loadable() ? f.steps() + " steps · " + f.path().getFileName() : f.problem());
      detail.setWrapText(!f.loadable());
      if (!f.loadable()) {
        Controls.tone(detail, Tone.DANGER);
        detail.getStyleClass().add("problem");
      }
      setGraphic(new VBox(2, name, detail));
      setText(null);
    }
  }

  private static final class CheckCell extends ListCell<CheckRow> {
    @Override
    protected void updateItem(CheckRow c, boolean empty) {
      super.updateItem(c, empty);
      if (empty || c == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      FontIcon icon = new FontIcon(c.passed() ? Material2AL.CHECK_CIRCLE : Material2AL.CANCEL);
      icon.getStyleClass().add("step-icon");
      Controls.tone(icon, c.passed() ? Tone.GOOD : Tone.DANGER);
      String where = c.step() < 0 ? "final" : "step " + (c.step() + 1);
      Label text = new Label(c.description() + (c.detail().isEmpty() ? "" : " — " + c.detail()));
      text.setWrapText(true);
      text.prefWidthProperty().bind(widthProperty().subtract(140));
      setGraphic(Controls.row(8, icon, Controls.muted(where), text));
      setText(null);
    }
  }
}
