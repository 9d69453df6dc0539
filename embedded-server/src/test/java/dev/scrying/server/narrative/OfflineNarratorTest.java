package dev.scrying.server.narrative;

import static dev.scrying.server.narrative.TestNarratives.collect;
import static dev.scrying.server.narrative.TestNarratives.wyldingWoods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrying.experiences.Json;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OfflineNarratorTest {
  private static final Duration QUIET = Duration.ofMillis(300);

  private final OfflineNarrator narrator = new OfflineNarrator(wyldingWoods(), NarratorPacing.instant());

  @AfterEach
  void close() {
    narrator.close();
  }

  private RecordingListener run(NarrationRequest request) {
    RecordingListener listener = new RecordingListener();
    narrator.narrate(request, listener);
    assertThat(listener.awaitTerminal().type()).isEqualTo("done");
    return listener;
  }

  @Test
  void sameRequestGivesSameText() {
    String first = run(collect("ana", 7)).text();
    String second = run(collect("ana", 7)).text();
    OfflineNarrator other = new OfflineNarrator(wyldingWoods(), NarratorPacing.instant());
    try {
      RecordingListener third = new RecordingListener();
      other.narrate(collect("ana", 7), third);
      third.awaitTerminal();
      assertThat(third.text()).isEqualTo(first);
    } finally {
      other.close();
    }
    assertThat(second).isEqualTo(first);
    assertThat(first).isEqualTo(narrator.compose(collect("ana", 7)));
    assertThat(first).contains("You collected Bottle of Joy.");
  }

  @Test
  void differentVersionsPickDifferentLines() {
    Set<String> texts = new HashSet<>();
    LongStream.rangeClosed(1, 30).forEach(v -> texts.add(narrator.compose(collect("ana", v))));
    assertThat(texts).hasSizeGreaterThan(1);
    assertThat(texts).allSatisfy(text -> assertThat(text).endsWith("You collected Bottle of Joy."));
  }

  @Test
  void fillsKnownPlaceholdersAndSkipsLinesNeedingUnknownFacts() {
    Set<String> texts = new HashSet<>();
    LongStream.rangeClosed(1, 200).forEach(v -> texts.add(narrator.compose(collect("ana", v))));
    assertThat(texts).noneMatch(text -> text.contains("{") || text.contains("}"));
    assertThat(texts).anyMatch(text -> text.contains("The shelf creaks as you lean in, ana."));
    assertThat(texts).noneMatch(text -> text.contains("satchel")); // needs {item}, which the request lacks
  }

  @Test
  void neverSplitsWords() {
    NarrationRequest request = new NarrationRequest("wylding-woods", "ana", "talk", true,
        "Louisa looks up from her workbench.", "louisa", "Where are   the bottles?", 3);
    RecordingListener listener = run(request);
    List<String> chunks = listener.chunks();
    assertThat(String.join("", chunks)).isEqualTo(narrator.compose(request));
    assertThat(chunks).hasSizeGreaterThan(5);
    assertThat(chunks.get(0)).doesNotStartWith(" ");
    // Each chunk is one whole word with the space before it, so no boundary falls inside a word.
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).matches(" ?\\S+"));
    assertThat(chunks.subList(1, chunks.size())).allSatisfy(chunk -> assertThat(chunk).startsWith(" "));
  }

  @Test
  void talkToAnNpcQuotesOneOfTheirLines() {
    NarrationRequest request = new NarrationRequest("wylding-woods", "ana", "talk", true,
        "Louisa looks up from her workbench.", "louisa", "Where are the bottles?", 3);
    String text = run(request).text();
    assertThat(text).contains("You say: \"Where are the bottles?\"");
    assertThat(text).contains("Louisa looks up from her workbench.");
    assertThat(text).containsAnyOf(
        "Louisa: \"Neebling stole our dreams",
        "Louisa: \"Each bottle glows with a different dream. Follow the light, ana.\"",
        "Louisa: \"The spiral, the star");
    assertThat(text).satisfiesAnyOf(
        t -> assertThat(t).startsWith("You turn to Louisa."),
        t -> assertThat(t).startsWith("Louisa flutters closer."));
  }

  @Test
  void failureUsesAFailureLineAndTheEnginesReason() {
    NarrationRequest request = new NarrationRequest("wylding-woods", "ana", "collect_item", false,
        "You don't see 'chalice' here.", null, null, 5);
    String text = run(request).text();
    assertThat(text).endsWith("You don't see 'chalice' here.");
    assertThat(text).containsAnyOf("The woods seem to shake their head.", "Nothing stirs.");
  }

  @Test
  void commandWithoutLinesStillNarratesTheFacts() {
    OfflineNarrator bare = new OfflineNarrator(Json.object(), NarratorPacing.instant());
    try {
      assertThat(bare.compose(new NarrationRequest("x", "ana", "inventory", true,
          "Your inventory is empty.", null, null, 1))).isEqualTo("Your inventory is empty.");
      assertThat(bare.compose(new NarrationRequest("x", "ana", "inventory", true, null, null, null, 1)))
          .isEqualTo("Done.");
    } finally {
      bare.close();
    }
  }

  @Test
  void exactlyOneTerminalCallbackAfterFirstTokenAndText() {
    RecordingListener listener = run(collect("ana", 11));
    listener.assertNoMoreEvents(QUIET);
    List<RecordingListener.Event> events = listener.seen();
    assertThat(events.get(0).type()).isEqualTo("first");
    assertThat(events.get(1).type()).isEqualTo("text");
    assertThat(events).filteredOn(e -> e.type().equals("first")).hasSize(1);
    assertThat(events).filteredOn(e -> e.type().equals("done") || e.type().equals("error")).hasSize(1);
    NarrationStats stats = events.get(events.size() - 1).stats();
    assertThat(stats.chunks()).isEqualTo(listener.chunks().size());
    assertThat(events).allSatisfy(e -> {
      assertThat(e.thread()).startsWith("narrator-");
      assertThat(e.daemon()).isTrue();
    });
  }

  @Test
  void honoursFirstTokenDelay() {
    narrator.setPacing(new NarratorPacing(Duration.ofMillis(200), 1000));
    RecordingListener listener = new RecordingListener();
    long start = System.nanoTime();
    narrator.narrate(collect("ana", 2), listener);
    RecordingListener.Event first = listener.next();
    assertThat(first.type()).isEqualTo("first");
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(first.nanos() - start);
    assertThat(waitedMs).isBetween(160L, 5_000L);
    NarrationStats stats = listener.awaitTerminal().stats();
    assertThat(stats.timeToFirstTokenMs()).isGreaterThanOrEqualTo(160L);
    assertThat(stats.totalMs()).isGreaterThanOrEqualTo(stats.timeToFirstTokenMs());
  }

  @Test
  void tokensPerSecondPacesTheChunks() {
    narrator.setPacing(new NarratorPacing(Duration.ZERO, 20)); // 50 ms per chunk
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 2), listener);
    NarrationStats stats = listener.awaitTerminal().stats();
    long minimumMs = (long) ((stats.chunks() - 1) * 50 * 0.8);
    assertThat(stats.chunks()).isGreaterThan(4);
    assertThat(stats.totalMs()).isGreaterThanOrEqualTo(minimumMs);
  }

  @Test
  void instantPacingDoesNotWait() {
    assertThat(narrator.pacing()).isEqualTo(NarratorPacing.instant());
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 2), listener);
    NarrationStats stats = listener.awaitTerminal().stats();
    assertThat(stats.timeToFirstTokenMs()).isLessThan(1_000L);
    assertThat(stats.totalMs()).isLessThan(2_000L);
  }

  @Test
  void defaultPacingIsLikeAHostedModel() {
    assertThat(NarratorPacing.DEFAULT.firstTokenDelay()).isEqualTo(Duration.ofMillis(800));
    assertThat(NarratorPacing.DEFAULT.tokensPerSecond()).isEqualTo(30);
    assertThat(new OfflineNarrator(wyldingWoods()).pacing()).isEqualTo(NarratorPacing.DEFAULT);
    NarratorPacing slow = NarratorPacing.DEFAULT.slowedBy(4);
    assertThat(slow.firstTokenDelay()).isEqualTo(Duration.ofMillis(3_200));
    assertThat(slow.tokensPerSecond()).isEqualTo(7.5);
    assertThatThrownBy(() -> new NarratorPacing(Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NarratorPacing(Duration.ofMillis(-1), 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cancelStopsTheNarrationWithoutATerminalCallback() {
    narrator.setPacing(new NarratorPacing(Duration.ZERO, 5)); // 200 ms per chunk
    RecordingListener listener = new RecordingListener();
    Narration narration = narrator.narrate(collect("ana", 4), listener);
    assertThat(listener.next().type()).isEqualTo("first");
    assertThat(listener.next().type()).isEqualTo("text");
    narration.cancel();
    narration.cancel();
    listener.assertNoMoreEvents(Duration.ofMillis(600));
    assertThat(listener.chunks()).hasSize(1);
  }

  @Test
  void closeEndsNarrationsAndRefusesNewOnes() {
    narrator.setPacing(new NarratorPacing(Duration.ofSeconds(30), 1));
    RecordingListener listener = new RecordingListener();
    narrator.narrate(collect("ana", 4), listener);
    narrator.close();
    listener.assertNoMoreEvents(QUIET);
    assertThatThrownBy(() -> narrator.narrate(collect("ana", 5), new RecordingListener()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aThrowingListenerDoesNotBreakTheStream() {
    RecordingListener recorder = new RecordingListener();
    narrator.narrate(collect("ana", 9), new NarrationListener() {
      @Override
      public void onText(String chunk) {
        recorder.onText(chunk);
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onDone(NarrationStats stats) {
        recorder.onDone(stats);
      }

      @Override
      public void onError(String code, String message) {
        recorder.onError(code, message);
      }
    });
    assertThat(recorder.awaitTerminal().type()).isEqualTo("done");
    assertThat(recorder.text()).isEqualTo(narrator.compose(collect("ana", 9)));
  }

  @Test
  void manyConcurrentNarrationsEachCompleteInOrder() {
    int count = 50;
    List<RecordingListener> listeners = LongStream.range(0, count).mapToObj(v -> {
      RecordingListener listener = new RecordingListener();
      narrator.narrate(collect("player-" + v, v), listener);
      return listener;
    }).toList();
    for (int i = 0; i < count; i++) {
      RecordingListener listener = listeners.get(i);
      assertThat(listener.awaitTerminal().type()).isEqualTo("done");
      assertThat(listener.text()).isEqualTo(narrator.compose(collect("player-" + i, i)));
    }
  }
}
