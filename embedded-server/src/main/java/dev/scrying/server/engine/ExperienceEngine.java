package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.protocol.PlayerViews;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.engine.parse.ParseResult;
import dev.scrying.server.engine.parse.TextCommands;
import dev.scrying.server.store.JournalEntry;
import dev.scrying.server.store.Recovered;
import dev.scrying.server.store.StateFolder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one experience. Commands queue up and run one at a time on its own thread; a
 * batch of them is journalled with one fsync (group commit) and only then answered and handed to
 * listeners, so nothing is visible before it is durable. Reads run on the same thread between
 * batches and never see undurable state. If the journal cannot be written, the batch fails with
 * {@code storage_unavailable} and the state is rebuilt from disk.
 */
public final class ExperienceEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExperienceEngine.class);
  private static final int MAX_BATCH = 256;
  private static final int ALONE_BATCH = 4;
  private static final int IDEMPOTENCY_CAPACITY = 100_000;
  private static final long UNSAFE_WRITE_DELAY_NANOS = 300_000_000L;

  private final Experience experience;
  private final StateFolder folder;
  private final Clock clock;
  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
  private final Thread writer;
  private final Map<String, Long> chains = new HashMap<>();
  private final Map<String, CommandResult> applied = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CommandResult> eldest) {
      return size() > IDEMPOTENCY_CAPACITY;
    }
  };
  private final List<Pending> pending = new ArrayList<>();
  /** True on the writer thread while it completes a small batch's futures with nothing else waiting (see {@link #answers}). */
  private boolean answeringAlone;
  private GameState state;
  private volatile long version;
  private volatile boolean running = true;
  private volatile Runnable afterCommit = () -> { };
  private final boolean durableBeforeAck = dev.scrying.server.store.Protection.DURABLE_BEFORE_ACK.isOn();

  private record Pending(CompletableFuture<CommandResult> future, CommandResult result, JournalEntry entry) {}

  public ExperienceEngine(Experience experience, StateFolder folder, Clock clock) throws IOException {
    this.experience = experience;
    this.folder = folder;
    this.clock = clock;
    restore(folder.recover(experience));
    this.writer = new Thread(this::loop, "engine-" + experience.id());
    writer.setDaemon(true);
    writer.start();
  }

  public Experience experience() {
    return experience;
  }

  public StateFolder folder() {
    return folder;
  }

  /** The latest durable version. */
  public long version() {
    return version;
  }

  /** Commands and reads waiting for the writer thread: what is not yet journalled, so not yet answered. */
  public int queued() {
    return queue.size();
  }

  public void addListener(EngineListener listener) {
    listeners.add(listener);
  }

  public void removeListener(EngineListener listener) {
    listeners.remove(listener);
  }

  /** Called on the writer thread after each durable batch (the snapshot thread uses it to wake up). */
  public void onCommit(Runnable hook) {
    this.afterCommit = hook;
  }

  /** Queues a command; the future completes once it is durable (or refused). */
  public CompletableFuture<CommandResult> submit(Command command) {
    Trace trace = new Trace(command.traceId() == null ? java.util.UUID.randomUUID().toString() : command.traceId());
    trace.stamp(Trace.RECEIVED, Trace.nowMicros(clock));
    Command c = command.withTraceId(trace.id());
    CompletableFuture<CommandResult> f = new CompletableFuture<>();
    if (!running) {
      f.complete(CommandResult.error(experience.id(), c, "shutting_down", "The server is shutting down.", version, trace));
      return f;
    }
    queue.add(() -> execute(c, trace, f));
    return f;
  }

  /** Runs {@code reader} on the writer thread against durable state; it must not keep references. */
  public <T> CompletableFuture<T> read(Function<GameState, T> reader) {
    CompletableFuture<T> f = new CompletableFuture<>();
    if (!running) {
      f.completeExceptionally(new IllegalStateException("engine " + experience.id() + " is stopped"));
      return f;
    }
    queue.add(new ReadTask(() -> {
      try {
        f.complete(reader.apply(state));
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    }));
    return f;
  }

  private record ReadTask(Runnable body) implements Runnable {
    @Override
    public void run() {
      body.run();
    }
  }

  private void loop() {
    List<Runnable> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Runnable first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        for (Runnable task : batch) {
          if (task instanceof ReadTask) {
            commit();
          }
          task.run();
        }
        commit();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | AssertionError | LinkageError e) {
        LOG.error("engine {}: unexpected failure; rebuilding state from disk", experience.id(), e);
        failPending("internal_error", "The command failed inside the server; nothing was changed.");
        rebuild();
      } finally {
        batch.clear();
      }
    }
  }

  private void execute(Command command, Trace trace, CompletableFuture<CommandResult> future) {
    Command c = command;
    String key = c.requestId() == null ? null : c.userId() + "|" + c.requestId();
    if (key != null && applied.containsKey(key)) {
      pending.add(new Pending(future, applied.get(key).asDuplicate(), null));
      return;
    }
    long now = clock.millis();
    if (Commands.TEXT.equals(c.action())) {
      ParseResult parsed = TextCommands.parse(new CommandContext(experience, state, c, now, folderHistory()),
          c.field("text"));
      if (parsed instanceof ParseResult.Reply reply) {
        pending.add(new Pending(future, result(c, reply.outcome(), false, List.of(), trace), null));
        return;
      }
      c = ((ParseResult.Parsed) parsed).command();
    }
    CommandHandler handler = Commands.handler(c.action()).orElse(null);
    if (handler == null) {
      pending.add(new Pending(future, CommandResult.error(experience.id(), c, "unknown_command",
          "Unknown command '" + c.action() + "'. Say 'help' to see what you can do.", version, trace), null));
      return;
    }
    if (Commands.isAdmin(c.action()) && !c.admin()) {
      pending.add(new Pending(future, CommandResult.error(experience.id(), c, "forbidden",
          "Admin commands need an admin identity.", version, trace), null));
      return;
    }
    Outcome outcome = handler.handle(new CommandContext(experience, state, c, now, folderHistory()));
    List<Mutation> mutations = new ArrayList<>(outcome.mutations());
    // Admin commands act on the world, not as a guest in it: they never create a player view.
    boolean isNew = state.player(c.userId()) == null && !Commands.isAdmin(c.action());
    if (isNew && (!mutations.isEmpty() || Commands.JOIN.equals(c.action()))) {
      mutations.add(0, new Mutation.PlayerCreated(c.userId(), PlayerViews.fresh(experience, c.userId(), now)));
    }
    if (mutations.isEmpty()) {
      pending.add(new Pending(future, result(c, outcome, false, List.of(), trace), null));
      return;
    }
    Fanout.Before before = Fanout.capture(state, mutations);
    mutations.forEach(state::apply);
    long v = state.version() + 1;
    state.setVersion(v);
    trace.stamp(Trace.APPLIED, Trace.nowMicros(clock));
    Map<String, ArrayNode> changes = Fanout.changes(experience, before, state, mutations);
    List<WorldUpdateEvent> events = new ArrayList<>();
    List<JournalEntry.Recipient> recipients = new ArrayList<>();
    List<ArrayNode> changeSets = new ArrayList<>();
    Map<ArrayNode, Integer> refs = new java.util.IdentityHashMap<>();
    ObjectNode eventMeta = eventMetadata(c, trace);
    changes.forEach((recipient, list) -> {
      long base = chains.getOrDefault(recipient, 0L);
      chains.put(recipient, v);
      int ref = refs.computeIfAbsent(list, l -> {
        changeSets.add(l);
        return changeSets.size() - 1;
      });
      recipients.add(new JournalEntry.Recipient(recipient, base, ref));
      events.add(new WorldUpdateEvent(experience.id(), recipient, base, v, list, now, eventMeta));
    });
    CommandResult r = result(c, outcome, true, events, trace);
    JournalEntry entry = new JournalEntry(v, now, c.userId(), c.requestId(), trace.id(), c.structured(), mutations,
        resultJson(r), recipients, changeSets);
    if (key != null) {
      applied.put(key, r);
    }
    pending.add(new Pending(future, r, entry));
  }

  private void commit() {
    if (pending.isEmpty()) {
      return;
    }
    List<JournalEntry> entries = pending.stream().map(Pending::entry).filter(e -> e != null).toList();
    if (!durableBeforeAck) {
      acknowledgeThenWrite(entries);
      return;
    }
    if (!entries.isEmpty()) {
      try {
        folder.append(entries);
      } catch (IOException e) {
        LOG.error("engine {}: journal write failed ({}); failing {} command(s) and rebuilding from disk",
            experience.id(), e.getMessage(), entries.size());
        failPending("storage_unavailable", "The server could not save this change (" + e.getMessage()
            + "); nothing was changed. Try again in a moment.");
        rebuild();
        return;
      }
    }
    acknowledge(entries);
  }

  /** Negative control only ({@link dev.scrying.server.store.Protection}): the loss the crash tests must catch. */
  private void acknowledgeThenWrite(List<JournalEntry> entries) {
    acknowledge(entries);
    if (!entries.isEmpty()) {
      java.util.concurrent.locks.LockSupport.parkNanos(UNSAFE_WRITE_DELAY_NANOS);
      try {
        folder.append(entries);
      } catch (IOException e) {
        LOG.error("engine {}: late journal write failed: {}", experience.id(), e.getMessage());
      }
    }
  }

  private void acknowledge(List<JournalEntry> entries) {
    long durableAt = Trace.nowMicros(clock);
    version = state.version();
    List<Pending> done = new ArrayList<>(pending);
    pending.clear();
    for (Pending p : done) {
      if (p.entry() != null) {
        p.result().trace().stamp(Trace.DURABLE, durableAt);
      }
      if (p.entry() != null) {
        // Listeners first (trace registry, event log, publisher), so whoever the answer wakes can find
        // this command's trace and events.
        for (EngineListener l : listeners) {
          try {
            l.committed(p.result());
          } catch (RuntimeException | AssertionError e) {
            // A broken listener must never stop the writer: the change is durable and others still need it.
            LOG.warn("listener failed on v{}: {}", p.result().version(), e.toString());
          }
        }
      }
    }
    answer(done);
    if (!entries.isEmpty()) {
      afterCommit.run();
    }
  }

  /**
   * Completes a durable batch's futures. A small batch with nothing else waiting (one guest's action, a
   * chat's join and message) is answered alone: callbacks given {@link #answers} run right here, saving a
   * thread hand-off on the path a guest feels. A busy engine leaves them to the fallback executor and
   * goes on with the next batch.
   */
  private void answer(List<Pending> done) {
    answeringAlone = done.size() <= ALONE_BATCH && queue.isEmpty();
    try {
      for (Pending p : done) {
        p.future().complete(p.result());
      }
    } finally {
      answeringAlone = false;
    }
  }

  /**
   * An executor for callbacks on {@link #submit}'s futures: they run on the engine's thread when it
   * answers a small batch while otherwise idle, else on {@code fallback}. Such a callback must not block.
   */
  public Executor answers(Executor fallback) {
    return task -> {
      if (answeringAlone && Thread.currentThread() == writer) {
        task.run();
      } else {
        fallback.execute(task);
      }
    };
  }

  private void failPending(String code, String message) {
    for (Pending p : pending) {
      CommandResult r = p.result();
      p.future().complete(new CommandResult(false, message, experience.id(), r.userId(), r.command(),
          Json.object().put("error_code", code), version, false, List.of(), r.trace(), code, false));
    }
    pending.clear();
  }

  private void rebuild() {
    try {
      restore(folder.recover(experience));
    } catch (IOException | RuntimeException e) {
      LOG.error("engine {}: cannot rebuild state from disk; keeping the last durable state", experience.id(), e);
    }
  }

  private void restore(Recovered r) {
    state = r.state();
    version = state.version();
    chains.clear();
    applied.clear();
    for (JournalEntry e : r.journal()) {
      e.recipients().forEach(x -> chains.put(x.userId(), e.version()));
      if (e.requestId() != null) {
        applied.put(e.actor() + "|" + e.requestId(), fromJournal(e));
      }
    }
  }

  private CommandResult fromJournal(JournalEntry e) {
    ObjectNode res = e.result();
    List<WorldUpdateEvent> events = new ArrayList<>();
    Trace trace = new Trace(e.traceId());
    return new CommandResult(res.path("success").asBoolean(), res.path("message").asText(), experience.id(),
        e.actor(), e.command(), (ObjectNode) res.path("metadata"), e.version(), true, events, trace, null, false);
  }

  private CommandResult result(Command c, Outcome o, boolean changed, List<WorldUpdateEvent> events, Trace trace) {
    ObjectNode meta = o.metadata().deepCopy();
    return new CommandResult(o.success(), o.message(), experience.id(), c.userId(), c.structured(), meta,
        state.version(), changed, events, trace, null, false);
  }

  private static ObjectNode resultJson(CommandResult r) {
    ObjectNode out = Json.object().put("success", r.success()).put("message", r.message());
    out.set("metadata", r.metadata());
    return out;
  }

  private ObjectNode eventMetadata(Command c, Trace trace) {
    ObjectNode meta = Json.object().put("source", "scrying").put("state_model", "shared")
        .put("command", c.action()).put("actor", c.userId()).put("trace_id", trace.id());
    if (c.requestId() != null) {
      meta.put("request_id", c.requestId());
    }
    return meta;
  }

  private WorldHistory folderHistory() {
    return folder.history();
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
