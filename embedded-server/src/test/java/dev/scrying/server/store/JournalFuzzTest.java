package dev.scrying.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded fuzz of journal line decoding: a real journal with flipped bits, cut tails, inserted bytes and
 * lines whose checksum is right but whose JSON is not an entry. Start-up reading either returns a prefix
 * of the real entries (repairing a torn tail) or refuses clearly with a StoreException; the tolerant
 * reader never throws; no decoded entry lacks what replay needs.
 */
class JournalFuzzTest {
  static final Experience WW = ExperienceLoader.loadBundled("wylding-woods");
  @TempDir Path dir;
  byte[] original;
  List<JournalEntry> entries;

  @BeforeEach
  void realJournal() throws Exception {
    Path folder = dir.resolve("folder");
    try (StateFolder f = new StateFolder(folder, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC())) {
      for (int i = 0; i < 20; i++) {
        e.submit(new Command(i % 2 == 0 ? "collect_item" : "drop_item", Json.object().put("instance_id", "bottle_joy"),
            "u" + (i % 3), false, "r" + i, null, null)).get(10, TimeUnit.SECONDS);
      }
    }
    original = Files.readAllBytes(folder.resolve("journal.log"));
    entries = Journal.readQuietly(folder.resolve("journal.log"));
    assertThat(entries).hasSizeGreaterThan(5);
  }

  @Test
  void damagedJournalsAreRepairedAsAPrefixOrRefusedClearly() throws Exception {
    // Each repair fsyncs the file: a smaller default than the in-memory fuzzers.
    int n = Fuzz.iterations(400);
    int prefixes = 0;
    int refusals = 0;
    Path file = dir.resolve("journal.log");
    for (long seed : Fuzz.SEEDS) {
      Fuzz f = new Fuzz(seed);
      for (int i = 0; i < n; i++) {
        byte[] damaged = damage(f, i);
        Files.write(file, damaged);
        List<JournalEntry> tolerant = Journal.readQuietly(file);
        tolerant.forEach(e -> assertThat(e.version()).isPositive());
        try {
          List<JournalEntry> read = Journal.read(file);
          assertThat(versionsAndText(read)).as("seed %d #%d: a prefix of the real entries", seed, i)
              .isEqualTo(versionsAndText(entries.subList(0, read.size())));
          assertThat(versionsAndText(Journal.read(file))).as("the repair is stable").isEqualTo(versionsAndText(read));
          prefixes++;
        } catch (StoreException refused) {
          assertThat(refused.getMessage()).contains("refusing to start");
          refusals++;
        }
      }
    }
    System.out.printf("RELIABILITY fuzz-journal iterations=%d repaired_prefix=%d refused=%d exceptions=0%n",
        n * Fuzz.SEEDS.size(), prefixes, refusals);
  }

  @Test
  void checksummedLinesThatAreNotEntriesAreNeverDecoded() throws Exception {
    int n = Fuzz.iterations(1_500);
    Path file = dir.resolve("forged.log");
    for (long seed : Fuzz.SEEDS) {
      Fuzz f = new Fuzz(seed);
      for (int i = 0; i < n; i++) {
        String json = i % 2 == 0 ? f.json(4).toString() : f.mutate(Json.write(entries.get(i % entries.size())));
        Files.write(file, checksummed(json));
        for (JournalEntry e : Journal.readQuietly(file)) {
          assertThat(e.command()).as("seed %d #%d %s", seed, i, json).isNotNull();
          assertThat(e.actor()).isNotNull();
          assertThat(e.result()).isNotNull();
          assertThat(e.version()).isPositive();
        }
      }
    }
  }

  private byte[] damage(Fuzz f, int i) {
    return switch (i % 4) {
      case 0 -> f.mutate(original);
      case 1 -> java.util.Arrays.copyOf(original, f.random().nextInt(original.length + 1));
      case 2 -> {
        byte[] out = original.clone();
        out[f.random().nextInt(out.length)] ^= (byte) (1 << f.random().nextInt(8));
        yield out;
      }
      default -> (new String(original, StandardCharsets.UTF_8) + f.randomChars(f.random().nextInt(40)))
          .getBytes(StandardCharsets.UTF_8);
    };
  }

  private static List<String> versionsAndText(List<JournalEntry> list) {
    return list.stream().map(e -> e.version() + " " + Json.write(e)).toList();
  }

  private static byte[] checksummed(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] head = (String.format("%08x", crc.getValue()) + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] line = java.util.Arrays.copyOf(head, head.length + body.length + 1);
    System.arraycopy(body, 0, line, head.length, body.length);
    line[line.length - 1] = '\n';
    return line;
  }
}
