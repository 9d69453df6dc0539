package dev.scrying.console.bench;

import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.ui.FxDispatch;
import dev.scrying.console.ui.MainView;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console's flood benchmark ({@code scrying console-bench [SECONDS] [EVENTS_PER_SECOND]}): the real main
 * window on the Live stream panel, fed through the real session-listener path at a fixed rate (default
 * 5,000 events/s for 60 s), while an AnimationTimer records every FX pulse gap. Prints pulse-gap
 * percentiles, events/s shown, drops and heap; exits 0 when p99 is under 50 ms with nothing dropped.
 * Needs a display (Xvfb is fine).
 */
public final class ConsoleBench extends Application {
  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration BASELINE = Duration.ofSeconds(5);

  private static int seconds = 60;
  private static int rate = 5_000;
  private static volatile BenchReport report;
  private static UiDispatch fx;

  public static void main(String[] args) {
    if (args.length > 0) {
      seconds = Integer.parseInt(args[0]);
    }
    if (args.length > 1) {
      rate = Integer.parseInt(args[1]);
    }
    Application.launch(ConsoleBench.class);
    if (report == null) {
      System.err.println("The benchmark did not finish.");
      System.exit(2);
    }
    System.out.print(report.text());
    System.exit(report.passed() ? 0 : 1);
  }

  @Override
  public void start(Stage stage) {
    FloodSession session = new FloodSession();
    fx = FxDispatch.create();
    MainViewModel model = new MainViewModel(() -> session, fx, Duration.ofMillis(500), java.util.List.of());
    MainView view = new MainView(model);
    model.show(Page.STREAM);
    AtomicLong shown = new AtomicLong();
    model.stream().rows().subscribe(c -> shown.addAndGet(c.appended().size()));
    stage.setScene(new Scene(view, 1600, 1000));
    stage.setTitle("Scrying — flood benchmark");
    stage.show();
    model.start();
    PulseMeter meter = new PulseMeter();
    meter.start();
    Thread run = new Thread(() -> run(session, model, meter, shown), "bench-driver");
    run.setDaemon(true);
    run.start();
  }

  private static void run(FloodSession session, MainViewModel model, PulseMeter meter, AtomicLong shown) {
    try {
      Thread.sleep(WARM_UP.toMillis()); // a benchmark's own warm-up, not test synchronisation
      double loadBefore = load();
      // The same window with no events first: what this machine's pulses look like anyway.
      onFx(() -> meter.record(true));
      Thread.sleep(BASELINE.toMillis());
      onFx(() -> meter.record(false));
      org.HdrHistogram.Histogram idle = meter.gaps();
      meter.reset();
      onFx(() -> meter.record(true));
      long shownBefore = shown.get();
      HeapSampler heap = new HeapSampler();
      heap.start();
      session.flood(rate, seconds);
      Thread.sleep(1000); // let the last batch reach the table
      heap.stopSampling();
      CountDownLatch done = new CountDownLatch(1);
      long[] kept = new long[1];
      fx.post(() -> {
        meter.stop();
        kept[0] = model.stream().visibleRows().size();
        done.countDown();
      });
      done.await(10, TimeUnit.SECONDS);
      System.gc();
      long afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long dropped = model.stream().dropped();
      report = new BenchReport(seconds, rate, session.offered(), shown.get() - shownBefore, dropped, meter.gaps(), idle,
          heap.max(), afterGc, Runtime.getRuntime().maxMemory(), (int) kept[0], loadBefore, load());
      model.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Platform.exit();
    }
  }

  /** The system load average over the last minute (other processes compete for the same cores). */
  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void onFx(Runnable r) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    fx.post(() -> {
      r.run();
      done.countDown();
    });
    done.await(10, TimeUnit.SECONDS);
  }

  /** Samples the used heap every 200 ms. */
  private static final class HeapSampler extends Thread {
    private volatile boolean running = true;
    private long max;

    HeapSampler() {
      super("bench-heap");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        max = Math.max(max, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopSampling() {
      running = false;
    }

    long max() {
      return max;
    }
  }
}
