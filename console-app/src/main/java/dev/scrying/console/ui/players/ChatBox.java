package dev.scrying.console.ui.players;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.players.ChatLine;
import dev.scrying.console.model.players.ChatTranscript;
import dev.scrying.console.model.players.PlayersViewModel;
import dev.scrying.console.ui.Controls;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/** Natural language as the selected player over the chat SSE, with every frame listed as it arrives. */
final class ChatBox extends VBox {

  ChatBox(PlayersViewModel model) {
    setSpacing(8);
    TextField input = new TextField();
    input.setId("chatInput");
    input.setPromptText("Say something, e.g. “take the joy bottle” or “hello Louisa”");
    Button send = Controls.button("sendChat", "Chat", Material2MZ.SEND, Styles.ACCENT);
    Runnable go = () -> {
      model.chat(input.getText());
      input.clear();
    };
    send.setOnAction(e -> go.run());
    input.setOnAction(e -> go.run());
    HBox.setHgrow(input, Priority.ALWAYS);
    ListView<ChatLine> frames = new ListView<>();
    frames.setId("chatFrames");
    frames.getStyleClass().addAll(Styles.DENSE, "chat-frames");
    frames.setPrefHeight(170);
    frames.setPlaceholder(Controls.muted("The SSE frames of the next message appear here, in order."));
    frames.setCellFactory(l -> new LineCell());
    Label narrative = new Label();
    narrative.setId("chatNarrative");
    narrative.setWrapText(true);
    narrative.getStyleClass().add("narrative");
    model.chat().observe(t -> show(t, frames, narrative));
    getChildren().addAll(Controls.row(8, input, send), frames, narrative);
  }

  private static void show(ChatTranscript t, ListView<ChatLine> frames, Label narrative) {
    frames.getItems().setAll(t == null ? java.util.List.of() : t.lines());
    if (!frames.getItems().isEmpty()) {
      frames.scrollTo(frames.getItems().size() - 1);
    }
    narrative.setText(t == null ? "" : t.narrative());
    Controls.show(narrative, t != null && !t.narrative().isEmpty());
  }

  private static final class LineCell extends ListCell<ChatLine> {
    @Override
    protected void updateItem(ChatLine l, boolean empty) {
      super.updateItem(l, empty);
      if (empty || l == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label type = new Label(l.type());
      type.getStyleClass().addAll("frame-type", "frame-" + l.type().replace('_', '-'));
      type.setMinWidth(96);
      Label at = Controls.muted(String.format(Locale.ROOT, "+%.0f ms", l.atMs()));
      at.setMinWidth(72);
      Label text = new Label(l.text());
      text.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
      setGraphic(Controls.row(8, type, at, text));
      setText(null);
    }
  }
}
