package dev.scrying.server.narrative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.util.concurrent.Future;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.jspecify.annotations.Nullable;

/**
 * Reads one streamed chat completion (OkHttp calls it on an HTTP thread, one event at a time) and
 * turns it into a {@link Delivery}'s text and outcome: {@code choices[0].delta.content} pieces
 * until {@code data: [DONE]}, and an error code for everything else.
 */
final class ChatStream extends EventSourceListener {
  private static final String DONE = "[DONE]";
  private static final int SNIPPET = 200;

  private final Delivery delivery;
  private final Future<?> firstTokenTimer;
  private volatile boolean opened;
  private boolean sawText;
  private boolean sawFinishReason;

  ChatStream(Delivery delivery, Future<?> firstTokenTimer) {
    this.delivery = delivery;
    this.firstTokenTimer = firstTokenTimer;
  }

  @Override
  public void onOpen(EventSource source, Response response) {
    opened = true;
  }

  @Override
  public void onEvent(EventSource source, @Nullable String id, @Nullable String type, String data) {
    if (DONE.equals(data.strip())) {
      finish();
      return;
    }
    JsonNode chunk;
    try {
      chunk = Json.parse(data);
    } catch (IllegalArgumentException e) {
      delivery.error(NarratorErrors.BAD_RESPONSE, "unparseable stream chunk: " + snippet(data));
      return;
    }
    if (!chunk.isObject()) {
      delivery.error(NarratorErrors.BAD_RESPONSE, "stream chunk is not an object: " + snippet(data));
      return;
    }
    if (chunk.has("error")) {
      JsonNode error = chunk.path("error");
      String reason = error.path("message").isTextual() ? error.path("message").asText() : error.toString();
      delivery.error(NarratorErrors.BAD_RESPONSE, "server reported an error: " + snippet(reason));
      return;
    }
    // Chunks without choices (e.g. a trailing usage report) carry no text; skip them.
    JsonNode choice = chunk.path("choices").path(0);
    JsonNode content = choice.path("delta").path("content");
    if (content.isTextual() && !content.asText().isEmpty()) {
      if (!sawText) {
        sawText = true;
        firstTokenTimer.cancel(false);
      }
      delivery.text(content.asText());
    }
    if (choice.path("finish_reason").isTextual()) {
      sawFinishReason = true;
    }
  }

  @Override
  public void onClosed(EventSource source) {
    // Some servers omit [DONE] after a proper finish_reason; that is still a complete answer.
    if (sawFinishReason) {
      finish();
    } else {
      delivery.error(NarratorErrors.DISCONNECTED, "the stream ended before [DONE]");
    }
  }

  @Override
  public void onFailure(EventSource source, @Nullable Throwable failure, @Nullable Response response) {
    if (response != null && !response.isSuccessful()) {
      delivery.error(NarratorErrors.HTTP_ERROR,
          "HTTP " + response.code() + " from the narrator service" + bodySnippet(response));
    } else if (response != null && failure instanceof IllegalStateException) {
      // okhttp-sse rejects a successful response that is not text/event-stream this way.
      delivery.error(NarratorErrors.BAD_RESPONSE, String.valueOf(failure.getMessage()));
    } else if (opened) {
      delivery.error(NarratorErrors.DISCONNECTED, "the stream broke: " + describe(failure));
    } else {
      delivery.error(NarratorErrors.UNAVAILABLE, "cannot reach the narrator service: " + describe(failure));
    }
  }

  private void finish() {
    if (sawText) {
      delivery.done();
    } else {
      delivery.error(NarratorErrors.BAD_RESPONSE, "the stream finished without any text");
    }
  }

  private static String bodySnippet(Response response) {
    try {
      String body = response.peekBody(SNIPPET).string().strip();
      return body.isEmpty() ? "" : ": " + snippet(body);
    } catch (IOException | IllegalStateException e) {
      return "";
    }
  }

  private static String describe(@Nullable Throwable failure) {
    if (failure == null) {
      return "unknown failure";
    }
    return failure.getMessage() == null
        ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  private static String snippet(String text) {
    return text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "…";
  }
}
