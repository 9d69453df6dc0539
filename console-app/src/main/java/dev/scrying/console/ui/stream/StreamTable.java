package dev.scrying.console.ui.stream;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.scrying.console.model.Tone;
import dev.scrying.console.model.stream.RowsChange;
import dev.scrying.console.model.stream.Source;
import dev.scrying.console.model.stream.StreamEvent;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.Icons;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live stream's virtualised table. It applies {@link RowsChange}s incrementally (drop from the
 * top, append at the bottom), so a flood costs the rows that changed, and follows the newest row
 * while following is on. FX thread only.
 */
public final class StreamTable extends TableView<StreamEvent> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private static final java.util.Map<Source, javafx.css.PseudoClass> SOURCES = new java.util.EnumMap<>(Source.class);

  static {
    for (Source s : Source.values()) {
      SOURCES.put(s, javafx.css.PseudoClass.getPseudoClass("source-" + s.name().toLowerCase(Locale.ROOT)));
    }
  }

  private boolean follow = true;

  public StreamTable() {
    setId("streamTable");
    // Not striped: rows shift on every batch, and re-striping them all would cost a CSS pass each time.
    getStyleClass().addAll("stream-table", Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    getColumns().add(text("Time", 104, e -> TIME.format(Instant.ofEpochSecond(0, e.atMicros() * 1000))));
    getColumns().add(sourceColumn());
    getColumns().add(text("Player", 96, StreamEvent::player));
    getColumns().add(text("Type", 128, StreamEvent::type));
    getColumns().add(latencyColumn());
    TableColumn<StreamEvent, String> summary = text("Summary", 420, StreamEvent::summary);
    getColumns().add(summary);
    Label empty = Controls.muted("Events appear here as the server, NATS and the players talk.");
    setPlaceholder(empty);
    // A fixed row height spares the table from estimating 20,000 row heights whenever rows come and go.
    setFixedCellSize(26);
  }

  public void apply(RowsChange change) {
    if (change.reset()) {
      getItems().setAll(change.appended());
    } else {
      if (change.removedFromHead() > 0) {
        getItems().remove(0, Math.min(change.removedFromHead(), getItems().size()));
      }
      getItems().addAll(change.appended());
    }
    if (follow && !getItems().isEmpty() && !change.appended().isEmpty()) {
      scrollTo(getItems().size() - 1);
    }
  }

  public void setFollow(boolean on) {
    follow = on;
    if (on && !getItems().isEmpty()) {
      scrollTo(getItems().size() - 1);
    }
  }

  private static TableColumn<StreamEvent, String> text(String title, double width, Function<StreamEvent, String> value) {
    TableColumn<StreamEvent, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(Math.min(width, 100));
    c.setSortable(false);
    return c;
  }

  private static TableColumn<StreamEvent, Source> sourceColumn() {
    TableColumn<StreamEvent, Source> c = new TableColumn<>("Source");
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().source()));
    c.setPrefWidth(128);
    c.setMinWidth(116);
    c.setSortable(false);
    c.setCellFactory(col -> new TableCell<>() {
      private final FontIcon icon = new FontIcon();

      private Source shown;

      @Override
      protected void updateItem(Source s, boolean empty) {
        super.updateItem(s, empty);
        if (empty || s == null) {
          setText(null);
          setGraphic(null);
          return;
        }
        if (s != shown) {
          // Pseudo classes, not style classes: a style-class change re-matches every CSS selector.
          if (shown != null) {
            icon.pseudoClassStateChanged(SOURCES.get(shown), false);
          }
          icon.pseudoClassStateChanged(SOURCES.get(s), true);
          icon.setIconCode(Icons.of(s));
          shown = s;
        }
        setGraphic(icon);
        setText(s.label());
      }
    });
    return c;
  }

  private static TableColumn<StreamEvent, StreamEvent> latencyColumn() {
    TableColumn<StreamEvent, StreamEvent> c = new TableColumn<>("Latency");
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
    c.setPrefWidth(90);
    c.setMinWidth(84);
    c.setSortable(false);
    c.setCellFactory(col -> new TableCell<>() {
      @Override
      protected void updateItem(StreamEvent e, boolean empty) {
        super.updateItem(e, empty);
        if (empty || e == null || !e.hasLatency()) {
          setText(null);
          Controls.tone(this, Tone.NEUTRAL);
          return;
        }
        setText(format(e.latencyMs()));
        Controls.tone(this, tone(e));
      }
    });
    c.getStyleClass().add("latency-column");
    return c;
  }

  static String format(double ms) {
    return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms)
        : ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }

  /** Deltas should be near-instant; narrative frames are paced like an LLM and are not judged. */
  private static Tone tone(StreamEvent e) {
    boolean delta = e.type().equals("world_update") || e.source() == Source.SERVER || e.source() == Source.NATS;
    if (!delta) {
      return Tone.NEUTRAL;
    }
    return e.latencyMs() <= 10 ? Tone.GOOD : e.latencyMs() <= 100 ? Tone.WARNING : Tone.DANGER;
  }
}
