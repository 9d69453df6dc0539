package dev.scrying.server.narrative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSources;

/**
 * Narrates through an OpenAI-compatible streaming chat completion server. It owns its HTTP client
 * and daemon threads ({@code narrator-openai-*} for callbacks and timeouts,
 * {@code narrator-openai-http-*} for I/O); every failure, timeout included, ends the narration with
 * one {@code onError} carrying a {@link NarratorErrors} code.
 */
public final class OpenAiNarrator implements Narrator {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OpenAiNarratorConfig config;
  private final ChatPrompt prompt;
  private final HttpUrl endpoint;
  private final ScheduledExecutorService scheduler =
      NarratorThreads.singleThreadScheduler("narrator-openai");
  private final ThreadPoolExecutor httpThreads = new ThreadPoolExecutor(
      0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
      new NarratorThreads("narrator-openai-http"));
  private final OkHttpClient client;
  private final EventSource.Factory eventSources;

  /** @param narrative the experience's narrative.json, for the persona and NPC voices */
  public OpenAiNarrator(OpenAiNarratorConfig config, ObjectNode narrative) {
    this.config = Objects.requireNonNull(config, "config");
    this.prompt = new ChatPrompt(Objects.requireNonNull(narrative, "narrative"));
    this.endpoint = config.chatCompletionsUrl();
    Dispatcher dispatcher = new Dispatcher(httpThreads);
    // The model server is a single host; let its own queue decide, not OkHttp's per-host cap of 5.
    dispatcher.setMaxRequestsPerHost(dispatcher.getMaxRequests());
    this.client = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(config.connectTimeout())
        .writeTimeout(config.totalTimeout())
        // Our timers enforce first-token and total limits; the read timeout is only a backstop.
        .readTimeout(config.totalTimeout())
        // A model server that closes a keep-alive connection (or dies mid-answer) leaves a stale one in
        // the pool, and without a retry the next guest's narration fails on it (11 of 80 turns in
        // ChatOrderUnderNarratorFaultsTest). OkHttp retries only failures before a response starts,
        // as OpenAI's own SDKs do; the rare cost is a second completion the model began and lost.
        .retryOnConnectionFailure(true)
        .build();
    this.eventSources = EventSources.createFactory(client);
  }

  public OpenAiNarratorConfig config() {
    return config;
  }

  @Override
  public Narration narrate(NarrationRequest request, NarrationListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    Request.Builder http = new Request.Builder()
        .url(endpoint)
        .header("Accept", "text/event-stream")
        .post(RequestBody.create(Json.writeBytes(prompt.body(config.model(), request)), JSON));
    if (config.apiKey() != null) {
      http.header("Authorization", "Bearer " + config.apiKey());
    }

    Delivery delivery = new Delivery(listener, scheduler);
    ScheduledFuture<?> firstTokenTimer = timeout(delivery, config.firstTokenTimeout(), "no text within ");
    ScheduledFuture<?> totalTimer = timeout(delivery, config.totalTimeout(), "narration took longer than ");
    EventSource source = eventSources.newEventSource(http.build(), new ChatStream(delivery, firstTokenTimer));
    delivery.onFinish(() -> {
      firstTokenTimer.cancel(false);
      totalTimer.cancel(false);
      source.cancel();
    });
    return delivery;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    client.dispatcher().cancelAll();
    httpThreads.shutdown();
    client.connectionPool().evictAll();
  }

  private ScheduledFuture<?> timeout(Delivery delivery, Duration limit, String reason) {
    try {
      return scheduler.schedule(
          () -> delivery.error(NarratorErrors.TIMEOUT, reason + limit.toMillis() + " ms"),
          limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("narrator is closed", e);
    }
  }
}
