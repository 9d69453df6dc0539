package dev.scrying.server.narrative;

import static dev.scrying.server.narrative.TestNarratives.collect;
import static dev.scrying.server.narrative.TestNarratives.wyldingWoods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI adapter against a scripted local server; nothing here reaches the internet. */
class OpenAiNarratorTest {
  private static final Duration QUIET = Duration.ofMillis(300);

  private final MockWebServer server = new MockWebServer();
  private final CountDownLatch release = new CountDownLatch(1);
  private OpenAiNarrator narrator;

  @BeforeEach
  void start() throws IOException {
    server.start();
    narrator = narrator("sk-test-123", Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    release.countDown();
    narrator.close();
    server.close();
  }

  private OpenAiNarrator narrator(String key, Duration firstToken, Duration total) {
    return new OpenAiNarrator(new OpenAiNarratorConfig(server.url("/").toString(), "tiny-model", key,
        Duration.ofSeconds(2), firstToken, total), wyldingWoods());
  }

  private static String sse(List<String> pieces, boolean done) {
    StringBuilder body = new StringBuilder();
    body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}\n\n");
    for (String piece : pieces) {
      body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\"content\":").append(Json.write(piece)).append("},\"finish_reason\":null}]}\n\n");
    }
    if (done) {
      body.append("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
      body.append("data: [DONE]\n\n");
    }
    return body.toString();
  }

  private static MockResponse.Builder stream(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body);
  }

  /** Sends {@code first} at once, then holds the stream open until the test ends. */
  private MockResponse stalling(String first) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body(new MockResponseBody() {
          @Override
          public long getContentLength() {
            return -1;
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(first);
            sink.flush();
            try {
              release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }).build();
  }

  private static final List<String> PIECES = List.of("The bottle", " hums", " warmly", " in your hand.");

  @Test
  void normalStreamIsAssembledInOrder() throws Exception {
    server.enqueue(stream(sse(PIECES, true)).build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.type()).isEqualTo("done");
    assertThat(listener.text()).isEqualTo("The bottle hums warmly in your hand.");
    assertThat(listener.chunks()).containsExactlyElementsOf(PIECES);
    assertThat(listener.seen().get(0).type()).isEqualTo("first");
    assertThat(terminal.stats().chunks()).isEqualTo(4);
    assertThat(terminal.stats().totalMs()).isGreaterThanOrEqualTo(terminal.stats().timeToFirstTokenMs());
    assertThat(listener.seen()).allSatisfy(e -> assertThat(e.thread()).startsWith("narrator-openai-"));
    listener.assertNoMoreEvents(QUIET);
  }

  @Test
  void requestCarriesModelStreamMessagesAndAuth() throws Exception {
    server.enqueue(stream(sse(PIECES, true)).build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(new NarrationRequest("wylding-woods", "ana", "talk", true,
        "Louisa smiles at you.", "louisa", "Hello there", 12), listener);
    listener.awaitTerminal();

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-123");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = Json.parse(request.getBody().utf8());
    assertThat(body.path("model").asText()).isEqualTo("tiny-model");
    assertThat(body.path("stream").asBoolean()).isTrue();
    JsonNode messages = body.path("messages");
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
    assertThat(messages.get(0).path("content").asText())
        .contains("The Wylding Woods are gentle")
        .contains("Neebling stole our dreams");
    assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
    assertThat(messages.get(1).path("content").asText())
        .contains("Louisa smiles at you.")
        .contains("talk (succeeded)")
        .contains("Hello there");
  }

  @Test
  void noKeyMeansNoAuthorizationHeaderAndBaseUrlMayEndInV1() throws Exception {
    narrator.close();
    narrator = new OpenAiNarrator(OpenAiNarratorConfig.of(server.url("/v1/").toString(), "tiny-model", " "),
        wyldingWoods());
    server.enqueue(stream(sse(PIECES, true)).build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);
    assertThat(listener.awaitTerminal().type()).isEqualTo("done");
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void slowStreamStillCompletes() {
    String body = sse(PIECES, true);
    // 40 bytes every 50 ms: the stream trickles in over roughly a second.
    server.enqueue(stream(body).throttleBody(40, 50, TimeUnit.MILLISECONDS).build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.type()).isEqualTo("done");
    assertThat(listener.text()).isEqualTo("The bottle hums warmly in your hand.");
    long expectedMs = (long) (body.length() / 40 * 50 * 0.8);
    assertThat(terminal.stats().totalMs()).isGreaterThanOrEqualTo(expectedMs);
    assertThat(terminal.stats().totalMs()).isGreaterThan(terminal.stats().timeToFirstTokenMs());
  }

  @Test
  void errorStatusReportsHttpErrorAndNoDone() {
    server.enqueue(new MockResponse.Builder().code(500)
        .setHeader("Content-Type", "application/json")
        .body("{\"error\":{\"message\":\"model overloaded\"}}").build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.type()).isEqualTo("error");
    assertThat(terminal.value()).startsWith(NarratorErrors.HTTP_ERROR + ": ").contains("500")
        .contains("model overloaded").doesNotContain("sk-test-123");
    assertThat(listener.chunks()).isEmpty();
    listener.assertNoMoreEvents(QUIET);
  }

  @Test
  void streamEndingWithoutDoneIsADisconnect() {
    server.enqueue(stream(sse(PIECES.subList(0, 2), false)).build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.type()).isEqualTo("error");
    assertThat(terminal.value()).startsWith(NarratorErrors.DISCONNECTED);
    assertThat(listener.text()).isEqualTo("The bottle hums");
    listener.assertNoMoreEvents(QUIET);
  }

  @Test
  void connectionDroppedMidStreamIsADisconnect() {
    server.enqueue(stream(sse(PIECES, true))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.type()).isEqualTo("error");
    assertThat(terminal.value()).startsWith(NarratorErrors.DISCONNECTED);
    listener.assertNoMoreEvents(QUIET);
  }

  @Test
  void noFirstTokenInTimeIsATimeout() {
    narrator.close();
    narrator = narrator(null, Duration.ofMillis(300), Duration.ofSeconds(10));
    server.enqueue(stream(sse(PIECES, true)).headersDelay(3, TimeUnit.SECONDS).build());
    RecordingListener listener = new RecordingListener();
    long start = System.nanoTime();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.type()).isEqualTo("error");
    assertThat(terminal.value()).startsWith(NarratorErrors.TIMEOUT).contains("300 ms");
    assertThat(TimeUnit.NANOSECONDS.toMillis(terminal.nanos() - start)).isBetween(240L, 2_500L);
    assertThat(listener.chunks()).isEmpty();
    listener.assertNoMoreEvents(QUIET);
  }

  @Test
  void streamStallingAfterTheFirstTokenHitsTheTotalTimeout() {
    narrator.close();
    narrator = narrator(null, Duration.ofSeconds(5), Duration.ofMillis(700));
    // The first chunk arrives at once, then the server goes quiet for far longer than allowed.
    server.enqueue(stalling(sse(PIECES.subList(0, 1), false)));
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.type()).isEqualTo("error");
    assertThat(terminal.value()).startsWith(NarratorErrors.TIMEOUT).contains("700 ms");
    assertThat(listener.text()).isEqualTo("The bottle");
    listener.assertNoMoreEvents(QUIET);
  }

  @Test
  void unparseableChunkIsABadResponse() {
    server.enqueue(stream("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: {oops\n\n"
        + "data: [DONE]\n\n").build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.type()).isEqualTo("error");
    assertThat(terminal.value()).startsWith(NarratorErrors.BAD_RESPONSE).contains("{oops");
    assertThat(listener.text()).isEqualTo("Hi");
    listener.assertNoMoreEvents(QUIET);
  }

  @Test
  void nonStreamingResponseIsABadResponse() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("{\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}").build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);

    RecordingListener.Event terminal = listener.awaitTerminal();
    assertThat(terminal.value()).startsWith(NarratorErrors.BAD_RESPONSE).contains("content-type");
  }

  @Test
  void emptyCompletionIsABadResponse() {
    server.enqueue(stream(sse(List.of(), true)).build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);
    assertThat(listener.awaitTerminal().value()).startsWith(NarratorErrors.BAD_RESPONSE);
  }

  @Test
  void finishReasonWithoutDoneMarkerStillCompletes() {
    String body = sse(PIECES, true).replace("data: [DONE]\n\n", "");
    server.enqueue(stream(body).build());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);
    assertThat(listener.awaitTerminal().type()).isEqualTo("done");
    assertThat(listener.text()).isEqualTo("The bottle hums warmly in your hand.");
  }

  @Test
  void unreachableServerIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    narrator.close();
    narrator = new OpenAiNarrator(OpenAiNarratorConfig.of("http://127.0.0.1:" + closedPort, "m", null),
        wyldingWoods());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 3), listener);
    assertThat(listener.awaitTerminal().value()).startsWith(NarratorErrors.UNAVAILABLE);
    listener.assertNoMoreEvents(QUIET);
  }

  @Test
  void cancelStopsCallbacks() {
    server.enqueue(stalling(sse(PIECES.subList(0, 1), false)));
    RecordingListener listener = new RecordingListener();
    Narration narration = narrator.narrate(collect("ana", 3), listener);
    assertThat(listener.next().type()).isEqualTo("first");
    assertThat(listener.next().value()).isEqualTo("The bottle");
    narration.cancel();
    listener.assertNoMoreEvents(Duration.ofMillis(1_200));
  }

  @Test
  void concurrentNarrationsEachGetTheirOwnStream() {
    int count = 8;
    for (int i = 0; i < count; i++) {
      server.enqueue(stream(sse(List.of("Narration", " " + i), true)).build());
    }
    List<RecordingListener> listeners = IntStream.range(0, count).mapToObj(i -> {
      RecordingListener listener = new RecordingListener();
      narrator.narrate(collect("p" + i, i), listener);
      return listener;
    }).toList();
    List<String> texts = listeners.stream().map(l -> {
      assertThat(l.awaitTerminal().type()).isEqualTo("done");
      return l.text();
    }).collect(Collectors.toList());
    assertThat(texts).allSatisfy(t -> assertThat(t).matches("Narration \\d"));
    assertThat(texts).doesNotHaveDuplicates();
  }
}
